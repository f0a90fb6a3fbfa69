// @ts-check
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transform } from 'esbuild';
import { floorTargets } from '../floor.mjs';

/** Pagefind's browser scripts, which it ships as ES2020+ (`?.`, `??`). */
const files = ['pagefind.js', 'pagefind-worker.js'];

/**
 * Lowers Pagefind's own scripts in dist/pagefind/ to the browser floor (scripts/floor.mjs), so
 * they parse in Chromium 78, Safari 13 and Firefox 78. Where the engine then lacks what Pagefind's
 * WebAssembly needs (reference types: Chromium 97, Safari 15, Firefox 79), the quick tier still
 * answers and the full text finds nothing (src/lib/search/tiers.ts). Runs after Pagefind wrote its index and before the service worker
 * hashes the files.
 * @param {string} dist
 * @returns {Promise<number>} bytes written
 */
export async function lowerPagefind(dist) {
  let bytes = 0;
  for (const file of files) {
    const full = path.join(dist, 'pagefind', file);
    const source = await readFile(full, 'utf8');
    const { code } = await transform(source, {
      target: floorTargets,
      // esbuild declines to rewrite destructuring for Safari 13 (a bug of that engine it cannot work
      // around in a for…of head); Safari 13 parses destructuring, so leave it as written.
      supported: { destructuring: true },
      minify: true,
      // pagefind.js is an ES module (import.meta.url finds its folder); the worker a classic script.
      format: source.includes('import.meta') ? 'esm' : undefined,
      sourcefile: `pagefind/${file}`,
    });
    await writeFile(full, code);
    bytes += code.length;
  }
  return bytes;
}
