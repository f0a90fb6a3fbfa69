// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/**
 * Indexes the built pages with Pagefind: one index per language (from <html lang>), page bodies
 * only (data-pagefind-body), the `category` filter and title/summary/category meta.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 */
export async function buildIndex(dir, logger) {
  const root = fileURLToPath(dir);
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'],
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: root });
  if (added.errors.length) throw new Error(`Pagefind could not index dist/: ${added.errors.join('; ')}`);
  const outputPath = path.join(root, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  // The bundled UIs are not used (the site has its own search page): keep them out of dist/ and of the precache.
  for (const ui of [
    'pagefind-ui.js',
    'pagefind-ui.css',
    'pagefind-modular-ui.js',
    'pagefind-modular-ui.css',
    'pagefind-component-ui.js',
    'pagefind-component-ui.css',
    'pagefind-highlight.js',
  ]) {
    await rm(path.join(outputPath, ui), { force: true });
  }
  await pagefind.close();
  logger.info(`pagefind: indexed ${added.page_count} pages`);
}
