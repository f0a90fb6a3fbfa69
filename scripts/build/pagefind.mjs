// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as pagefind from 'pagefind';
import { langs } from '../../src/i18n/langs.mjs';

/** Left out of both indexes: controls, screen-reader helpers, anything marked to ignore. */
const always = ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'];

/**
 * Left out of the quick index: the prose, and the troubleshooters' texts. What stays is what a
 * merchant types: titles, summaries, the screen messages and common phrasings, section headings
 * (the codes' own pages are left out: `codePage` below). A first search loads every chunk of the
 * quick index (a Chinese query's characters fall in all of them), so its size is what keeps a
 * first search within its budget
 * (test/e2e/quality.test.ts adds it up from the built files); the flows' questions and outcomes,
 * repeated on every page that carries a flow, had made it three chunks. They stay in the full text.
 */
const detail = [
  'article > p:not(.lead)',
  'article > ol',
  'article > ul',
  'article > blockquote',
  'article > table',
  'article > pre',
  '.flow-static',
];

/**
 * A response code's own page (`/{lang}/codes/55/`), left out of the quick tier: the search data's
 * code list answers a code, its meaning and its screen text (src/lib/search/query.ts), and the
 * 115 code pages were a quarter of the quick index (20 of 82 kB) that every first search loads.
 * They stay in the full text.
 * @param {string} url
 */
const codePage = (url) => /\/codes\/[^/]+\/$/.test(url);

/**
 * Two tiers per script, in one Pagefind bundle (one script, one wasm, cached once):
 * - quick (`zh-hant`, `zh-hans`: the page's own language, so Pagefind opens it by default): about
 *   one index chunk, enough for most queries; a first search costs Pagefind's script and wasm
 *   plus that chunk.
 * - full text (`zh-hant-x-full`, `zh-hans-x-full`): every word of every page body; the search
 *   page merges it in only when the quick tier finds too little.
 * Each record carries the `category` filter and title/summary/category meta from the page, and a
 * `tier` filter (`quick` | `full`): once both are loaded, a search names the tier it wants.
 */
export const tiers = /** @type {const} */ ([
  { suffix: '', tier: 'quick', exclude: [...always, ...detail], skip: codePage },
  { suffix: '-x-full', tier: 'full', exclude: always, skip: () => false },
]);

/**
 * Indexes the built pages with Pagefind: page bodies only (data-pagefind-body), one quick and one
 * full-text index per script, then one bundle in dist/pagefind/.
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
      for (const tier of tiers) {
        const language = `${lang}${tier.suffix}`;
        const { index, errors } = await pagefind.createIndex({
          excludeSelectors: [...tier.exclude],
          forceLanguage: language,
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        for (const page of pages) {
          if (tier.skip(page.url)) continue;
          const content = page.content.replace(
            /<[^>]*\bdata-pagefind-body\b[^>]*>/,
            (body) => `${body}<span hidden data-pagefind-filter="tier:${tier.tier}"></span>`,
          );
          const added = await index.addHTMLFile({ url: page.url, content });
          if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
        }
        const out = path.join(work, language);
        const written = await index.writeFiles({ outputPath: out });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8'));
        Object.assign(languages, /** @type {{ languages: Record<string, unknown> }} */ (entry).languages);
        await cp(out, outputPath, { recursive: true, force: true });
        await index.deleteIndex();
        counts.push(`${language} ${pages.filter((page) => !tier.skip(page.url)).length}`);
      }
    }
  } finally {
    await pagefind.close();
    await rm(work, { recursive: true, force: true });
  }
  // Each run wrote an entry naming its own language; the bundle's entry names all four.
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
