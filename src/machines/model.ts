import type { AnyStateMachine } from 'xstate';
import type { OutcomeMeta, QuestionMeta, StepMeta } from './types.ts';

/** One state of a flow, read from the machine's config. */
export interface FlowState {
  id: string;
  meta: StepMeta;
  /** Event type → target state id. */
  on: Record<string, string>;
  final: boolean;
}

/** Reads the states of a (flat) flow machine in definition order. */
export function readStates(machine: AnyStateMachine): FlowState[] {
  const states = (machine.config.states ?? {}) as Record<
    string,
    { type?: string; meta?: StepMeta; on?: Record<string, unknown> }
  >;
  return Object.entries(states).map(([id, node]) => ({
    id,
    meta: node.meta as StepMeta,
    final: node.type === 'final',
    on: Object.fromEntries(
      Object.entries(node.on ?? {}).map(([event, target]) => [
        event,
        String(typeof target === 'object' && target ? (target as { target: unknown }).target : target).replace(
          /^\./,
          '',
        ),
      ]),
    ),
  }));
}

/**
 * The states reachable from `start` (by default the initial state), in the order a reader meets
 * them: breadth first.
 */
export function orderStates(machine: AnyStateMachine, start = String(machine.config.initial)): FlowState[] {
  const all = new Map(readStates(machine).map((s) => [s.id, s]));
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

/** The most steps left from each state to an outcome (0 at an outcome). */
export function stepsLeft(machine: AnyStateMachine): Map<string, number> {
  const all = new Map(readStates(machine).map((s) => [s.id, s]));
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

/** Narrowing helpers for a state's meta. */
export const isOutcome = (meta: StepMeta): meta is OutcomeMeta => meta.kind === 'outcome';
export const isQuestion = (meta: StepMeta): meta is QuestionMeta => meta.kind === 'question';

/**
 * The states a printed sheet shows: all but the escalations generated for "not fixed" (the
 * NOT_FIXED target of each resolved outcome), which only say "call, this did not help" again.
 */
export function printedStates(states: FlowState[]): FlowState[] {
  const notFixed = new Set(states.flatMap((s) => (isOutcome(s.meta) && s.on.NOT_FIXED ? [s.on.NOT_FIXED] : [])));
  return states.filter((s) => !notFixed.has(s.id));
}
