/**
 * Reading a flow's model (types.ts `FlowModel`, from the catalogue): its nodes in the order a
 * reader meets them, how far each is from an outcome, which ones a printed sheet shows. The
 * widget, the no-JavaScript view, the print sheet and the tests read flows through these, never
 * by taking a compiled machine's config apart.
 */
import { NOT_FIXED } from './constants.ts';
import type { FlowModel, ModelNode, OutcomeMeta, StepMeta } from './types.ts';

/** One node of a flow (an alias kept for readers of the states). */
export type FlowState = ModelNode;

/** The nodes of a flow in the order its file lists them (each generated escalation after its outcome). */
export const readStates = (model: FlowModel): FlowState[] => model.nodes;

/**
 * The nodes reachable from `start` (by default the flow's start), in the order a reader meets
 * them: breadth first.
 */
export function orderStates(model: FlowModel, start = model.start): FlowState[] {
  const all = new Map(model.nodes.map((s) => [s.id, s]));
  const order: FlowState[] = [];
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length) {
    const state = all.get(queue.shift()!);
    if (!state) continue;
    order.push(state);
    for (const target of Object.values(state.on)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return order;
}

/** The most steps left from each node to an outcome (0 at an outcome). */
export function stepsLeft(model: FlowModel): Map<string, number> {
  const all = new Map(model.nodes.map((s) => [s.id, s]));
  const memo = new Map<string, number>();
  const visit = (id: string, trail: Set<string>): number => {
    if (memo.has(id)) return memo.get(id)!;
    const state = all.get(id);
    if (!state || state.final || state.meta.kind === 'outcome' || trail.has(id)) return 0;
    trail.add(id);
    const most = Math.max(0, ...Object.values(state.on).map((t) => 1 + visit(t, trail)));
    trail.delete(id);
    memo.set(id, most);
    return most;
  };
  for (const id of all.keys()) visit(id, new Set());
  return memo;
}

/** Narrows a node's meta to an outcome. */
export const isOutcome = (meta: StepMeta): meta is OutcomeMeta => meta.kind === 'outcome';

/**
 * The nodes a printed sheet shows: all but the escalations generated for "not fixed" (the
 * NOT_FIXED target of each resolved outcome), which only say "call, this did not help" again.
 */
export function printedStates(states: FlowState[]): FlowState[] {
  const notFixed = new Set(states.flatMap((s) => (isOutcome(s.meta) && s.on[NOT_FIXED] ? [s.on[NOT_FIXED]] : [])));
  return states.filter((s) => !notFixed.has(s.id));
}
