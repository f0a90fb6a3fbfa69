/**
 * Compiles a flow model (types.ts `FlowModel`, made by the catalogue) into its XState machine,
 * where a flow runs: the widget, the tests. Runs in the browser, so it imports neither zod nor
 * YAML: the model is plain data, checked at build time (and by shape when the browser loads it).
 */
import { createMachine } from 'xstate';
import type { Flow, FlowModel, StepMeta } from './types.ts';

/** One state of a compiled flow machine. */
interface StateConfig {
  type?: 'final';
  description?: string;
  meta: StepMeta;
  on?: Record<string, string>;
}

/** Builds the machine of a flow model: one state per node, one event per answer. */
export function compileMachine(model: FlowModel, start = model.start) {
  const states: Record<string, StateConfig> = {};
  for (const node of model.nodes)
    states[node.id] = {
      ...(node.final ? { type: 'final' as const } : {}),
      ...(node.description ? { description: node.description } : {}),
      meta: node.meta,
      ...(Object.keys(node.on).length ? { on: node.on } : {}),
    };
  // createMachine, not setup(): setup() brings XState's action creators (assign, log…), which a
  // decision flow has none of, into the widget's download.
  return createMachine({
    types: {} as { events: { type: string }; meta: StepMeta },
    id: model.id,
    initial: start,
    states,
  });
}

/** Compiles a flow model into a flow (beginning at `start`, a node id, when given). */
export function compileFlow(model: FlowModel, start = model.start): Flow {
  return {
    name: model.id,
    title: model.title,
    intro: model.intro,
    order: model.order,
    machine: compileMachine(model, start),
    model,
  };
}
