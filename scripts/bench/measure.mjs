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
 * Size of the service worker's precache, from the manifest inside sw.js.
 * @param {string} dist
 * @returns {{ count: number, bytes: number }}
 */
export function precacheBytes(dist) {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  return { count: urls.length, bytes: urls.reduce((sum, u) => sum + statSync(path.join(dist, decodeURI(u))).size, 0) };
}
