/**
 * Every flow, checked and compiled, for the server side (pages, print sheets, search data, tests),
 * from the one catalogue (catalogue.ts, handed on as `virtual:pos-help/catalogue`). A mistake in
 * any flow file fails here with an AstroError naming file, node, field and fix, so `astro dev`
 * shows it on the page as soon as the file is saved.
 */
import catalogue from 'virtual:pos-help/catalogue';
import { compileFlow } from './compile.ts';
import { flowsError } from './problems.ts';
import { resolveTell } from './to-model.ts';
import type { Flow, FlowModel } from './types.ts';

if (catalogue.problems.length) throw flowsError(catalogue.problems);

/** Every flow's model, in order. */
export const models: readonly FlowModel[] = catalogue.models;

/** Every flow, in order. */
export const flowList: readonly Flow[] = catalogue.models.map((m) => compileFlow(m));

/** Every flow, by id. */
export const flows: Readonly<Record<string, Flow>> = Object.fromEntries(flowList.map((f) => [f.name, f]));

/** Every flow id, in order. */
export const flowNames: readonly string[] = flowList.map((f) => f.name);

/** Looks up a flow by id; undefined for an unknown id. */
export function getFlow(name: string): Flow | undefined {
  return Object.hasOwn(flows, name) ? flows[name] : undefined;
}

/**
 * The items of `_shared.yaml`'s `tell` lists (what every escalation asks for again): the
 * no-JavaScript view leaves them out of the search index, where they would only repeat.
 */
export const sharedTells: ReadonlySet<string> = new Set(
  Object.values(catalogue.shared).flatMap((entry) => resolveTell(entry.tell ?? [], catalogue.shared)),
);
