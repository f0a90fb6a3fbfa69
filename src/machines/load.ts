/**
 * Checked, compiled flows from flow files, for tests that write their own: the catalogue's models
 * (catalogue.ts), each compiled into its machine.
 */
import { buildCatalogue, type FlowSource } from './catalogue.ts';
import { compileFlow } from './compile.ts';
import type { FlowProblem } from './problems.ts';
import type { Flow, FlowModel } from './types.ts';

/** Checks every flow, makes its model and compiles it; in order, with every problem found. */
export function loadFlows(
  sources: FlowSource[],
  shared: Omit<FlowSource, 'name'>,
): { flows: Flow[]; models: FlowModel[]; problems: FlowProblem[] } {
  const { models, problems } = buildCatalogue(sources, shared);
  return { flows: models.map((m) => compileFlow(m)), models, problems };
}
