// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { langs } from '../../src/i18n/langs.mjs';

/** Pagefind's command line (its npm wrapper, which runs the binary for this platform). */
const pagefindCli = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');

/** Left out of the index: controls, screen-reader helpers, anything marked to ignore. */
const exclude = ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'];

/**
 * Moves every file under `from` to the same place under `to` (both on one file system), replacing
 * a file already there: each script's index has the same script, worker and wasm.
 * @param {string} from
 * @param {string} to
 */
async function moveInto(from, to) {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set(
    entries.filter((e) => !e.isFile()).map((e) => path.join(to, path.relative(from, path.join(e.parentPath, e.name)))),
  );
  await mkdir(to, { recursive: true });
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return rename(file, path.join(to, path.relative(from, file)));
      }),
  );
}

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
  // Beside dist/, on the same file system: the indexes are moved into dist/pagefind/, not copied
  // (at 10x the articles the phase took 5.0 s instead of 6.1 s; the copy grew with the files).
  const work = await mkdtemp(path.join(path.dirname(root), '.pos-help-pagefind-'));
  /** @type {Record<string, unknown>} */
  const languages = {};
  /** @type {Record<string, unknown> | undefined} */
  let entry;
  const counts = [];
  try {
    // One Pagefind process per script, side by side: each reads and parses its folder of dist/
    // itself. Measured at 10x the articles: 4.8 s against 7.1 s through Pagefind's Node API,
    // whose one service process indexed the scripts in turn. Only pages with data-pagefind-body
    // are indexed.
    await Promise.all(
      langs.map(async (lang) => {
        const args = [
          pagefindCli,
          ['--site', root],
          ['--glob', `${lang}/**/*.html`],
          ['--force-language', lang],
          ['--output-path', path.join(work, lang)],
          ...exclude.map((selector) => ['--exclude-selectors', selector]),
          '--silent',
        ].flat();
        try {
          await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24 });
        } catch (error) {
          const { stderr = '', stdout = '' } = /** @type {{ stderr?: string, stdout?: string }} */ (error);
          throw new Error(`Pagefind could not index ${lang}/: ${stderr || stdout || String(error)}`);
        }
      }),
    );
    for (const lang of langs) {
      const out = path.join(work, lang);
      entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8'));
      const own = /** @type {{ languages: Record<string, { page_count: number }> }} */ (entry).languages;
      Object.assign(languages, own);
      await moveInto(out, outputPath);
      counts.push(`${lang} ${own[lang]?.page_count}`);
    }
  } finally {
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
