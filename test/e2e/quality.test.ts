import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { baseUrl, launch, openPage, settle } from './browser';
import { dist, distFiles, readDist } from './dist';
import {
  embedBytes,
  firstSearchWorstBytes,
  flowFileBytes,
  gz,
  pageWeight,
  precacheBytes,
} from '../../scripts/bench/measure.mjs';
import { langs } from '../../src/i18n/langs.mjs';
import { flowNames } from '../../src/machines/manifest';
import { onTopic, readQualitySet, searchInBox } from './search-run';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Every kind of page, in both scripts. */
const kinds = [
  '/',
  '/{lang}/',
  '/{lang}/hardware/',
  '/{lang}/software/',
  '/{lang}/network/',
  '/{lang}/security/',
  '/{lang}/apply/',
  '/{lang}/service/',
  '/{lang}/transactions/',
  '/{lang}/personal-pos/',
  '/{lang}/provider/',
  '/{lang}/operations/',
  '/{lang}/rules/',
  '/{lang}/hardware/printer/',
  '/{lang}/codes/',
  '/{lang}/codes/55/',
  '/{lang}/search/?q=%E7%BC%BA%E7%BA%B8',
  '/{lang}/search/?q=zzqqxx',
  '/{lang}/print/',
  '/{lang}/print/network/',
  '/{lang}/print/transactions/',
  '/{lang}/print/booklet/',
  '/{lang}/print/repair-record/',
  '/{lang}/embed/',
  '/{lang}/embed/network/',
  '/404.html',
  '/offline/',
];

describe('accessibility', () => {
  // One test per script and scheme (each about 23 pages analysed by axe), so that a busy machine
  // slows each within its own time limit (the four together once ran past ten minutes in CI).
  it.each(langs.flatMap((lang) => (['light', 'dark'] as const).map((scheme) => [lang, scheme] as const)))(
    'axe finds nothing on every kind of page in %s, %s',
    async (lang, scheme) => {
      const problems: string[] = [];
      const { context, page } = await openPage(browser, { colorScheme: scheme, serviceWorkers: 'block' });
      for (const kind of kinds) {
        const url = `${baseUrl()}${kind.replace('{lang}', lang)}`;
        await page.goto(url);
        if (kind.includes('search'))
          await page.waitForFunction(
            () =>
              /\d/.test(document.getElementById('search-status')?.textContent ?? '') ||
              !document.querySelector('[data-search-empty]')?.hasAttribute('hidden'),
          );
        if (await page.locator('pos-troubleshooter').count())
          await page.locator('pos-troubleshooter').first().locator('[part~="question"]').waitFor();
        await settle(page);
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations)
          problems.push(
            `${scheme} ${kind}: ${v.id} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')})`,
          );
      }
      await context.close();
      expect(problems).toEqual([]);
    },
    600_000,
  );

  it('keeps every page usable at 320 px wide and 200% zoom', async () => {
    const { context, page } = await openPage(browser, {
      viewport: { width: 320, height: 700 },
      serviceWorkers: 'block',
    });
    for (const kind of kinds.filter((k) => !k.includes('embed/network'))) {
      await page.goto(`${baseUrl()}${kind.replace('{lang}', 'zh-hans')}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, kind).toBeLessThanOrEqual(1);
    }
    await context.close();
  });
});

describe('search quality: whole sentences', () => {
  const sentences = readQualitySet('search-sentences.yaml');
  // About 170 sentences in both scripts, typed one after another into one search page per script.
  it('puts an on-topic page in the top three for whole-sentence questions, and never says "nothing" for them, in both scripts', async () => {
    const { context, page, errors } = await openPage(browser, { serviceWorkers: 'block' });
    const misses: string[] = [];
    const empty: string[] = [];
    let hits = 0;
    for (const lang of langs) {
      await page.goto(`${baseUrl()}/${lang}/search/`);
      for (const item of sentences) {
        const shown = await searchInBox(page, item.q);
        const hrefs = shown.results.map((r) => r.href);
        if (shown.empty) empty.push(`${lang} "${item.q}"`);
        if (onTopic(item, hrefs)) hits += 1;
        else
          misses.push(
            `${lang} "${item.q}" → ${hrefs.slice(0, 3).join(', ') || 'nothing'} (want ${item.code ? `code ${item.code.join('/')}` : item.category!.join('/')}${item.notCode ? ', no code first' : ''})`,
          );
      }
    }
    await context.close();
    const rate = hits / (sentences.length * langs.length);
    console.log(
      `sentence quality: top-3 ${(rate * 100).toFixed(1)}% of ${sentences.length * langs.length}, nothing found ${empty.length}\n  ${misses.join('\n  ')}`,
    );
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    expect(errors).toEqual([]);
    // First build, before any tuning for sentences: 73.4% of 338, nothing found for 35.
    expect(empty).toEqual([]);
    // 98.5% on the search branch; 94.7% after the content wave's 40 pages joined the ranking;
    // 98.8% (334 of 338) once words were weighed against every page of the tier, words of the
    // synonym table counted double, and 系/复 converted by the site's words; 99.4% once a long
    // part of a screen text named its code. The two misses find rules/cash-out first, the page
    // on 套現, which the set predates. Pass mark 95%.
    expect(rate).toBeGreaterThanOrEqual(0.994);
  }, 900_000);
});

describe('budgets from the built output', () => {
  it('loads at most 60 KB gzipped before interaction on any page, and at most 5 KB of JavaScript without a troubleshooter (8 KB on the search page)', async () => {
    const pages = (await distFiles()).filter((f) => f.endsWith('.html'));
    const over: string[] = [];
    for (const p of pages) {
      const w = pageWeight(dist, p);
      if (w.total > 60 * 1024) over.push(`${p}: ${w.total} bytes`);
      const hasWidget = /<pos-troubleshooter/.test(readDist(p));
      // The search page runs the search itself (words, ranking, and the quick index, which spares a
      // first search Pagefind's 67 kB of script and wasm): 7.8 KB.
      const jsBudget = /(^|\/)search\/index\.html$/.test(p) ? 8 * 1024 : 5 * 1024;
      if (!hasWidget && w.js > jsBudget) over.push(`${p}: ${w.js} bytes of JS without a troubleshooter`);
    }
    expect(over).toEqual([]);
  });

  it('keeps every troubleshooter page, in both scripts, at 25 KB gzipped of JavaScript before any interaction (36 KB with its flow as data), and the embed bundle with the largest flow under 40 KB', async () => {
    const built = await distFiles();
    // The widget's strings in the page's script: a chunk of their own, loaded as the widget connects.
    const strings = (lang: string) =>
      built
        .filter((f) => f.startsWith(`_astro/${lang}.`) && f.endsWith('.js'))
        .reduce((s, f) => s + gz(`${dist}/${f}`), 0);
    const over: string[] = [];
    const seen = new Map<string, string>();
    for (const p of built.filter((f) => f.endsWith('.html'))) {
      const flow = /<pos-troubleshooter[^>]*\sflow="([^"]+)"/.exec(readDist(p))?.[1];
      const lang = langs.find((l) => p.startsWith(`${l}/`));
      if (!flow || !lang) continue;
      expect(strings(lang), lang).toBeGreaterThan(0);
      // All its JavaScript: its scripts with their static imports (the offline support every page has too) and the strings.
      const js = pageWeight(dist, p).js + strings(lang);
      // The troubleshooter's share, as troubleshooterBytes (scripts/bench/measure.mjs) counts it on a
      // category page: less what every page loads (a code page's offline support), plus the flow's data.
      const flowFile = flowFileBytes(dist, lang)[flow] ?? 0;
      const bytes = js - pageWeight(dist, `${lang}/codes/55/index.html`).js + flowFile;
      expect(flowFile, p).toBeGreaterThan(0);
      seen.set(
        `${lang} ${flow} ${js} ${bytes}`,
        `${p}: ${js} B of JavaScript; widget, strings and flow ${bytes} B (flow ${flowFile} B)`,
      );
      // 25 KB of JavaScript: the issue's budget. 24.4 KB on an article (24.6 on the embed guide) after
      // loading the summary form only at an escalation and the floor's polyfills only where missing
      // (25.2 KB before). With the flow's data counted, no flow page reaches 25 KB: 26.0 KB (apply) to
      // 35.8 KB (transactions, whose flow file alone is 12.2 KB); XState alone is about 12 KB.
      if (js > 25 * 1024) over.push(`${p}: ${js} bytes of JavaScript`);
      if (bytes > 36 * 1024) over.push(`${p}: ${bytes} bytes with its flow`);
    }
    console.log(`troubleshooter pages (gzipped):\n  ${[...seen.values()].sort().join('\n  ')}`);
    expect(seen.size).toBeGreaterThan(0);
    expect(over).toEqual([]);
    // What a bank's page downloads to show one flow: the bundle and that flow's file.
    const embed = embedBytes(dist);
    expect(Object.keys(embed.flows).sort()).toEqual([...flowNames].sort());
    expect(embed.bundle + Math.max(...Object.values(embed.flows))).toBeLessThanOrEqual(40 * 1024);
  });

  it.each(langs)('keeps a first search in %s at 100 kB gzipped or less, at worst, from the built files', (lang) => {
    const { bytes, shards, page, index } = firstSearchWorstBytes(dist, lang);
    console.log(
      `first search in ${lang}, at worst: ${(bytes / 1000).toFixed(1)} kB (page ${(page / 1000).toFixed(1)} kB, quick index ${(index / 1000).toFixed(1)} kB of ${shards} shards)`,
    );
    expect(shards).toBeGreaterThan(1);
    // It was 148.0 kB with Pagefind as the quick tier (its wasm 55 kB, its script 12 kB, every
    // chunk of its quick index 62 kB), and grew with the site (210.7 kB at 10×). The quick tier is
    // now the site's own index: a search loads only the shards of its terms, at most maxShards.
    expect(bytes).toBeLessThanOrEqual(100_000);
  });

  it.each(langs)('stores at most 2.5 MB on a first visit in %s (the shell and that script only)', (lang) => {
    const { bytes, count } = precacheBytes(dist)[lang];
    console.log(`first visit in ${lang}: ${count} files, ${(bytes / 1e6).toFixed(2)} MB`);
    expect(count).toBeGreaterThan(20);
    expect(bytes).toBeLessThanOrEqual(2_500_000);
  });
});

describe('valid HTML', () => {
  it('every built page passes the HTML validator', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard'],
      rules: {
        'no-inline-style': 'off',
        'attribute-boolean-style': 'off',
        'no-trailing-whitespace': 'off',
        'long-title': 'off',
        'no-redundant-role': 'off',
        'prefer-native-element': 'off',
        'no-implicit-button-type': 'off',
        'valid-id': 'off',
        'attribute-empty-style': 'off',
        'element-permitted-content': 'error',
      },
      elements: [
        'html5',
        {
          'pos-troubleshooter': {
            flow: true,
            phrasing: false,
            attributes: { flow: {}, lang: {}, history: {}, hotline: {}, 'heading-level': {}, 'record-url': {} },
            permittedContent: ['@flow'],
          },
        },
      ],
    });
    const problems: string[] = [];
    for (const f of (await distFiles()).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(readDist(f), f);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${f}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 30)).toEqual([]);
  });
});
