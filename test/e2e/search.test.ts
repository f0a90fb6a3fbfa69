import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';
import { categoryOf, readQualitySet, searchInBox, searchOnPage } from './search-run';
import { servedCopy } from './deploy';

const quality = readQualitySet('search-quality.yaml');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launch();
  ({ context, page, errors } = await openPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Runs a search on the page the way a person does and returns the results in order. */
const searchFor = async (lang: string, q: string, category = '') =>
  (await searchOnPage(page, lang, q, category)).results;

describe('search', () => {
  // Every query in both scripts (about 300 with the money questions), typed one after another
  // into one search page per script.
  it('puts the right page in the top three for at least 98.2% of the quality set, and the code page first for every code query, in both scripts', async () => {
    const misses: string[] = [];
    let topicHits = 0;
    let topicTotal = 0;
    let codeHits = 0;
    let codeTotal = 0;
    for (const lang of ['zh-hant', 'zh-hans']) {
      await page.goto(`${baseUrl()}/${lang}/search/`);
      for (const item of quality) {
        const { results } = await searchInBox(page, item.q);
        if (item.code) {
          codeTotal += 1;
          const ok = item.code.some((code) => results[0]?.href === `/${lang}/codes/${code.toLowerCase()}/`);
          if (ok) codeHits += 1;
          else misses.push(`${lang} "${item.q}" → ${results[0]?.href ?? 'nothing'} (want code ${item.code.join('/')})`);
        } else {
          topicTotal += 1;
          const ok = results.slice(0, 3).some((r) => item.category?.includes(categoryOf(r.href)));
          if (ok) topicHits += 1;
          else
            misses.push(
              `${lang} "${item.q}" → ${
                results
                  .slice(0, 3)
                  .map((r) => r.href)
                  .join(', ') || 'nothing'
              } (want ${item.category?.join('/')})`,
            );
        }
      }
    }
    const topicRate = topicHits / topicTotal;
    const codeRate = codeHits / codeTotal;
    console.log(
      `search quality: top-3 ${(topicRate * 100).toFixed(1)}% of ${topicTotal}, code-first ${(codeRate * 100).toFixed(1)}% of ${codeTotal}\n  ${misses.join('\n  ')}`,
    );
    expect(quality.length).toBeGreaterThanOrEqual(60);
    // 312 of 318 (98.1%) before sentences were searched by their words (issue 19), and still on
    // the search branch; 96.9% of 520 after the content wave added 40 pages and 202 queries
    // (several old misses now rank the new rules/account pages first); 97.7% once words were weighed
    // against every page of the tier and the synonym table's words counted double (issue 19);
    // 97.9% with the code pages out of the quick tier and boot loops (一直重啟) in the synonyms;
    // 98.3% (511) with the site's own quick index (characters and pairs, field weights) in place of
    // Pagefind's, and a synonym no longer matched inside a longer Latin word (App in Apple Pay).
    expect(topicRate).toBeGreaterThanOrEqual(0.982);
    expect(codeRate).toBe(1);
    expect(errors).toEqual([]);
  }, 600_000);

  it('shows results as links with title, category and a highlighted excerpt', async () => {
    const results = await searchFor('zh-hant', '缺紙');
    expect(results.length).toBeGreaterThan(0);
    const first = page.locator('#search-results li').first();
    await expect(first.locator('a[data-result]').textContent()).resolves.not.toBe('');
    await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/找到 \d+ 條結果/);
  });

  it('filters by category', async () => {
    const results = await searchFor('zh-hans', '签到', 'network');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => categoryOf(r.href) === 'network')).toBe(true);
  });

  it('shows five results at first and the rest on request, moving focus to the first new one', async () => {
    const first = await searchFor('zh-hans', '交易');
    expect(first).toHaveLength(5);
    const total = Number((await page.locator('#search-status').textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(5);
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('a[data-result]').length > 5);
    await expect(page.evaluate(() => document.activeElement?.matches('li:nth-child(6) a[data-result]'))).resolves.toBe(
      true,
    );
    const hrefs = await page.locator('a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('answers from the quick tier, and searches the full text when that finds nothing or when asked', async () => {
    const requests: string[] = [];
    const listener = (r: { url(): string }) => requests.push(r.url());
    page.on('request', listener);
    const quick = await searchFor('zh-hans', '打印机缺纸');
    expect(categoryOf(quick[0]!.href)).toBe('hardware');
    // The quick tier is the site's own index: Pagefind (its script, wasm and full text) is not loaded.
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    expect(requests.some((u) => u.includes('/search/quick/'))).toBe(true);

    // Only in the prose of the provider article (the central bank's site), in no title or question.
    const deep = await searchFor('zh-hans', 'pbc');
    expect(deep.map((r) => categoryOf(r.href))).toContain('provider');
    await expect.poll(() => requests.some((u) => u.includes('/pagefind/'))).toBe(true);

    requests.length = 0;
    await searchFor('zh-hant', '小票存根');
    const before = await page.locator('a[data-result]').count();
    while ((await page.locator('#search-more').textContent()) !== '在全文中找更多') {
      await page.locator('#search-more').click();
      await page.waitForTimeout(100);
    }
    await page.locator('#search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('a[data-result]').length > n, before);
    await expect.poll(() => requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    const hrefs = await page.locator('a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    page.off('request', listener);
    expect(errors).toEqual([]);
  });

  it('answers a bare response code with its page alone, without loading the full-text index', async () => {
    // Leave the previous test's page first: its full-text chunks may still be on their way.
    await page.goto('about:blank');
    const requests: string[] = [];
    const listener = (r: { url(): string }) => requests.push(r.url());
    page.on('request', listener);
    const results = await searchFor('zh-hant', 'A0');
    page.off('request', listener);
    expect(results.map((r) => r.href)).toEqual(['/zh-hant/codes/a0/']);
    expect(requests.filter((u) => u.includes('.pf_index'))).toEqual([]);
  });

  it('finds Traditional text from a Simplified query and the reverse', async () => {
    expect((await searchFor('zh-hant', '网络')).length).toBeGreaterThan(0);
    expect((await searchFor('zh-hans', '網絡')).length).toBeGreaterThan(0);
  });

  it('shows a way on when nothing matches', async () => {
    const results = await searchFor('zh-hant', 'zzqqxx');
    expect(results).toEqual([]);
    await expect(page.locator('[data-search-empty]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-search-empty] a[href="/zh-hant/codes/"]').count()).resolves.toBe(1);
  });

  it('says nothing matched and offers the ways on for a query of only punctuation or emoji, with a quiet console', async () => {
    const { context: c, page: p } = await openPage(browser);
    const messages: string[] = [];
    p.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
    p.on('pageerror', (err) => messages.push(`pageerror: ${err.message}`));
    for (const q of ['???', '-', '😀', '。。。', '❤️', '！？…']) {
      const url = new URL(`${baseUrl()}/zh-hant/search/`);
      url.searchParams.set('q', q);
      await p.goto(url.href);
      await p.waitForFunction(
        () =>
          !document.querySelector('[data-search-empty]')?.hasAttribute('hidden') ||
          !document.getElementById('search-error')?.hidden,
      );
      await expect(p.locator('[data-search-empty]').isVisible(), q).resolves.toBe(true);
      await expect(p.locator('#search-error').isVisible(), q).resolves.toBe(false);
      await expect(p.locator('[data-search-empty] a[href="/zh-hant/codes/"]').count(), q).resolves.toBe(1);
    }
    expect(messages).toEqual([]);
    await c.close();
  });

  it('handles an empty query, a very long one, a lone punctuation mark and markup without injecting anything', async () => {
    for (const q of [
      '',
      '   ',
      '？',
      '。',
      'x'.repeat(1000),
      '<img src=x onerror="window.__pwned=1">',
      '"><script>window.__pwned=1</script>',
    ]) {
      const url = new URL(`${baseUrl()}/zh-hans/search/`);
      url.searchParams.set('q', q);
      await page.goto(url.href);
      await page.waitForTimeout(150);
      await page.waitForFunction(() => !document.getElementById('search-status')?.textContent?.includes('…'));
      await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
      await expect(page.locator('#search-results img, #search-results script').count()).resolves.toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('merges adjacent highlighted characters into one mark', async () => {
    await searchFor('zh-hant', '打印機缺紙');
    const marks = await page
      .locator('#search-results mark')
      .evaluateAll((ms) => ms.map((m) => ({ text: m.textContent, next: m.nextSibling?.nodeName ?? '' })));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.next === 'MARK')).toEqual([]);
    expect(marks.some((m) => (m.text ?? '').length > 1)).toBe(true);
  });

  it('never offers more when nothing was found, and keeps focus on something meaningful after more', async () => {
    await searchFor('zh-hant', 'zzqqxx');
    await expect(page.locator('#search-more').isVisible()).resolves.toBe(false);
    await searchFor('zh-hant', '小票存根');
    while (await page.locator('#search-more').isVisible()) {
      await page.locator('#search-more').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.getElementById('search-more')?.getAttribute('aria-disabled') !== 'true',
      );
      await page.waitForTimeout(100);
      const focused = await page.evaluate(() => document.activeElement?.matches('a[data-result], #search-more, input'));
      expect(focused).toBe(true);
    }
  });

  it('says which words matched when no page holds them all, and offers a category when the match is weak', async () => {
    const partial = await searchFor('zh-hant', '套現 zzqqxx');
    expect(partial.length).toBeGreaterThan(0);
    await expect(page.locator('#search-status').textContent()).resolves.toContain(
      '沒有同時包含所有詞的頁面；以下頁面包含：套現',
    );
    await searchFor('zh-hans', '打印机 签到 套现');
    await expect(page.locator('#search-intent').isVisible()).resolves.toBe(true);
    const href = await page.locator('#search-intent [data-intent-category]').getAttribute('href');
    expect(href).toMatch(/^\/zh-hans\/[a-z-]+\/$/);
    expect(errors).toEqual([]);
  });

  it.each([
    ['at once', 0],
    ['after the search as you type has started', 400],
  ])('searches once when a person types a query and presses Enter %s', async (_when, pause) => {
    const { context: c, page: p, errors: e } = await openPage(browser, { serviceWorkers: 'block' });
    await p.goto(`${baseUrl()}/zh-hans/search/`);
    // Every search marks the list busy once and fills it once: count both, and the full-text loads.
    await p.evaluate(() => {
      const list = document.getElementById('search-results')!;
      const seen = { busy: 0, filled: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && list.getAttribute('aria-busy') === 'true') seen.busy += 1;
          if (r.type === 'childList' && r.addedNodes.length) seen.filled += 1;
        }
      }).observe(list, { attributes: true, attributeFilter: ['aria-busy'], childList: true });
    });
    const fullText: string[] = [];
    p.on('request', (r) => {
      if (/\/pagefind\/[^/]*\.pf_meta$/.test(r.url())) fullText.push(r.url());
    });
    // Found only in the full text (the provider article's prose): the longest search there is.
    await p.locator('#search-page-q').pressSequentially('pbc');
    if (pause) await p.waitForTimeout(pause);
    await p.locator('#search-page-q').press('Enter');
    await p.locator('a[data-result]').first().waitFor();
    await p.waitForFunction(() => document.getElementById('search-results')?.getAttribute('aria-busy') !== 'true');
    // Longer than the search-as-you-type delay (250 ms): a search it had still to start would show by now.
    await p.waitForTimeout(600);
    const seen = await p.evaluate(() => (window as unknown as { seen: { busy: number; filled: number } }).seen);
    expect(seen).toEqual({ busy: 1, filled: 1 });
    expect(fullText).toHaveLength(1);
    expect(e).toEqual([]);
    await c.close();
  });

  it('keeps the query in the URL so back and forward work', async () => {
    await searchFor('zh-hant', '缺紙');
    await page.locator('#search-page-q').fill('簽到');
    await page.locator('#search-page-q').press('Enter');
    await page.waitForURL(/q=%E7%B0%BD%E5%88%B0/);
    await page.goBack();
    await expect(page.locator('#search-page-q').inputValue()).resolves.toBe('缺紙');
  });

  it('a search page left open across a deploy searches the new build, in the real browser', async () => {
    const copy = await servedCopy();
    const { context: c, page: p, errors: e } = await openPage(browser, { serviceWorkers: 'block' });
    try {
      const requested: string[] = [];
      p.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await p.goto(`${copy.url}/zh-hant/search/`);
      await expect(searchInBox(p, '缺紙')).resolves.toMatchObject({
        results: expect.arrayContaining([expect.objectContaining({ href: '/zh-hant/hardware/printer/' })]),
      });
      // A deploy: the quick tier's files under a new version; the old names are gone.
      const folder = path.join(copy.dir, 'zh-hant/search/quick');
      const meta = JSON.parse(readFileSync(path.join(folder, 'meta.json'), 'utf8')) as { v: string };
      const next = 'f'.repeat(meta.v.length);
      for (const file of readdirSync(folder))
        if (file !== 'meta.json') renameSync(path.join(folder, file), path.join(folder, file.replace(meta.v, next)));
      writeFileSync(path.join(folder, 'meta.json'), JSON.stringify({ ...meta, v: next }));
      requested.length = 0;
      const after = await searchInBox(p, '網絡連接失敗 簽到失敗');
      expect(after.results.map((r) => r.href)).toContain('/zh-hant/network/');
      // The old shards were gone: the meta was read again and the new build's files used.
      expect(requested.filter((u) => u.endsWith('/quick/meta.json'))).toHaveLength(1);
      expect(requested.some((u) => u.includes(`.${meta.v}.json`))).toBe(true);
      expect(requested.some((u) => u.includes(`.${next}.json`))).toBe(true);
      // The only console errors: Chromium's own line for each old file the server no longer had.
      expect(e.filter((m) => !/status of 404/.test(m))).toEqual([]);
    } finally {
      await c.close();
      await copy.close();
    }
  });

  it('loads no search index before someone searches', async () => {
    const { context: c, page: p, errors: e } = await openPage(browser);
    const requests: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    await p.goto(`${baseUrl()}/zh-hant/hardware/`);
    await p.goto(`${baseUrl()}/zh-hant/search/`);
    await p.waitForTimeout(300);
    expect(requests.filter((u) => /\/pagefind\/|\/search\/(quick|data)/.test(u))).toEqual([]);
    expect(e).toEqual([]);
    await c.close();
  });
});
