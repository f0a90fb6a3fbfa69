/**
 * The flow catalogue: every flow file and `_shared.yaml`, read and checked once per build, made
 * into one plain model per flow (types.ts `FlowModel`). Everything else derives from it: the list
 * of flows, the JSON files the browser loads (scripts/build/flow-data.mjs), the server's flows
 * (registry.ts, through `virtual:pos-help/catalogue`), print sheets, search data and the tests.
 * Runs in Node (build scripts, Vite plugins); the browser gets only the models' JSON.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { flowsDir, readFlowsYaml } from '../../scripts/flow-files.mjs';
import { checkFlowFile, checkFlowSize, checkShared } from './check.ts';
import { byOrder } from './constants.ts';
import { problemsFromIssues, type FlowProblem } from './problems.ts';
import { flowSchema, sharedSchema, type SharedTexts } from './schema.ts';
import { modelOf } from './to-model.ts';
import type { FlowModel } from './types.ts';

/** The shared texts' file, relative to the project root. */
const sharedFile = `${flowsDir}/_shared.yaml`;

/** A YAML file as read: its flow id (file name), its path for messages, its parsed content. */
export interface FlowSource {
  name: string;
  file: string;
  data: unknown;
}

/** The catalogue: every flow's model, in order, the shared texts, and every problem found on the way. */
export interface Catalogue {
  models: FlowModel[];
  shared: SharedTexts;
  problems: FlowProblem[];
}

/** Checks every flow and makes its model; the models come sorted by `order`, then id. */
export function buildCatalogue(sources: FlowSource[], shared: Omit<FlowSource, 'name'>): Catalogue {
  const problems: FlowProblem[] = [];
  const sharedParsed = sharedSchema.safeParse(shared.data ?? {});
  if (!sharedParsed.success) problems.push(...problemsFromIssues(shared.file, sharedParsed.error.issues));
  const texts: SharedTexts = sharedParsed.success ? sharedParsed.data : {};
  problems.push(...checkShared(shared.file, texts));
  const models: FlowModel[] = [];
  for (const source of sources) {
    if (!/^[a-z][a-z0-9-]*$/.test(source.name)) {
      problems.push({
        file: source.file,
        node: '',
        field: '(the file name)',
        message: `"${source.name}" cannot be a flow id: it becomes a URL and an attribute value`,
        fix: 'rename the file in lower case letters, digits and hyphens, e.g. card-reading.yaml',
      });
      continue;
    }
    const size = checkFlowSize(source.file, (source.data as { nodes?: unknown } | null)?.nodes);
    if (size.length) {
      problems.push(...size);
      continue;
    }
    const parsed = flowSchema.safeParse(source.data);
    if (!parsed.success) {
      problems.push(...problemsFromIssues(source.file, parsed.error.issues));
      continue;
    }
    const found = checkFlowFile(source.file, parsed.data, texts);
    problems.push(...found);
    if (!found.length) models.push(modelOf(source.name, parsed.data, texts));
  }
  models.sort(byOrder);
  return { models, shared: texts, problems };
}

/** Reads every flow file of `root` (one `{flow}.yaml` per flow; `_`-files hold shared texts). */
function readSources(root: string): { sources: FlowSource[]; shared: Omit<FlowSource, 'name'> } {
  const dir = path.join(root, flowsDir);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.yaml$/, ''),
      file: `${flowsDir}/${f}`,
      data: readFlowsYaml(path.join(dir, f)),
    }));
  return { sources, shared: { file: sharedFile, data: readFlowsYaml(path.join(root, sharedFile)) } };
}

/** Reads and checks every flow of the project at `root`. */
export function readCatalogue(root: string): Catalogue {
  const { sources, shared } = readSources(root);
  return buildCatalogue(sources, shared);
}

/** For scripts/build/flow-data.mjs, which loads this module in Vite's runner and needs the same error class. */
export { flowsError } from './problems.ts';
