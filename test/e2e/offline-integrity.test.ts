import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';
import { servedCopy } from './deploy';
import { cacheNames, cachedPaths, corrupt, forget, limitQuota, storedText, underServiceWorker } from './offline-cache';
import { readDist } from './dist';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const offlineTitle = '這一頁還沒有離線副本';
const heading = (page: import('playwright-core').Page) => page.locator('h1').first().textContent();

describe('the offline copy when an entry is damaged, missing, or the device is full', () => {
  it('online, a corrupt entry is replaced from the network, and the page and its styles come out right', async () => {
    const { context, page, errors } = await openPage(browser);
    await underServiceWorker(page, baseUrl());
    const css = await page.evaluate(
      () => new URL(document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')!.href).pathname,
    );
    expect(await corrupt(page, '/zh-hant/network/')).toBe(true);
    expect(await corrupt(page, css, 'body { display: none }')).toBe(true);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    await expect(heading(page)).resolves.toBe('POS 機網絡故障、通訊失敗怎麼辦');
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    // The next page to ask for the stylesheet (the browser's memory cache answered this one) gets
    // the real file, and the entry holds it again.
    await expect(page.evaluate((href) => fetch(href).then((r) => r.text()), css)).resolves.toBe(readDist(css.slice(1)));
    await expect.poll(() => storedText(page, css), { timeout: 10_000 }).toBe(readDist(css.slice(1)));
    await expect
      .poll(() => storedText(page, '/zh-hant/network/'), { timeout: 10_000 })
      .toBe(readDist('zh-hant/network/index.html'));
    // And offline, the repaired page is served.
    await context.setOffline(true);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    await expect(heading(page)).resolves.toBe('POS 機網絡故障、通訊失敗怎麼辦');
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });

  it('offline, a corrupt or deleted entry gives the offline page, not garbage or the browser’s error page', async () => {
    const { context, page } = await openPage(browser);
    await underServiceWorker(page, baseUrl());
    expect(await corrupt(page, '/zh-hant/network/', '<h1>garbage</h1>')).toBe(true);
    expect(await forget(page, '/zh-hant/codes/')).toBe(true);
    await context.setOffline(true);
    for (const path of ['/zh-hant/network/', '/zh-hant/codes/']) {
      const res = await page.goto(`${baseUrl()}${path}`);
      expect(res?.ok(), path).toBe(true);
      await expect(heading(page), path).resolves.toBe(offlineTitle);
    }
    // The corrupt entry is gone rather than kept.
    expect(await cachedPaths(page)).not.toContain('/zh-hant/network/');
    await context.close();
  });

  it('an install that fails for lack of room stores nothing and tells the merchant', async () => {
    const copy = await servedCopy();
    const { context, page, errors } = await openPage(browser);
    try {
      await limitQuota(context, page, copy.url, 300_000);
      await page.goto(`${copy.url}/zh-hant/`);
      const notice = page.locator('[data-offline-failed]');
      await notice.waitFor({ state: 'visible', timeout: 60_000 });
      await expect(notice.textContent()).resolves.toContain('儲存空間不夠，離線副本沒有存好');
      await expect.poll(() => cacheNames(page), { timeout: 10_000 }).toEqual([]);
      await expect(
        page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.active)),
      ).resolves.toBe(false);
      // The page itself works as usual.
      await expect(heading(page)).resolves.toBe('POS 機故障自助排查');
      expect(errors.filter((e) => !/Quota|service worker/i.test(e))).toEqual([]);
    } finally {
      await context.close();
      await copy.close();
    }
  });
});
