// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as pagefind from 'pagefind';
import { langs } from '../../src/i18n/langs.mjs';

/** Left out of the index: controls, screen-reader helpers, anything marked to ignore. */
const exclude = ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'];

/**
 * Indexes the built pages with Pagefind: page bodies only (data-pagefind-body), the full text of
 * every page, one index per script (named by the script's language, so Pagefind opens the page's
 * own), in one bundle in dist/pagefind/ (one script, one wasm, cached once). Each record carries
 * the `category` filter and title/summary/category meta from the page. The quick tier is not
 * Pagefind's: it is the site's own small index (src/lib/search/quick-index.ts), which a first
 * search loads instead of Pagefind.
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
    // The scripts are indexed side by side, each from its folder of dist/: Pagefind reads and
    // parses the files itself, in parallel (one message per page, awaited in turn, was half the
    // build at 100 times the articles). Only pages with data-pagefind-body are indexed.
    const written = await Promise.all(
      langs.map(async (lang) => {
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: exclude, forceLanguage: lang });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: root, glob: `${lang}/**/*.html` });
        if (added.errors.length) throw new Error(`Pagefind could not index ${lang}/: ${added.errors.join('; ')}`);
        const out = path.join(work, lang);
        const files = await index.writeFiles({ outputPath: out });
        if (files.errors.length) throw new Error(`Pagefind could not write its index: ${files.errors.join('; ')}`);
        await index.deleteIndex();
        return { lang, out };
      }),
    );
    for (const { lang, out } of written) {
      entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8'));
      const own = /** @type {{ languages: Record<string, { page_count: number }> }} */ (entry).languages;
      Object.assign(languages, own);
      await cp(out, outputPath, { recursive: true, force: true });
      // The entry's count: the pages with a body (addDirectory counts every file it read).
      counts.push(`${lang} ${own[lang]?.page_count}`);
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
