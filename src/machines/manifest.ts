/**
 * The one list of flows: the files in src/content/flows/ (`{flow}.yaml`; `_`-files hold shared
 * texts). Each flow is loaded on demand, so a page downloads only the flow it shows; so does the
 * embed bundle, from the files beside it (flow-files.ts). Safe for the browser: no zod, no YAML parser (scripts/vite-plugin-flows.mjs
 * turns the files into data at build time).
 */
import sharedData from '../content/flows/_shared.yaml';
import { compileFlow } from './compile.ts';
import { flowFiles as files } from './flow-files.ts';
import type { SharedTexts } from './schema.ts';
import type { Flow } from './types.ts';

const orders = import.meta.glob<number>(['../content/flows/*.yaml', '!../content/flows/_*.yaml'], {
  query: '?order',
  import: 'default',
  eager: true,
});

/** Texts several flows share (src/content/flows/_shared.yaml), by id. */
export const sharedTexts = sharedData as SharedTexts;

/** The flow id of a flow file's path: its name without `.yaml`. */
export const flowIdOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml(\?.*)?$/, '');

const paths = new Map(Object.keys(files).map((path) => [flowIdOf(path), path]));
const order = new Map(Object.entries(orders).map(([path, n]) => [flowIdOf(path), n]));

/** Every flow id, in the flows' `order` (then by name). */
export const flowNames: readonly string[] = [...paths.keys()].sort(
  (a, b) => (order.get(a) ?? 100) - (order.get(b) ?? 100) || a.localeCompare(b),
);

/** Is `name` a flow? */
export const isFlowName = (name: string): boolean => paths.has(name);

/**
 * Loads and compiles one flow; undefined for an unknown name. `start` (a node id) begins the flow
 * there instead of at the file's `start`, when that node is a question or step of the flow.
 */
export async function loadFlow(name: string, start?: string | null): Promise<Flow | undefined> {
  const path = paths.get(name);
  if (!path) return undefined;
  const file = await files[path]!();
  const node = start ? file.nodes[start] : undefined;
  const from = start && node && node.kind !== 'outcome' ? start : file.start;
  return compileFlow(name, { ...file, start: from, order: file.order ?? 100 }, sharedTexts);
}
