// @ts-check
/**
 * The bench's yardstick for build time: the same corpus built by Starlight, the Astro docs theme
 * that issue 21 was measured against. A project is made in a temporary folder (Starlight installed
 * there from the npm registry once, kept for later runs), holding every article of a corpus and a
 * page per response code, in every script (the same pages this site builds, as Starlight pages
 * with Starlight's defaults: its sidebar, search, and nothing of ours). It is built with the same
 * Node and timed the same way, so the bench prints ours as a ratio of it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { parse } from 'yaml';
import { conversionOf, htmlLang, langs, sourceLang } from '../../src/i18n/langs.mjs';
import { root } from '../project-copy.mjs';
import { files } from './measure.mjs';

/** The Starlight release issue 21 measured. */
export const starlightVersion = '0.42.9';
/** The installed Starlight project, reused between runs (only its src/ is rewritten). */
const project = path.join(tmpdir(), `pos-help-bench-starlight-${starlightVersion}`);

/**
 * Installs Starlight (and our Astro version) in the yardstick project unless it is there already.
 * Returns the project folder, or an error message when npm cannot install it (no registry).
 * @returns {{ dir: string } | { error: string }}
 */
export function starlightProject() {
  const astro = JSON.parse(readFileSync(path.join(root, 'node_modules/astro/package.json'), 'utf8')).version;
  const manifest = {
    name: 'pos-help-bench-starlight',
    private: true,
    type: 'module',
    dependencies: { astro, '@astrojs/starlight': starlightVersion },
  };
  const manifestFile = path.join(project, 'package.json');
  const wanted = `${JSON.stringify(manifest, null, 2)}\n`;
  if (existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') === wanted && existsSync(starlightBin()))
    return { dir: project };
  mkdirSync(project, { recursive: true });
  writeFileSync(manifestFile, wanted);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    encoding: 'utf8',
  });
  if (install.status !== 0 || !existsSync(starlightBin()))
    return { error: `npm install of @astrojs/starlight@${starlightVersion} failed: ${install.stderr.slice(-500)}` };
  return { dir: project };
}

/** Astro's command in the yardstick project. */
function starlightBin() {
  return path.join(project, 'node_modules/astro/bin/astro.mjs');
}

/**
 * Frontmatter values of an article (the fields Starlight has: title, description).
 * @param {string} text
 */
function frontmatter(text) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('an article without frontmatter');
  return { data: /** @type {Record<string, unknown>} */ (parse(match[1] ?? '')), body: text.slice(match[0].length) };
}

/**
 * Writes `articlesDir`'s articles and the response codes into the yardstick project as Starlight
 * pages, in every script, and its config. Returns the number of pages written.
 *
 * The sidebar: by default a link to each category's main article and the list of codes, as this
 * site's header and category pages lead to the rest; a site of thousands of articles is set up so.
 * `'every page'` keeps Starlight's own default, a sidebar listing every page on every page, which
 * makes each page's HTML (and the build) grow with the page count: 212 kB for one article at 10×.
 * @param {string} dir the yardstick project
 * @param {string} articlesDir a corpus's src/content/articles
 * @param {'categories' | 'every page'} [sidebar]
 */
export function writeStarlightCorpus(dir, articlesDir, sidebar = 'categories') {
  const src = path.join(dir, 'src');
  rmSync(src, { recursive: true, force: true });
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const docs = path.join(src, 'content/docs');
  const codes = /** @type {{ id: string, meaning: string, display?: string[], steps?: string[] }[]} */ (
    parse(readFileSync(path.join(root, 'src/content/codes/codes.yaml'), 'utf8'))
  );
  const articles = files(articlesDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ file: f, ...frontmatter(readFileSync(path.join(articlesDir, f), 'utf8')) }));
  let pages = 0;
  for (const lang of langs) {
    const conversion = conversionOf(lang);
    /** @type {(text: string) => string} */
    const inLang = conversion ? OpenCC.Converter(conversion) : (text) => text;
    /** @param {string} file @param {Record<string, unknown>} data @param {string} body */
    const write = (file, data, body) => {
      const target = path.join(docs, lang, file);
      mkdirSync(path.dirname(target), { recursive: true });
      const head = Object.entries(data)
        .map(([key, value]) => `${key}: ${JSON.stringify(inLang(String(value)))}`)
        .join('\n');
      writeFileSync(target, `---\n${head}\n---\n\n${inLang(body).replaceAll(`/${sourceLang}/`, `/${lang}/`)}`);
      pages += 1;
    };
    write('index.mdx', { title: 'POS 機自助服務中心', description: '終端故障自助排查' }, '選擇一個類別開始。\n');
    for (const { file, data, body } of articles)
      write(file, { title: data.title, description: data.description }, body);
    for (const code of codes)
      write(
        `codes/${code.id}.md`,
        { title: `${code.id} ${code.meaning}` },
        [
          ...(code.display ?? []).map((line) => `> ${line}`),
          '',
          ...(code.steps ?? []).map((step, i) => `${i + 1}. ${step}`),
        ].join('\n'),
      );
  }
  const categories = [...new Set(articles.map((a) => a.file.split('/')[0]))].sort();
  const items = [
    ...categories.map((category) => ({ slug: category })),
    { label: 'codes', collapsed: true, items: [{ autogenerate: { directory: 'codes' } }] },
  ];
  const locales = Object.fromEntries(langs.map((lang) => [lang, { label: lang, lang: htmlLang(lang) }]));
  writeFileSync(
    path.join(src, 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'POS help', defaultLocale: ${JSON.stringify(sourceLang)}, locales: ${JSON.stringify(locales)}${
    sidebar === 'categories' ? `, sidebar: ${JSON.stringify(items)}` : ''
  } })],
});
`,
  );
  return pages;
}
