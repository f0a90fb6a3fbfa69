// @ts-check
/**
 * npm run bench: prints and writes (bench-results/bench.json) the figures to read on each change.
 * Sizes come from built files; times are measured here and only reported, never asserted.
 *   - build seconds and peak memory: the real site, and synthetic corpora 10× and 100× larger
 *   - pages; per-page gzipped bytes loaded before interaction (median, max); page HTML vs corpus size
 *   - Pagefind index size; search bytes and milliseconds per query; top-3 rate on the quality set
 *   - troubleshooter and embed bundle sizes; what a first visit stores and what saving the whole
 *     help centre stores, per script
 *   - at each scale (1×, 10×, 100×): first-visit storage, whole-site save, first search at worst
 *     (from the built files), widget JavaScript, and the build time as a ratio to the 1× build
 *   - Lighthouse performance (mobile) on the pages the browser test audits for the other categories
 *   - at each scale, the same corpus built by Starlight (scripts/bench/starlight.mjs; installed
 *     from the npm registry on first use), and our build time as a ratio of its
 * Options: --quick skips the synthetic corpora; --scales=10 builds only the listed ones (comma-separated);
 * --builds only builds and times (ours and Starlight's, at each scale), skipping the browser figures;
 * --starlight-sidebar=every-page gives Starlight its default sidebar (every page on every page)
 * instead of one link per category; --no-starlight skips Starlight.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { serve } from './serve.mjs';
import { launchChromium } from './chromium.mjs';
import { root } from './project-copy.mjs';
import { syntheticCorpus } from './bench/corpus.mjs';
import { starlightProject, starlightVersion, writeStarlightCorpus } from './bench/starlight.mjs';
import {
  dirBytes,
  embedBytes,
  files,
  firstSearchWorstBytes,
  gz,
  median,
  pageWeight,
  precacheBytes,
  troubleshooterBytes,
  wholeSaveBytes,
} from './bench/measure.mjs';
import { audit, launchForLighthouse, lighthousePages } from './bench/lighthouse.mjs';
import { conversionOf, langFromPath, langs } from '../src/i18n/langs.mjs';

const quick = process.argv.includes('--quick');
const buildsOnly = process.argv.includes('--builds');
/** Starlight's sidebar in the yardstick builds (scripts/bench/starlight.mjs), or none: no Starlight builds. */
const starlightSidebar = process.argv.includes('--no-starlight')
  ? null
  : process.argv.includes('--starlight-sidebar=every-page')
    ? /** @type {const} */ ('every page')
    : /** @type {const} */ ('categories');
/** The synthetic scales to build (default ×10 and ×100). */
const scales = (process.argv.find((a) => a.startsWith('--scales='))?.slice('--scales='.length) ?? '10,100')
  .split(',')
  .map(Number)
  .filter((n) => n > 1);
/** First-search figures before sentences were searched by their words (issue 19), printed beside today's. */
const before = JSON.parse(readFileSync(path.join(root, 'scripts/bench/before.json'), 'utf8'));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

/**
 * Runs `astro build` in `dir` (with the Astro installed in `astroDir`) and returns seconds and peak
 * memory (MiB) of the whole build. Every build starts cold: Astro's content cache (kept in
 * node_modules/.astro, which the synthetic corpora share with the project) is removed first, so
 * no corpus is timed on entries another build parsed.
 * @param {string} dir
 * @param {string} [astroDir]
 * @returns {{ seconds: number, peakMiB: number }}
 */
function timedBuild(dir, astroDir = root) {
  rmSync(path.join(astroDir, 'node_modules/.astro'), { recursive: true, force: true });
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, path.join(astroDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (run.status !== 0) throw new Error(`build failed in ${dir}:\n${run.stderr.slice(-3000)}`);
  const [seconds, kb] = /** @type {string} */ (run.stderr.trim().split('\n').at(-1)).split(' ').map(Number);
  return { seconds, peakMiB: Math.round(kb / 1024) };
}

/**
 * The language measured: the first converted one (its pages carry the most, and its widget loads
 * the conversion table); the search samples below are written in it.
 */
const lang = langs.find((each) => conversionOf(each)) ?? langs[0];

/** Pages every corpus has: home, a category's main article, a further article, a code page. */
const fixedPages = [
  `${lang}/index.html`,
  `${lang}/hardware/index.html`,
  `${lang}/hardware/printer/index.html`,
  `${lang}/codes/55/index.html`,
];

/**
 * Page counts and per-page weights of a dist folder.
 * @param {string} dist
 */
function pageFigures(dist) {
  const pages = files(dist).filter((f) => f.endsWith('.html'));
  const weights = pages.map((p) => ({ page: p, ...pageWeight(dist, p) }));
  const articleHtml = weights
    .filter(
      (w) =>
        langFromPath(`/${w.page}`) !== undefined &&
        /^[^/]+\/(hardware|software|network|security)\/[^/]+\/index\.html$/.test(w.page),
    )
    .map((w) => w.html);
  // Pages without the troubleshooter: whichever article carries a flow shows the element. The
  // search page, which runs the search itself, has its own budget.
  const noWidget = weights.filter(
    (w) =>
      !/\/embed\//.test(w.page) &&
      !/(^|\/)search\/index\.html$/.test(w.page) &&
      !readFileSync(path.join(dist, w.page), 'utf8').includes('<pos-troubleshooter'),
  );
  const searchPages = weights.filter((w) => /(^|\/)search\/index\.html$/.test(w.page));
  return {
    pages: pages.length,
    perPageGzip: {
      median: median(weights.map((w) => w.total)),
      max: Math.max(...weights.map((w) => w.total)),
      maxPage: weights.sort((a, b) => b.total - a.total)[0]?.page,
    },
    furtherArticleHtmlGzipMedian: median(articleHtml),
    // The same pages in every corpus: their HTML must not grow with the number of articles.
    fixedPagesHtmlGzip: Object.fromEntries(fixedPages.map((p) => [p, weights.find((w) => w.page === p)?.html ?? 0])),
    maxJsWithoutTroubleshooter: Math.max(...noWidget.map((w) => w.js)),
    searchPageJs: Math.max(...searchPages.map((w) => w.js)),
  };
}

/**
 * Search transfer and timing from a real Chromium against the built site, and the quality set.
 * @param {string} dist
 */
async function searchFigures(dist) {
  const server = await serve(dist, 0);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  /** @type {string[]} URL paths of the responses since the last reset */
  const fetched = [];
  page.on('response', (r) => fetched.push(new URL(r.url()).pathname));
  /** @param {string[]} list */
  const bytesOf = (list) =>
    list
      .filter((u) => u.startsWith('/pagefind/') || u.endsWith('/data.json') || u.includes('/search/quick/'))
      .reduce((s, u) => s + (existsSync(path.join(dist, u)) ? gz(path.join(dist, u)) : 0), 0);
  /**
   * Types `q` into the search page's box as a person does; resolves with the milliseconds until
   * the results (or the empty state) are shown.
   * @param {import('playwright-core').Page} p
   * @param {string} q
   */
  const searchOn = async (p, q) => {
    const t0 = Date.now();
    await p.locator('#search-page-q').fill(q);
    await p.locator('#search-page-q').press('Enter');
    // Enter starts the search at once (the list is aria-busy until it is shown).
    await p.waitForFunction(
      () =>
        document.getElementById('search-results')?.getAttribute('aria-busy') !== 'true' &&
        (/\d/.test(document.getElementById('search-status')?.textContent ?? '') ||
          !document.querySelector('[data-search-empty]')?.hasAttribute('hidden')),
    );
    return Date.now() - t0;
  };
  /** @param {string} q */
  const run = (q) => searchOn(page, q);
  /**
   * A query as the first search of a fresh visitor (nothing cached): bytes, time, and whether it
   * needed the full-text tier.
   * @param {string} q
   */
  const cold = async (q) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const p = await context.newPage();
    /** @type {string[]} */
    const seen = [];
    p.on('response', (r) => seen.push(new URL(r.url()).pathname));
    await p.goto(`${base}/${lang}/search/`);
    seen.length = 0;
    const ms = await searchOn(p, q);
    await p.waitForLoadState('networkidle');
    await context.close();
    return { q, bytes: bytesOf(seen), ms, fullText: seen.some((u) => u.startsWith('/pagefind/')) };
  };
  // Warm: these queries one after another in one visit, each after the one before.
  const samples = [
    '打印机缺纸',
    '通讯失败',
    '刷卡没反应',
    '请先签到',
    '机器受攻击',
    '怎么办理POS机',
    '返回码51',
    'poss机连不上网',
  ];
  const quality = parse(readFileSync(path.join(root, 'test/search-quality.yaml'), 'utf8'));
  /** @type {{ q: string, category?: string | string[], code?: unknown }[]} */
  const sentences = parse(readFileSync(path.join(root, 'test/search-sentences.yaml'), 'utf8'));
  // Cold: every query of both quality sets (keywords and whole sentences), each as a first search.
  const firsts = [];
  for (const item of [...quality, ...sentences]) firsts.push(await cold(String(item.q)));
  const firstBytes = firsts.map((f) => f.bytes);
  const firstTimes = firsts.map((f) => f.ms);
  const sorted = [...firstBytes].sort((a, b) => a - b);
  await page.goto(`${base}/${lang}/search/`);
  await run(samples[0] ?? '');
  await page.waitForLoadState('networkidle');
  const furtherBytes = [];
  const furtherTimes = [];
  for (const q of samples.slice(1)) {
    fetched.length = 0;
    furtherTimes.push(await run(q));
    await page.waitForLoadState('networkidle');
    furtherBytes.push(bytesOf(fetched));
  }
  let hits = 0;
  let total = 0;
  const times = [];
  for (const item of quality) {
    if (item.code) continue;
    times.push(await run(String(item.q)));
    const hrefs = await page
      .locator('a[data-result]')
      .evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
    total += 1;
    if (hrefs.some((h) => h.split('/')[2] === item.category)) hits += 1;
  }
  // Whole sentences: an on-topic page in the top three.
  let sentenceHits = 0;
  let sentenceTotal = 0;
  for (const item of sentences) {
    if (item.code || !item.category) continue;
    await run(String(item.q));
    const hrefs = await page
      .locator('a[data-result]')
      .evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
    const wanted = [item.category].flat();
    sentenceTotal += 1;
    if (hrefs.some((h) => wanted.includes(h.split('/')[2] ?? ''))) sentenceHits += 1;
  }
  await browser.close();
  server.close();
  return {
    sentenceTop3Rate: Number((sentenceHits / sentenceTotal).toFixed(3)),
    samples,
    firstQueryGzipBytes: {
      median: median(firstBytes),
      p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
      max: Math.max(...firstBytes),
      over100kB: firsts.filter((f) => f.bytes > 100_000).map((f) => f.q),
    },
    coldQueries: firsts.length,
    fullTextShare: Number((firsts.filter((f) => f.fullText).length / firsts.length).toFixed(3)),
    furtherQueryGzipBytes: { median: median(furtherBytes), max: Math.max(...furtherBytes), each: furtherBytes },
    firstQueryMs: median(firstTimes),
    furtherQueryMs: median(furtherTimes),
    medianQueryMs: median(times),
    top3Rate: Number((hits / total).toFixed(3)),
  };
}

/**
 * Lighthouse's performance score and its metrics for each audited page (timing: reported only).
 * @param {string} dist
 */
async function lighthouseFigures(dist) {
  const server = await serve(dist, 0);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const chrome = await launchForLighthouse();
  try {
    /** @type {Record<string, { performance: number, fcpMs: number, lcpMs: number, tbtMs: number, cls: number }>} */
    const byPage = {};
    for (const [, pagePath] of lighthousePages) {
      const { scores, metrics } = await audit(`${base}${pagePath}`, chrome.port, ['performance']);
      byPage[pagePath] = { performance: scores.performance ?? 0, ...metrics };
    }
    return byPage;
  } finally {
    chrome.kill();
    server.close();
  }
}

/**
 * The per-visitor costs the bench compares across scales, from the built files.
 * @typedef {ReturnType<typeof scaleFigures>} ScaleFigures
 * @param {string} dist
 */
function scaleFigures(dist) {
  return {
    firstVisit: precacheBytes(dist),
    wholeSave: wholeSaveBytes(dist),
    firstSearchWorst: Object.fromEntries(langs.map((l) => [l, firstSearchWorstBytes(dist, l).bytes])),
    widgetJs: troubleshooterBytes(dist, lang).js,
  };
}

/** @param {number} n bytes, as kB (1000 bytes, as the issues' budgets are written) */
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
/** @param {number} n bytes, as MB */
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
/** @param {number} n bytes, as KiB */
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
/** @typedef {ReturnType<typeof timedBuild> & ReturnType<typeof pageFigures>} BuildFigures */
/**
 * What bench.json holds; filled in step by step below.
 * @typedef {object} Results
 * @property {BuildFigures} site
 * @property {number} pagefindIndexBytes
 * @property {number} troubleshooterGzipBytes the widget's JavaScript and its flow's data, beyond what every page loads
 * @property {number} troubleshooterPageJsGzipBytes all the JavaScript a troubleshooter page loads before any interaction
 * @property {number} embedGzipBytes
 * @property {Record<string, number>} embedFlowGzipBytes each flow's file beside the bundle, by flow
 * @property {number} firstSearchWorstGzipBytes the most a first search can transfer, from the built files
 * @property {ReturnType<typeof precacheBytes>} precache what a first visit stores, per script
 * @property {ReturnType<typeof wholeSaveBytes>} wholeSave what "keep the whole help centre" stores, per script
 * @property {Awaited<ReturnType<typeof searchFigures>>} [search] without --builds
 * @property {Awaited<ReturnType<typeof lighthouseFigures>>} [lighthouse] without --builds
 * @property {({ factor: number, articles: number, pagefindIndexBytes: number } & BuildFigures & ScaleFigures)[]} [synthetic] without --quick
 * @property {StarlightFigures[]} [starlight] the same corpora built by Starlight, without --no-starlight
 */
const results = /** @type {Results} */ ({});

console.log('building the real site…');
results.site = /** @type {BuildFigures} */ (timedBuild(root)); // page figures are added below
const dist = path.join(root, 'dist');
Object.assign(results.site, pageFigures(dist));
results.pagefindIndexBytes = dirBytes(path.join(dist, 'pagefind'));
const troubleshooter = troubleshooterBytes(dist, lang);
results.troubleshooterGzipBytes = troubleshooter.bytes;
results.troubleshooterPageJsGzipBytes = troubleshooter.js;
const embed = embedBytes(dist);
results.embedGzipBytes = embed.bundle;
results.embedFlowGzipBytes = embed.flows;
const largestFlow = Math.max(...Object.values(embed.flows));
results.firstSearchWorstGzipBytes = firstSearchWorstBytes(dist, lang).bytes;
results.precache = precacheBytes(dist);
results.wholeSave = wholeSaveBytes(dist);
/**
 * @typedef {{ factor: number, sidebar: string, seconds: number, peakMiB: number, pages: number }
 *   | { factor: number, error: string }} StarlightFigures
 */
const starlight = starlightSidebar ? starlightProject() : null;
/**
 * The yardstick: the articles in `articlesDir` (and the codes) built by Starlight, timed as ours.
 * @param {number} factor
 * @param {string} articlesDir
 * @returns {StarlightFigures | undefined}
 */
function starlightBuild(factor, articlesDir) {
  if (!starlight || !starlightSidebar) return undefined;
  if ('error' in starlight) return { factor, error: starlight.error };
  console.log(`building the same corpus with Starlight ${starlightVersion}…`);
  const pages = writeStarlightCorpus(starlight.dir, articlesDir, starlightSidebar);
  const build = timedBuild(starlight.dir, starlight.dir);
  rmSync(path.join(starlight.dir, 'dist'), { recursive: true, force: true });
  return { factor, sidebar: starlightSidebar, ...build, pages };
}
results.starlight = [];
const starlight1 = starlightBuild(1, path.join(root, 'src/content/articles'));
if (starlight1) results.starlight.push(starlight1);
if (!buildsOnly) {
  console.log('measuring search in Chromium…');
  results.search = await searchFigures(dist);
  console.log('running Lighthouse (performance)…');
  results.lighthouse = await lighthouseFigures(dist);
}

if (!quick) {
  results.synthetic = [];
  for (const factor of scales) {
    const { dir, articles } = syntheticCorpus(factor);
    console.log(`building a synthetic corpus of ${articles} articles…`);
    const build = timedBuild(dir);
    results.synthetic.push({
      factor,
      articles,
      ...build,
      ...pageFigures(path.join(dir, 'dist')),
      pagefindIndexBytes: dirBytes(path.join(dir, 'dist/pagefind')),
      ...scaleFigures(path.join(dir, 'dist')),
    });
    rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    const yardstick = starlightBuild(factor, path.join(dir, 'src/content/articles'));
    if (yardstick) results.starlight.push(yardstick);
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
const s = results.site;
/** Build times, ours and Starlight's, at each scale. */
const buildLines = () => {
  if (results.synthetic?.length)
    console.log(
      `build time       1× ${s.seconds} s; ${results.synthetic.map((c) => `${c.factor}× ${c.seconds} s (${(c.seconds / s.seconds).toFixed(1)}× the 1× build)`).join('; ')}`,
    );
  for (const st of results.starlight ?? []) {
    const ours = st.factor === 1 ? s : results.synthetic?.find((c) => c.factor === st.factor);
    console.log(
      'error' in st
        ? `vs Starlight ${String(st.factor).padStart(3)}× not measured: ${st.error}`
        : `vs Starlight ${String(st.factor).padStart(3)}× ours ${ours?.seconds} s (${ours?.pages} pages), Starlight ${starlightVersion} ${st.seconds} s (${st.pages} pages, ${st.sidebar} in its sidebar, peak ${st.peakMiB} MiB): ours is ${((ours?.seconds ?? 0) / st.seconds).toFixed(2)}× Starlight's (target: about 1× at 1×, at most 0.5× at 100×)`,
    );
  }
};
if (buildsOnly) {
  buildLines();
  console.log('\nwritten to bench-results/bench.json');
  process.exit(0);
}
const search = /** @type {NonNullable<Results['search']>} */ (results.search);
const lighthouse = /** @type {NonNullable<Results['lighthouse']>} */ (results.lighthouse);
console.log(`
real site        build ${s.seconds} s, peak ${s.peakMiB} MiB, ${s.pages} pages
per page (gz)    median ${kib(s.perPageGzip.median)}, max ${kib(s.perPageGzip.max)} (${s.perPageGzip.maxPage}); budget 60 KiB
JS w/o widget    max ${kib(s.maxJsWithoutTroubleshooter)}; budget 5 KiB (the search page ${kib(s.searchPageJs)}; budget 8 KiB)
troubleshooter   page JavaScript ${kib(results.troubleshooterPageJsGzipBytes)} gz before any interaction (budget 25 KiB); the widget and its flow's data beyond every page's ${kib(results.troubleshooterGzipBytes)} (budget 36 KiB)
embed bundle     ${kib(results.embedGzipBytes)} gz (element, XState, every language) + one flow file: ${Object.entries(
  results.embedFlowGzipBytes,
)
  .map(([f, b]) => `${f} ${kib(b)}`)
  .join(', ')}; bundle + largest flow ${kib(results.embedGzipBytes + largestFlow)}, budget 40 KiB
pagefind index   ${kib(results.pagefindIndexBytes)}
search           first query (cold, each of the ${search.coldQueries} keyword and sentence queries) median ${kb(search.firstQueryGzipBytes.median)}, p90 ${kb(search.firstQueryGzipBytes.p90)}, max ${kb(search.firstQueryGzipBytes.max)} (budget 100 kB; ${search.firstQueryGzipBytes.over100kB.length} over, ${(search.fullTextShare * 100).toFixed(0)}% needed the full text); at worst, from the built files, ${kb(results.firstSearchWorstGzipBytes)} when the quick tier answers (before issue 19: ${kb(before.firstSearchWorstGzipBytes[lang])})
                 further query median ${kb(search.furtherQueryGzipBytes.median)}, max ${kb(search.furtherQueryGzipBytes.max)} (budget 20 kB); ${search.firstQueryMs} ms first, median ${search.medianQueryMs} ms; top-3 ${(search.top3Rate * 100).toFixed(1)}% of keywords (before: ${before.keywordTop3}), ${(search.sentenceTop3Rate * 100).toFixed(1)}% of sentences (before: ${before.sentenceTop3})
first visit      ${Object.entries(results.precache)
  .map(([l, f]) => `${l} ${f.count} files ${mb(f.bytes)}`)
  .join(', ')} stored (the shell and that script's essentials); budget 2.5 MB
whole-site save  ${Object.entries(results.wholeSave)
  .map(([l, f]) => `${l} ${f.pages} pages, ${f.count} files, ${mb(f.bytes)}`)
  .join('; ')}
lighthouse       performance (mobile, this machine): ${Object.entries(lighthouse)
  .map(([p, f]) => `${p} ${f.performance} (LCP ${f.lcpMs} ms, TBT ${f.tbtMs} ms, CLS ${f.cls})`)
  .join('; ')}`);
const real = scaleFigures(dist);
/** @param {ScaleFigures} f */
const perVisitor = (f) =>
  `first visit ${Object.entries(f.firstVisit)
    .map(([l, v]) => `${l} ${mb(v.bytes)}`)
    .join(', ')}; whole save ${Object.entries(f.wholeSave)
    .map(([l, v]) => `${l} ${mb(v.bytes)}`)
    .join(', ')}; first search at worst ${Object.entries(f.firstSearchWorst)
    .map(([l, b]) => `${l} ${kb(b)}`)
    .join(', ')}; widget JS ${kib(f.widgetJs)}`;
console.log(`per visitor   1×  ${perVisitor(real)}`);
for (const c of results.synthetic ?? [])
  console.log(
    `per visitor ${String(c.factor).padStart(3)}×  ${perVisitor(c)}; first visit ×${(c.firstVisit[lang].bytes / (real.firstVisit[lang]?.bytes ?? 1)).toFixed(2)} of 1× (budget 2.5 MB + 25%)`,
  );
buildLines();
for (const c of results.synthetic ?? []) {
  console.log(
    `synthetic ${String(c.factor).padStart(3)}×    ${c.articles} articles, ${c.pages} pages: build ${c.seconds} s, peak ${c.peakMiB} MiB; article HTML median ${kib(c.furtherArticleHtmlGzipMedian)} (real: ${kib(s.furtherArticleHtmlGzipMedian)}); index ${kib(c.pagefindIndexBytes)}`,
  );
  console.log(
    `                 same pages' HTML (gz), real → ${c.factor}×: ${fixedPages.map((p) => `${p.slice(lang.length + 1).replace(/index\.html$/, '') || 'home'} ${kib(s.fixedPagesHtmlGzip[p] ?? 0)} → ${kib(c.fixedPagesHtmlGzip[p] ?? 0)}`).join(', ')}`,
  );
}
console.log('\nwritten to bench-results/bench.json');
