// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as pagefind from 'pagefind';
import { langs } from '../../src/i18n/langs.mjs';

/** Left out of the index: controls, screen-reader helpers, anything marked to ignore. */
const exclude = ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'];

/**
 * Indexes the built pages with Pagefind: page bodies only (data-pagefind-body), the full text of
 * every page, one index per script (named by the script's language, so Pagefind opens the page's
 * own), in one bundle in dist/pagefind/ (one script, one wasm, cached once). Each record carries
 * the `category` filter, title/summary/category meta from the page, and a `tier:full` filter (the
 * search port names the tier it wants). The quick tier is not Pagefind's: it is the site's own
 * small index (src/lib/search/quick-index.ts), which a first search loads instead of Pagefind.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 */
export async function buildIndex(dir, logger) {
  const root = fileURLToPath(dir);
  const outputPath = path.join(root, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const work = await mkdtemp(path.join(tmpdir(), 'pos-help-pagefind-'));
  /** @type {Record<string, unknown>} */
  const languages = {};
  /** @type {Record<string, unknown> | undefined} */
  let entry;
  const counts = [];
  try {
    for (const lang of langs) {
      const pages = await bodies(root, lang);
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: exclude, forceLanguage: lang });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      for (const page of pages) {
        const content = page.content.replace(
          /<[^>]*\bdata-pagefind-body\b[^>]*>/,
          (body) => `${body}<span hidden data-pagefind-filter="tier:full"></span>`,
        );
        const added = await index.addHTMLFile({ url: page.url, content });
        if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
      }
      const out = path.join(work, lang);
      const written = await index.writeFiles({ outputPath: out });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8'));
      Object.assign(languages, /** @type {{ languages: Record<string, unknown> }} */ (entry).languages);
      await cp(out, outputPath, { recursive: true, force: true });
      await index.deleteIndex();
      counts.push(`${lang} ${pages.length}`);
    }
  } finally {
    await pagefind.close();
    await rm(work, { recursive: true, force: true });
  }
  // Each run wrote an entry naming its own language; the bundle's entry names them all.
  await writeFile(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify({ ...entry, languages }));
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
  logger.info(`pagefind: indexed ${counts.join(', ')} pages`);
}

/**
 * The pages of one script that have a body to index, as Pagefind's HTML records.
 * @param {string} root dist/
 * @param {string} lang
 * @returns {Promise<{ url: string, content: string }[]>}
 */
async function bodies(root, lang) {
  const files = (await readdir(path.join(root, lang), { recursive: true })).filter((f) => f.endsWith('.html'));
  const pages = [];
  for (const file of files.sort()) {
    const content = await readFile(path.join(root, lang, file), 'utf8');
    if (!content.includes('data-pagefind-body')) continue;
    pages.push({ url: `/${lang}/${file.replace(/index\.html$/, '')}`, content });
  }
  return pages;
}
