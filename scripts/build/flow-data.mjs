// @ts-check
/**
 * The flow files the browser loads: each flow's model (src/machines/catalogue.ts) as JSON, one
 * file per flow and script (`{lang}/{flow}.{hash}.json`; zh-Hans converted here with OpenCC, so
 * the browser needs no conversion table for flow texts), without the authors' notes. Data, never
 * code: the widget and the embed bundle fetch them with the sha384 built in (`integrity`). Made
 * once per build (and again in `astro dev` when a flow file changes); copied to dist/embed/flows/.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runnerImport } from 'vite';
import { langs } from '../../src/i18n/langs.mjs';

/** Where the files are written before they are copied to dist/embed/flows/. */
export const flowDataDir = (/** @type {string} */ root) => path.join(root, '.astro', 'flow-data');

/** The site path of the flow files, under the base path: `embed/flows/`. */
export const flowDataPath = 'embed/flows/';

/**
 * @typedef {{ file: string, integrity: string, bytes: number }} FlowDataFile
 * @typedef {{
 *   names: string[],
 *   files: Record<string, Record<string, FlowDataFile>>,
 *   texts: Map<string, string>,
 *   catalogue: import('../../src/machines/catalogue.ts').Catalogue,
 *   flowsError: typeof import('../../src/machines/problems.ts').flowsError,
 * }} FlowData
 */

/**
 * The flow data, throwing the flows' AstroError (file, node, field and fix) on any problem.
 * @param {string} root
 */
export async function checkedFlowData(root) {
  const data = await flowData(root);
  if (data.catalogue.problems.length) throw data.flowsError(data.catalogue.problems);
  return data;
}

/** @type {Map<string, Promise<FlowData>>} */
const cache = new Map();

/** Forgets the flow data of `root` (a flow file changed in `astro dev`). */
export const forgetFlowData = (/** @type {string} */ root) => void cache.delete(root);

/**
 * Reads and checks every flow once and, when they pass, writes each flow's JSON per script;
 * returns the catalogue (with its problems) and the files' names, hashes and texts.
 * @param {string} root
 * @returns {Promise<FlowData>}
 */
export function flowData(root) {
  let data = cache.get(root);
  if (!data) {
    data = makeFlowData(root);
    cache.set(root, data);
    data.catch(() => cache.delete(root));
  }
  return data;
}

/** @param {string} root @returns {Promise<FlowData>} */
async function makeFlowData(root) {
  const load = (/** @type {string} */ file) => runnerImport(path.join(root, file), { configFile: false, root });
  const catalogueModule = /** @type {typeof import('../../src/machines/catalogue.ts')} */ (
    (await load('src/machines/catalogue.ts')).module
  );
  const convert = /** @type {typeof import('../../src/lib/convert.ts')} */ ((await load('src/lib/convert.ts')).module);
  const catalogue = catalogueModule.readCatalogue(root);
  const { flowsError } = catalogueModule;
  const models = catalogue.problems.length ? [] : catalogue.models;
  const dir = flowDataDir(root);
  await rm(dir, { recursive: true, force: true });
  /** @type {FlowData['files']} */
  const files = {};
  /** @type {Map<string, string>} */
  const texts = new Map();
  for (const lang of langs) {
    files[lang] = {};
    await mkdir(path.join(dir, lang), { recursive: true });
    const tr = convert.translator(lang);
    for (const model of models) {
      const json = JSON.stringify(deepMap(withoutDescriptions(model), tr));
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
      const file = `${lang}/${model.id}.${hash}.json`;
      await writeFile(path.join(dir, file), json);
      texts.set(file, json);
      const integrity = `sha384-${createHash('sha384').update(json).digest('base64')}`;
      files[lang][model.id] = { file, integrity, bytes: Buffer.byteLength(json) };
    }
  }
  return { names: models.map((m) => m.id), files, texts, catalogue, flowsError };
}

/**
 * A model without the nodes' `description`s: notes for authors and tests no merchant reads.
 * @param {import('../../src/machines/types.ts').FlowModel} model
 */
function withoutDescriptions(model) {
  return { ...model, nodes: model.nodes.map(({ description: _, ...node }) => node) };
}

/**
 * Applies `tr` to every string value (not to keys: node ids and events stay as they are).
 * @param {unknown} value
 * @param {(text: string) => string} tr
 * @returns {unknown}
 */
function deepMap(value, tr) {
  if (typeof value === 'string') return tr(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, tr));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'id' || k === 'start' ? v : deepMap(v, tr)]),
    );
  return value;
}
