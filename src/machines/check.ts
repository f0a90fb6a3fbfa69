import { getSimplePaths } from '@xstate/graph';
import type { Flow, StepMeta } from './types.ts';
import { isOutcome, readStates } from './model.ts';

/** One thing wrong with a flow, said so an author can fix it. */
export interface FlowProblem {
  flow: string;
  state: string;
  message: string;
  fix: string;
}

type RawState = { type?: string; meta?: StepMeta; on?: Record<string, unknown> };

/** Checks a flow's raw config (works before XState resolves targets, so a typo is named). */
export function checkFlowConfig(
  name: string,
  config: { initial?: unknown; states?: Record<string, RawState> },
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add = (state: string, message: string, fix: string) => problems.push({ flow: name, state, message, fix });
  const states = config.states ?? {};
  const ids = Object.keys(states);
  const initial = String(config.initial ?? '');
  if (!states[initial])
    add(
      initial || '(none)',
      `the initial state "${initial}" does not exist`,
      `set \`initial\` to one of: ${ids.join(', ')}`,
    );
  for (const [id, node] of Object.entries(states)) {
    const meta = node.meta;
    const on = Object.fromEntries(
      Object.entries(node.on ?? {}).map(([e, t]) => [
        e,
        String(typeof t === 'object' && t ? (t as { target: unknown }).target : t).replace(/^\./, ''),
      ]),
    );
    for (const [event, target] of Object.entries(on)) {
      if (!states[target])
        add(
          id,
          `answer ${event} points to "${target}", which is not a state`,
          `add a state "${target}" or point ${event} to one of: ${ids.join(', ')}`,
        );
    }
    if (node.type === 'final') {
      if (!meta || meta.kind !== 'outcome')
        add(
          id,
          'this final state has no outcome meta',
          "add meta: { kind: 'outcome', outcome: 'resolved' | 'escalate', title, steps }",
        );
      else {
        if (meta.outcome !== 'resolved' && meta.outcome !== 'escalate')
          add(id, `outcome kind "${String(meta.outcome)}" is not known`, "use outcome: 'resolved' or 'escalate'");
        if (!meta.title?.trim()) add(id, 'the outcome has no title', 'add a `title` saying what the result is');
        if (!meta.steps?.length) add(id, 'the outcome says nothing to do', 'add `steps` with what to do now');
        if (meta.outcome === 'escalate' && (!meta.contact?.trim() || !meta.tell?.length))
          add(id, 'an escalation must say whom to contact and what to tell them', 'add `contact` and `tell`');
        if (meta.outcome === 'resolved' && !meta.prevent?.length)
          add(id, 'a resolved outcome must say how to keep it from happening again', 'add `prevent`');
      }
      if (Object.keys(on).length)
        add(id, 'a final state has answers', 'remove `on` from the final state, or remove `type: final`');
      continue;
    }
    if (!Object.keys(on).length)
      add(id, 'this step has no way out', "add answers in `on`, or make it an outcome with type: 'final'");
    if (!meta || meta.kind !== 'question') {
      add(id, 'this step has no question meta', "add meta: { kind: 'question', question, answers }");
      continue;
    }
    if (!meta.question?.trim()) add(id, 'the step has no question', 'add a `question`');
    const events = meta.answers.map((a) => a.event);
    for (const a of meta.answers)
      if (!a.label?.trim()) add(id, `answer ${a.event} has no label`, `give ${a.event} a \`label\` in meta.answers`);
    for (const e of Object.keys(on))
      if (!events.includes(e)) add(id, `answer ${e} has no label`, `add { event: '${e}', label: '…' } to meta.answers`);
    for (const e of events)
      if (!(e in on))
        add(
          id,
          `meta.answers lists ${e}, which the state does not accept`,
          `add ${e} to \`on\` or remove it from meta.answers`,
        );
  }
  // Reachability, from the raw config so it works even when XState would refuse the machine.
  const seen = new Set<string>();
  const queue = states[initial] ? [initial] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of Object.values(states[id]?.on ?? {})) {
      const target = String(typeof t === 'object' && t ? (t as { target: unknown }).target : t).replace(/^\./, '');
      if (states[target]) queue.push(target);
    }
  }
  for (const id of ids)
    if (!seen.has(id)) add(id, 'no answer leads to this state', `point an answer to "${id}" or delete the state`);
  return problems;
}

/** Checks a registered flow: its config, then every simple path ends in an outcome. */
export function checkFlow(flow: Flow): FlowProblem[] {
  const problems = checkFlowConfig(flow.name, flow.machine.config as Parameters<typeof checkFlowConfig>[1]);
  if (problems.length) return problems;
  for (const path of getSimplePaths(flow.machine)) {
    const state = String(path.state.value);
    const node = readStates(flow.machine).find((s) => s.id === state);
    if (node && !node.final && Object.keys(node.on).length === 0) {
      problems.push({
        flow: flow.name,
        state,
        message: 'a path stops here without an outcome',
        fix: 'add answers or make it an outcome',
      });
    }
  }
  return problems;
}

/** Formats problems one per line: flow, state, what is wrong, the fix. */
export function formatProblems(problems: FlowProblem[]): string {
  return problems.map((p) => `flow "${p.flow}", state "${p.state}": ${p.message}. Fix: ${p.fix}.`).join('\n');
}

/** Throws one error listing every problem of every flow (used by the build and the tests). */
export function assertFlows(flows: Record<string, Flow>): void {
  const problems = Object.values(flows).flatMap(checkFlow);
  if (problems.length)
    throw new Error(`The troubleshooting flows have ${problems.length} problem(s):\n${formatProblems(problems)}`);
}

/** Every path from the start to an outcome, readable: state —answer→ state … (outcome). */
export function describePaths(flow: Flow): string[] {
  const states = new Map(readStates(flow.machine).map((s) => [s.id, s]));
  return getSimplePaths(flow.machine)
    .filter((p) => p.state.status === 'done')
    .map((p) => {
      let text = '';
      let current = String(flow.machine.config.initial);
      for (const step of p.steps) {
        if (step.event.type === 'xstate.init') continue;
        const meta = states.get(current)!.meta;
        const label =
          meta.kind === 'question' ? meta.answers.find((a) => a.event === step.event.type)?.label : step.event.type;
        text += `${current} —${label}→ `;
        current = states.get(current)!.on[step.event.type]!;
      }
      const end = states.get(current)!;
      return `${text}${current} (${isOutcome(end.meta) ? end.meta.outcome : '?'})`;
    })
    .sort();
}
