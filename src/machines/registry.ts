/**
 * Every flow, checked and compiled, for the server side (pages, print sheets, search data, tests).
 * A mistake in any flow file fails here with an AstroError naming file, node, field and fix, so
 * `astro dev` shows it on the page as soon as the file is saved.
 */
import sharedData from '../content/flows/_shared.yaml';
import { loadFlows } from './load.ts';
import { flowIdOf } from './manifest.ts';
import { flowsError } from './problems.ts';
import type { Flow } from './types.ts';

const files = import.meta.glob<unknown>(['../content/flows/*.yaml', '!../content/flows/_*.yaml'], {
  import: 'default',
  eager: true,
});

const loaded = loadFlows(
  Object.entries(files).map(([path, data]) => ({
    name: flowIdOf(path),
    file: `src/content/flows/${flowIdOf(path)}.yaml`,
    data,
  })),
  { file: 'src/content/flows/_shared.yaml', data: sharedData },
);
if (loaded.problems.length) throw flowsError(loaded.problems);

/** Every flow, in order. */
export const flowList: readonly Flow[] = loaded.flows;

/** Every flow, by id. */
export const flows: Readonly<Record<string, Flow>> = Object.fromEntries(loaded.flows.map((f) => [f.name, f]));

/** Looks up a flow by id; undefined for an unknown id. */
export function getFlow(name: string): Flow | undefined {
  return Object.hasOwn(flows, name) ? flows[name] : undefined;
}
