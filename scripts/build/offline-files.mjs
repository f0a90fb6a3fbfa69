// @ts-check
/**
 * Which built files the offline copy holds, and when (see the README's offline section):
 * - the shell, for every visitor: styles and scripts, icons, the root and offline pages;
 * - a script's essentials, stored when the visitor first opens a page in that script: its home,
 *   the pages one level down (categories, the codes table, search), the search page's data, the
 *   quick search tier (search/quick/: the site's own index) and the troubleshooters' flow data;
 * - everything else of that script (every article, code and print page, Pagefind's full text
 *   with its script, worker and wasm, which only the full text uses), stored only when the
 *   merchant asks to keep the whole help centre on the device.
 * Nothing of a bank's embed bundle (embed/) or of the PDFs is stored.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * One stored file: its URL relative to the base path (`zh-hant/network/` for
 * zh-hant/network/index.html), size in bytes, SHA-256 (hex), and for pages the title.
 * @typedef {{ url: string, size: number, sha: string, title?: string }} OfflineFile
 */

/** Pagefind's own files, whatever the script: only its full text (saved with each script's rest) needs them. */
const pagefindShell = /^pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind)$/;

/**
 * What a built file is to the offline copy: `shell`, a script's `essential`, the rest of a
 * script (`all`), or nothing (`skip`).
 * @param {string} rel path in dist/, forward slashes
 * @param {readonly string[]} langs
 * @returns {{ kind: 'shell' | 'essential' | 'all' | 'skip', lang?: string }} `all` without a
 *   language: part of every script's rest.
 */
export function classify(rel, langs) {
  // The flow data the troubleshooter fetches per script (embed/flows/{lang}/{flow}.{hash}.json).
  const flowLang = /^embed\/flows\/([a-z-]+)\//.exec(rel)?.[1];
  if (flowLang && langs.includes(flowLang)) return { kind: 'essential', lang: flowLang };
  if (/(^|\/)[^/]+\.map$/.test(rel) || /^(sw\.js|404\.html|pdf\/|embed\/|offline\/[^/]+\.json$)/.test(rel))
    return { kind: 'skip' };
  if (rel.startsWith('_astro/')) {
    // A chunk only one script loads (the zh-Hans conversion table) goes with that script.
    const lang = langs.find((l) => new RegExp(`(^|[^a-z])${l.split('-').pop()}([^a-z]|$)`).test(rel.slice(7)));
    return lang ? { kind: 'essential', lang } : { kind: 'shell' };
  }
  if (/^(index\.html|offline\/index\.html|favicon\.svg|manifest\.webmanifest|icons\/)/.test(rel))
    return { kind: 'shell' };
  if (pagefindShell.test(rel)) return { kind: 'all' };
  for (const lang of langs) {
    if (rel.startsWith(`${lang}/`)) {
      const inner = rel.slice(lang.length + 1);
      if (inner.startsWith('embed/')) return { kind: 'skip' }; // the iframe pages banks embed
      const essential =
        inner === 'index.html' ||
        inner === 'search/data.json' ||
        inner.startsWith('search/quick/') ||
        (/^[^/]+\/index\.html$/.test(inner) && !inner.startsWith('print/'));
      return { kind: essential ? 'essential' : 'all', lang };
    }
    const pagefind = rel.match(/^pagefind\/(?:pagefind\.|index\/|filter\/|fragment\/)([a-z-]+?)_/);
    if (pagefind?.[1] === lang) return { kind: 'all', lang };
  }
  return { kind: 'skip' };
}

/**
 * Every file of dist/ the offline copy may hold, with size, hash and page title.
 * @param {string} root dist/
 * @param {readonly string[]} langs
 */
export function offlineFiles(root, langs) {
  /** @type {OfflineFile[]} */
  const shell = [];
  /** @type {Record<string, { essentials: OfflineFile[], rest: OfflineFile[] }>} */
  const byLang = Object.fromEntries(langs.map((l) => [l, { essentials: [], rest: [] }]));
  const all = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const rel of all) {
    const { kind, lang } = classify(rel, langs);
    if (kind === 'skip') continue;
    const bytes = readFileSync(path.join(root, rel));
    /** @type {OfflineFile} */
    const file = {
      url: rel.replace(/(^|\/)index\.html$/, '$1'),
      size: bytes.length,
      sha: createHash('sha256').update(bytes).digest('hex'),
    };
    if (rel.endsWith('.html')) {
      const title = bytes.toString('utf8').match(/<title>([^<]*)<\/title>/)?.[1];
      if (title) file.title = title.replace(/｜[^｜]*$/, '').replace(/&amp;/g, '&');
    }
    if (kind === 'shell') shell.push(file);
    else if (lang) byLang[lang][kind === 'essential' ? 'essentials' : 'rest'].push(file);
    else for (const each of langs) byLang[each].rest.push(file);
  }
  return { shell, byLang };
}

/**
 * Files and bytes of a list.
 * @param {OfflineFile[]} list
 */
export const total = (list) => ({ files: list.length, bytes: list.reduce((s, f) => s + f.size, 0) });
