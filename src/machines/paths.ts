/**
 * Walking a compiled flow: every path from the start to an outcome, for the tests and the author
 * preview (/dev/flows/). The build checks the flow files themselves (check.ts: dead ends, loops
 * without a way out, unreachable nodes) before any machine is compiled.
 */
import { getSimplePaths } from '@xstate/graph';
import { isOutcome, readStates } from './model.ts';
import type { Flow } from './types.ts';

/** One path: the nodes passed with the answer chosen at each, then the outcome. */
export interface FlowPath {
  steps: { state: string; event: string; label: string }[];
  end: string;
  outcome: 'resolved' | 'escalate' | '?';
}

/** Every simple path from the start to an outcome, in a stable order. */
export function listPaths(flow: Flow): FlowPath[] {
  const states = new Map(readStates(flow.model).map((s) => [s.id, s]));
  return getSimplePaths(flow.machine)
    .filter((p) => states.get(String(p.state.value))?.meta.kind === 'outcome')
    .map((p) => {
      const steps: FlowPath['steps'] = [];
      let current = String(flow.machine.config.initial);
      for (const step of p.steps) {
        if (step.event.type === 'xstate.init') continue;
        const meta = states.get(current)!.meta;
        const label =
          meta.kind === 'question' ? (meta.answers.find((a) => a.event === step.event.type)?.label ?? '') : '';
        steps.push({ state: current, event: step.event.type, label: label || step.event.type });
        current = states.get(current)!.on[step.event.type]!;
      }
      const end = states.get(current)!;
      return { steps, end: current, outcome: isOutcome(end.meta) ? end.meta.outcome : '?' };
    });
}

/**
 * Every path, readable: state —ANSWER→ state … (outcome). By default the structure only (node ids
 * and answer names), so rewording a label changes no snapshot; `by: 'label'` shows the labels.
 */
export function describePaths(flow: Flow, by: 'label' | 'event' = 'event'): string[] {
  return listPaths(flow)
    .map((p) => `${p.steps.map((s) => `${s.state} —${s[by]}→ `).join('')}${p.end} (${p.outcome})`)
    .sort();
}
