// @ts-check
/** Size measurements of a built site, from files (stable), not from timings. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

/**
 * Gzipped size of a file, in bytes.
 * @param {string} file
 * @returns {number}
 */
export const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Every file under `dir`, relative with forward slashes.
 * @param {string} dir
 * @returns {string[]}
 */
export function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/**
 * What a page loads before interaction: its HTML, its stylesheets and its module scripts with
 * their static imports (not dynamic imports, which load on use). Returns gzipped bytes.
 * @param {string} dist
 * @param {string} htmlFile relative to `dist`
 * @returns {{ html: number, css: number, js: number, total: number }}
 */
export function pageWeight(dist, htmlFile) {
  const html = readFileSync(path.join(dist, htmlFile), 'utf8');
  /** @type {Set<string>} */
  const assets = new Set();
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) assets.add(m[1]);
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} src */
  const visit = (src) => {
    if (seen.has(src) || !src.startsWith('/')) return;
    seen.add(src);
    const code = readFileSync(path.join(dist, src), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g))
      visit(new URL(m[1], `http://x${src}`).pathname);
  };
  scripts.forEach(visit);
  const js = [...seen].reduce((sum, f) => sum + gz(path.join(dist, f)), 0);
  const css = [...assets].reduce((sum, f) => sum + gz(path.join(dist, f)), 0);
  const inlineJs = [
    ...html.matchAll(/<script(?![^>]*src=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
  ].reduce((s, m) => s + gzipSync(m[1]).length, 0);
  return {
    html: gz(path.join(dist, htmlFile)),
    css,
    js: js + inlineJs,
    total: gz(path.join(dist, htmlFile)) + css + js + inlineJs,
  };
}

/**
 * Median of numbers.
 * @param {number[]} xs
 * @returns {number}
 */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/**
 * Total bytes of a directory.
 * @param {string} dir
 * @returns {number}
 */
export const dirBytes = (dir) => files(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);

/**
 * The offline worker's lists, as sw.js carries them (scripts/build/service-worker.mjs).
 * @param {string} dist
 * @returns {{ version: string, base: string, shell: [string, string][], essentials: Record<string, [string, string][]> }}
 */
export function offlineConfig(dist) {
  const first = readFileSync(path.join(dist, 'sw.js'), 'utf8').split('\n', 1)[0] ?? '';
  return JSON.parse(first.replace(/^self\.__OFFLINE__ = /, '').replace(/;$/, ''));
}

/**
 * What a first visit stores, per script: the shell and that script's essentials, from the lists
 * in sw.js, in files and bytes as built (budget 2.5 MB).
 * @param {string} dist
 * @returns {Record<string, { count: number, bytes: number }>}
 */
export function precacheBytes(dist) {
  const { shell, essentials } = offlineConfig(dist);
  /** @param {string} url relative to the base path; `…/` is the folder's index.html */
  const size = (url) => statSync(path.join(dist, decodeURI(url.replace(/(^|\/)$/, '$1index.html')))).size;
  return Object.fromEntries(
    Object.entries(essentials).map(([lang, list]) => {
      const all = [...shell, ...list];
      return [lang, { count: all.length, bytes: all.reduce((sum, [url]) => sum + size(url), 0) }];
    }),
  );
}

/**
 * What "keep the whole help centre on this device" stores, per script (offline/{lang}.json).
 * @param {string} dist
 * @returns {Record<string, { count: number, pages: number, bytes: number }>}
 */
export function wholeSaveBytes(dist) {
  return Object.fromEntries(
    Object.keys(offlineConfig(dist).essentials).map((lang) => {
      /** @type {{ bytes: number, files: { url: string, title?: string }[] }} */
      const list = JSON.parse(readFileSync(path.join(dist, 'offline', `${lang}.json`), 'utf8'));
      const pages = list.files.filter((f) => f.title !== undefined && f.url.startsWith(`${lang}/`)).length;
      return [lang, { count: list.files.length, pages, bytes: list.bytes }];
    }),
  );
}

/**
 * Gzipped bytes of the JavaScript files in dist/_astro/ whose names start with `prefix`.
 * @param {string} dist
 * @param {string} prefix
 */
const astroChunks = (dist, prefix) =>
  files(path.join(dist, '_astro'))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.js'))
    .reduce((s, f) => s + gz(path.join(dist, '_astro', f)), 0);

/**
 * Gzipped bytes of each flow's file in `lang` (`embed/flows/{lang}/{flow}.{hash}.json`), by flow.
 * @param {string} dist
 * @param {string} lang
 * @returns {Record<string, number>}
 */
export function flowFileBytes(dist, lang) {
  const dir = path.join(dist, 'embed/flows', lang);
  return Object.fromEntries(
    files(dir)
      .filter((f) => /^[a-z0-9-]+\.[0-9a-f]{10}\.json$/.test(f))
      .map((f) => [f.replace(/\.[0-9a-f]+\.json$/, ''), gz(path.join(dir, f))]),
  );
}

/**
 * The troubleshooter's own JavaScript and data on a flow's article (budget 36 KB with the data; the
 * page's JavaScript alone is held to 25 KB, test/e2e/quality.test.ts): what that page
 * loads beyond what every page loads (a code page's: the offline support, which the 5 KB budget
 * for pages without the widget counts), plus the widget's strings in `lang` and the flow's file.
 * @param {string} dist
 * @param {string} lang
 * @param {string} [flow] the flow, whose category page shows it (network: /{lang}/network/)
 * @returns {{ bytes: number, js: number, everyPage: number, flowFile: number }}
 */
export function troubleshooterBytes(dist, lang, flow = 'network') {
  const everyPage = pageWeight(dist, `${lang}/codes/55/index.html`).js;
  const flowFile = flowFileBytes(dist, lang)[flow] ?? 0;
  // All the page's JavaScript before any interaction (the 25 KB): its scripts with their
  // static imports, and the widget's strings in `lang`.
  const js = pageWeight(dist, `${lang}/${flow}/index.html`).js + astroChunks(dist, `${lang}.`);
  return { bytes: js - everyPage + flowFile, js, everyPage, flowFile };
}

/**
 * The embed bundle and, per flow, its largest file beside it (`embed/flows/{lang}/{flow}.{hash}.json`,
 * of both scripts), gzipped.
 * @param {string} dist
 * @returns {{ bundle: number, flows: Record<string, number> }}
 */
export function embedBytes(dist) {
  /** @type {Record<string, number>} */
  const flows = {};
  for (const lang of files(path.join(dist, 'embed/flows')).map((f) => f.split('/')[0] ?? ''))
    for (const [flow, bytes] of Object.entries(flowFileBytes(dist, lang)))
      flows[flow] = Math.max(flows[flow] ?? 0, bytes);
  return { bundle: gz(path.join(dist, 'embed/pos-troubleshooter.js')), flows };
}

/**
 * The most a first search in `lang` can transfer when the quick tier answers (budget 100 kB, issue
 * 21: test/e2e/quality.test.ts), from the built files: everything the search page fetches besides
 * its HTML. That is its scripts and styles, the search data (codes, character map, synonyms), the
 * quick index's meta, as many of its largest shards as one search may load (`maxShards` in the
 * meta; src/lib/search/quick-index.ts) and its five largest record files (results come five at a
 * time). A query the quick tier cannot answer loads Pagefind's full text too; `npm run bench`
 * measures the real transfer of every quality query.
 * @param {string} dist
 * @param {string} lang
 * @returns {{ bytes: number, shards: number, page: number, index: number }}
 */
export function firstSearchWorstBytes(dist, lang) {
  const page = pageWeight(dist, `${lang}/search/index.html`);
  const dir = path.join(dist, lang, 'search/quick');
  const all = files(dir);
  /** @param {RegExp} re */
  const largest = (re) =>
    all
      .filter((f) => re.test(f))
      .map((f) => gz(path.join(dir, f)))
      .sort((a, b) => b - a);
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8'));
  const shards = largest(/^q-\d+\.\w+\.json$/);
  const sum = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0);
  const index =
    gz(path.join(dir, 'meta.json')) +
    sum(shards.slice(0, meta.maxShards)) +
    sum(largest(/^r-\d+\.\w+\.json$/).slice(0, 5));
  const bytes = page.css + page.js + gz(path.join(dist, lang, 'search/data.json')) + index;
  return { bytes, shards: shards.length, page: page.css + page.js, index };
}
