/**
 * Compiles a flow file into its XState machine. Runs in the browser too (the widget compiles the
 * one flow it shows), so it imports neither zod nor YAML: the build has checked the file already.
 */
import { setup } from 'xstate';
import type { FlowFile, FlowNode, SharedTexts } from './schema.ts';
import type { Answer, Flow, StepMeta } from './types.ts';

/** The event a `step` node's one button sends. */
export const stepEvent = 'DONE';

/** The event "did this fix it? no" sends at a resolved outcome. */
export const notFixedEvent = 'NOT_FIXED';

/**
 * The `_shared.yaml` entry that words "not fixed" escalations when a flow names none. The schema
 * sets the same default on the server; the browser gets the file as written, without defaults.
 */
export const defaultNotFixed = 'notFixed';

/** Id of the escalation a resolved outcome leads to when it did not fix the problem. */
export const notFixedId = (id: string) => `${id}NotFixed`;

/**
 * The escalation generated for a resolved outcome that did not fix the problem, worded by the
 * `_shared.yaml` entry the flow names in `notFixed:` (the checks make sure it has a title, steps,
 * contact and tell): `{outcome}` becomes the outcome's title and `{steps}` its steps.
 */
export function notFixedMeta(
  node: Extract<FlowNode, { kind: 'outcome' }>,
  entry: SharedTexts[string] | undefined,
  shared: SharedTexts,
): StepMeta {
  const fill = (t: string) => t.replaceAll('{outcome}', node.title).replaceAll('{steps}', node.steps.join('；'));
  return {
    kind: 'outcome',
    outcome: 'escalate',
    title: fill(entry?.title ?? node.title),
    steps: (entry?.steps ?? []).map(fill),
    contact: entry?.contact ? resolveContact(entry.contact, shared) : '',
    tell: resolveTell(entry?.tell ?? [], shared).map(fill),
  };
}

type Text = string | { shared: string };

/** Resolves `contact`: a text, or a shared entry's contact (which may name another entry). */
export function resolveContact(value: Text, shared: SharedTexts, seen: ReadonlySet<string> = new Set()): string {
  if (typeof value === 'string') return value;
  const next = shared[value.shared]?.contact;
  return next === undefined || seen.has(value.shared)
    ? ''
    : resolveContact(next, shared, new Set([...seen, value.shared]));
}

/** Resolves `tell`: texts, with each `{ shared: id }` replaced by that entry's list. */
export function resolveTell(items: Text[], shared: SharedTexts, seen: ReadonlySet<string> = new Set()): string[] {
  return items.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : seen.has(item.shared)
        ? []
        : resolveTell(shared[item.shared]?.tell ?? [], shared, new Set([...seen, item.shared])),
  );
}

/** The answers of a node, in order, with their targets (none for an outcome). */
export function answersOf(node: FlowNode): { event: string; label: string; next: string }[] {
  if (node.kind === 'question') return Object.entries(node.answers).map(([event, a]) => ({ event, ...a }));
  if (node.kind === 'step') return [{ event: stepEvent, ...node.done }];
  return [];
}

/** The meta (texts) of one node, as the widget, the no-JS view and the print sheet read it. */
export function metaOf(node: FlowNode, shared: SharedTexts): StepMeta {
  if (node.kind === 'outcome') {
    const meta: StepMeta = { kind: 'outcome', outcome: node.outcome, title: node.title, steps: node.steps };
    if (node.prevent) meta.prevent = node.prevent;
    if (node.contact) meta.contact = resolveContact(node.contact, shared);
    if (node.tell) meta.tell = resolveTell(node.tell, shared);
    return meta;
  }
  const answers: Answer[] = answersOf(node).map(({ event, label }) => ({ event, label }));
  const question = node.kind === 'question' ? node.question : node.title;
  return {
    kind: 'question',
    question,
    ...(node.steps ? { steps: node.steps } : {}),
    ...(node.note ? { note: node.note } : {}),
    answers,
  };
}

/** One state of a compiled flow machine. */
interface StateConfig {
  type?: 'final';
  description?: string;
  meta: StepMeta;
  on?: Record<string, string>;
}

/** Builds the machine of a checked flow file: one state per node, one event per answer. */
export function compileMachine(name: string, file: FlowFile, shared: SharedTexts) {
  const states = Object.fromEntries(
    Object.entries(file.nodes).flatMap(([id, node]): [string, StateConfig][] => {
      const base = { ...(node.description ? { description: node.description } : {}), meta: metaOf(node, shared) };
      if (node.kind === 'outcome' && node.outcome === 'resolved') {
        // A resolved outcome waits for "did this fix it?": NOT_FIXED leads to its own escalation.
        const escalation = {
          type: 'final' as const,
          description: `Generated: ${id} did not fix the problem.`,
          meta: notFixedMeta(node, shared[file.notFixed ?? defaultNotFixed], shared),
        };
        return [
          [id, { ...base, on: { [notFixedEvent]: notFixedId(id) } }],
          [notFixedId(id), escalation],
        ];
      }
      if (node.kind === 'outcome') return [[id, { type: 'final' as const, ...base }]];
      return [[id, { ...base, on: Object.fromEntries(answersOf(node).map((a) => [a.event, a.next])) }]];
    }),
  );
  return setup({ types: { events: {} as { type: string }, meta: {} as StepMeta } }).createMachine({
    id: name,
    initial: file.start,
    states,
  });
}

/** Compiles a checked flow file into a flow: machine, title, intro and order. */
export function compileFlow(name: string, file: FlowFile, shared: SharedTexts): Flow {
  return { name, title: file.title, intro: file.intro, order: file.order, machine: compileMachine(name, file, shared) };
}
