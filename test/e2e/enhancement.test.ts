import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';

/**
 * Progressive enhancement that holds: when a script or a flow cannot load, the merchant still
 * sees the static steps (never a blank box), a message in Chinese, and no control that does nothing.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Console errors other than the blocked request itself ("Failed to load resource"). */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource/.test(e));

/** Opens `path` with requests whose URL matches `blocked` failing, as on a flaky network or a filtering proxy. */
async function openBlocking(path: string, blocked: RegExp) {
  const opened = await openPage(browser, { serviceWorkers: 'block' });
  let hits = 0;
  await opened.page.route(blocked, (route) => {
    hits++;
    return route.abort('failed');
  });
  await opened.page.goto(`${baseUrl()}${path}`);
  return { ...opened, blockedRequests: () => hits };
}

const staticFirstStep = (page: Page) => page.locator('pos-troubleshooter > .flow-static li').first();

describe('progressive enhancement', () => {
  it('shows the static flow when the widget script does not load', async () => {
    const { context, page, errors, blockedRequests } = await openBlocking(
      '/zh-hant/network/',
      /\/_astro\/(Troubleshooter\.astro|pos-troubleshooter\.)[^/]*\.js$/,
    );
    await page.waitForLoadState('load');
    expect(blockedRequests()).toBeGreaterThan(0);
    expect(await page.locator('pos-troubleshooter').evaluate((el) => customElements.get(el.localName))).toBeUndefined();
    await expect.poll(() => staticFirstStep(page).isVisible()).toBe(true);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('hides the static flow once the widget runs, and keeps it for printing', async () => {
    const { context, page, errors } = await openPage(browser, { serviceWorkers: 'block' });
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    await page.locator('pos-troubleshooter').locator('[part="answer"]').first().waitFor();
    expect(await page.locator('pos-troubleshooter').getAttribute('data-upgraded')).toBe('');
    expect(await staticFirstStep(page).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await staticFirstStep(page).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['zh-hant', 'zh-hans'])(
    'when the flow cannot load (%s), says so in Chinese and shows the static flow again',
    async (lang) => {
      const { context, page, errors, blockedRequests } = await openBlocking(
        `/${lang}/network/`,
        /\/embed\/flows\/[a-z-]+\/network\.[0-9a-f]+\.json$/,
      );
      const alert = page.locator('pos-troubleshooter [part="error"]');
      await alert.waitFor();
      expect(blockedRequests()).toBeGreaterThan(0);
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(lang === 'zh-hant' ? /載入失敗/ : /载入失败/);
      // No developer English on screen: no Latin words, no "Error", no stack.
      expect(text).not.toMatch(/[A-Za-z]{3,}/);
      expect(await page.locator('pos-troubleshooter').getAttribute('data-upgraded')).toBeNull();
      await expect.poll(() => staticFirstStep(page).isVisible()).toBe(true);
      expect(unexpected(errors)).toEqual([]);
      await context.close();
    },
  );

  it('shows no 「顯示更多結果」 button when the search script does not load', async () => {
    const { context, page, errors, blockedRequests } = await openBlocking(
      '/zh-hant/search/?q=%E7%BC%BA%E7%B4%99',
      /\/_astro\/SearchPage\.astro[^/]*\.js$/,
    );
    await page.waitForLoadState('load');
    expect(blockedRequests()).toBeGreaterThan(0);
    expect(await page.locator('#search-more').count()).toBe(1);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    // Every element marked hidden stays hidden, whatever display the stylesheet gives its kind.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('[hidden]')]
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  // The quick tier is plain JSON: a code and a word are found without WebAssembly. A word only in
  // the prose (pbc: the central bank's site, on the provider page) needs Pagefind's full text,
  // which the CSP refuses: the search says so in the console and shows the empty state, no error.
  it.each([
    ['a bare code', '55', '/zh-hant/codes/55/'],
    ['a word', '缺紙', '/zh-hant/hardware/printer/'],
    ['a word of the full text only', 'pbc', ''],
  ])("searches %s where the page's CSP forbids WebAssembly (no 'wasm-unsafe-eval')", async (_what, q, first) => {
    const { context, page, errors } = await openPage(browser, { serviceWorkers: 'block' });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.route(/\/search\/\?q=/, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] = headers['content-security-policy']!.replace(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, headers });
    });
    await page.goto(`${baseUrl()}/zh-hant/search/?q=${encodeURIComponent(q)}`);
    if (first) {
      await page.locator('a[data-result]').first().waitFor({ timeout: 30_000 });
      const hrefs = await page
        .locator('a[data-result]')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs).toContain(first);
      if (q === '55') expect(hrefs[0]).toBe(first);
      expect(warnings.join('\n')).not.toMatch(/Pagefind/);
    } else {
      await page.locator('[data-search-empty]').waitFor({ timeout: 30_000 });
      expect(warnings.join('\n')).toMatch(/Pagefind cannot run here/);
    }
    expect(await page.locator('#search-error').isVisible()).toBe(false);
    expect(errors.filter((e) => !/WebAssembly|wasm-unsafe-eval|Content Security Policy/.test(e))).toEqual([]);
    await context.close();
  });
});
