import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';
import { servedCopy, type ServedCopy } from './deploy';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const offlineTitle = '這一頁還沒有離線副本';
const notFoundTitle = '找不到這個頁面';
const networkTitle = 'POS 機網絡故障、通訊失敗怎麼辦';

/** Visits the home page at `origin` and waits until the service worker (with its precache) controls it. */
async function underServiceWorker(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/zh-hant/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Asks the browser to look for a new sw.js now (it would on the next navigation anyway). */
const checkForUpdate = (page: Page) =>
  page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

const heading = (page: Page) => page.locator('h1').first().textContent();

/** Clicks the update bar's button and waits for the page to load again. */
async function takeUpdate(page: Page): Promise<void> {
  await page.locator('[data-update-bar]').waitFor({ state: 'visible', timeout: 10_000 });
  await Promise.all([page.waitForEvent('load', { timeout: 10_000 }), page.locator('[data-update-reload]').click()]);
}

describe('the service worker tells the truth about the network', () => {
  let copy: ServedCopy | undefined;
  afterAll(() => copy?.close());

  it('online, a mistyped address gets the 404 page with status 404, not the offline page', async () => {
    const { context, page, errors } = await openPage(browser);
    await underServiceWorker(page, baseUrl());
    const res = await page.goto(`${baseUrl()}/zh-hant/hardwre/`);
    expect(res?.status()).toBe(404);
    await expect(heading(page)).resolves.toBe(notFoundTitle);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
  });

  it('online, a page added by a new deploy is served before the merchant takes the update', async () => {
    copy = await servedCopy();
    const { context, page } = await openPage(browser);
    await underServiceWorker(page, copy.url);
    await copy.deploy({ add: { 'zh-hant/network-new': 'zh-hant/network' } });
    const res = await page.goto(`${copy.url}/zh-hant/network-new/`);
    expect(res?.status()).toBe(200);
    await expect(heading(page)).resolves.toBe(networkTitle);
    await context.close();
    await copy.close();
    copy = undefined;
  });

  it('after an update that removes a page, online, that page is a 404', async () => {
    copy = await servedCopy();
    const { context, page } = await openPage(browser);
    await underServiceWorker(page, copy.url);
    await copy.deploy({ remove: ['zh-hant/hardware/printer'] });
    await checkForUpdate(page);
    await takeUpdate(page);
    const res = await page.goto(`${copy.url}/zh-hant/hardware/printer/`);
    expect(res?.status()).toBe(404);
    await expect(heading(page)).resolves.toBe(notFoundTitle);
    await context.close();
    await copy.close();
    copy = undefined;
  });

  it('offline, the offline page offers the waiting update, which then serves the new page offline', async () => {
    copy = await servedCopy();
    const { context, page } = await openPage(browser);
    await underServiceWorker(page, copy.url);
    await copy.deploy({ add: { 'zh-hant/network-new': 'zh-hant/network' } });
    await checkForUpdate(page);
    // Installed (downloads done) before the network goes: poll, as waitForFunction does not await a promise.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)), {
        timeout: 60_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await page.goto(`${copy.url}/zh-hant/network-new/`);
    await expect(heading(page)).resolves.toBe(offlineTitle);
    await takeUpdate(page);
    await expect(heading(page)).resolves.toBe(networkTitle);
    await context.close();
    await copy.close();
    copy = undefined;
  });

  it('the update bar’s button reloads every open tab, not only the first to take the update', async () => {
    copy = await servedCopy();
    const { context, page: first } = await openPage(browser);
    await underServiceWorker(first, copy.url);
    const second = await context.newPage();
    await second.goto(`${copy.url}/zh-hant/network/`);
    await second.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await copy.deploy({ add: { 'zh-hant/network-new': 'zh-hant/network' } });
    await checkForUpdate(first);
    await second.locator('[data-update-bar]').waitFor({ state: 'visible' });
    await takeUpdate(first);
    // The other tab keeps what the merchant was doing until they ask; then its button works too.
    await expect(second.locator('[data-update-bar]').isVisible()).resolves.toBe(true);
    await takeUpdate(second);
    await expect(second.locator('[data-update-bar]').isVisible()).resolves.toBe(false);
    await context.setOffline(true);
    await second.goto(`${copy.url}/zh-hant/network-new/`);
    await expect(heading(second)).resolves.toBe(networkTitle);
    await context.close();
    await copy.close();
    copy = undefined;
  });
});
