// @ts-check
/**
 * Vite plugin: `virtual:pos-hans` holds, for every converted language (src/i18n/langs.mjs; today
 * zh-Hans), a table from every source text the troubleshooter shows (flow texts and widget
 * strings) to its form in that language, computed with OpenCC at build time, so the browser never
 * downloads a conversion dictionary.
 */
import path from 'node:path';
import { runnerImport } from 'vite';
import flowsPlugin from './vite-plugin-flows.mjs';
import * as OpenCC from 'opencc-js';
import { conversionOf, langs } from '../src/i18n/langs.mjs';

const id = 'virtual:pos-hans';
const resolved = `\0${id}`;
const cjk = /[\u3400-\u9fff]/;

/**
 * Source text → a converted language: `chars` maps single characters, `exceptions` whole texts.
 * @typedef {{ chars: Record<string, string>, exceptions: Record<string, string> }} HansTable
 */

/**
 * Collects every string with a Chinese character anywhere inside `value`.
 * @param {unknown} value
 * @param {Set<string>} [out]
 * @param {Set<object>} [seen] objects already visited, so cycles end
 * @returns {Set<string>}
 */
export function collectTexts(value, out = new Set(), seen = new Set()) {
  if (typeof value === 'string') {
    if (cjk.test(value)) out.add(value);
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Object.values(value)) collectTexts(v, out, seen);
  }
  return out;
}

/**
 * Builds the table for the given texts and OpenCC conversion, compactly: a character map for every
 * character that changes, plus whole-text exceptions where OpenCC's phrase-level conversion
 * differs from converting character by character. Applying it gives exactly OpenCC's output.
 * @param {Iterable<string>} texts iterated twice, so a collection rather than a generator
 * @param {{ from: string, to: string }} conversion the language's (src/i18n/langs.mjs `conversionOf`)
 * @returns {HansTable}
 */
export function hansTable(texts, conversion) {
  const convert = OpenCC.Converter(conversion);
  /** @type {Record<string, string>} */
  const chars = {};
  for (const text of texts) {
    for (const ch of text) {
      const hans = convert(ch);
      if (hans !== ch && [...hans].length === 1) chars[ch] = hans;
    }
  }
  /** @type {Record<string, string>} */
  const exceptions = {};
  for (const text of [...texts].sort()) {
    const hans = convert(text);
    if (applyHansTable({ chars, exceptions: {} }, text) !== hans) exceptions[text] = hans;
  }
  return { chars, exceptions };
}

/**
 * Converts a text with a table from hansTable (the same code runs in the browser).
 * @param {HansTable} table
 * @param {string} text
 * @returns {string}
 */
export function applyHansTable(table, text) {
  return table.exceptions[text] ?? Array.from(text, (ch) => table.chars[ch] ?? ch).join('');
}

/**
 * Loads the flow registry and the widget strings through Vite and returns a table per converted
 * language.
 * @param {string} root
 * @returns {Promise<Record<string, HansTable>>}
 */
export async function loadHansTable(root) {
  const { module: registry } = await runnerImport(path.join(root, 'src/machines/registry.ts'), {
    configFile: false,
    root,
    plugins: [flowsPlugin()],
  });
  const { module: strings } = await runnerImport(path.join(root, 'src/i18n/widget.ts'), { configFile: false, root });
  /** @type {Set<string>} */
  const texts = new Set();
  for (const flow of Object.values(registry.flows)) {
    collectTexts({ title: flow.title, intro: flow.intro }, texts);
    collectTexts(flow.machine.config, texts);
  }
  collectTexts(strings.widgetUi, texts);
  /** @type {Record<string, HansTable>} */
  const tables = {};
  for (const lang of langs) {
    const conversion = conversionOf(lang);
    if (conversion) tables[lang] = hansTable(texts, conversion);
  }
  return tables;
}

/** @returns {import('vite').Plugin} */
export default function hansPlugin(root = process.cwd()) {
  return {
    name: 'pos-help:hans',
    resolveId(source) {
      return source === id ? resolved : undefined;
    },
    async load(moduleId) {
      if (moduleId !== resolved) return undefined;
      for (const dir of ['src/content/flows', 'src/i18n']) this.addWatchFile(path.join(root, dir));
      return `export default ${JSON.stringify(await loadHansTable(root))};`;
    },
  };
}
