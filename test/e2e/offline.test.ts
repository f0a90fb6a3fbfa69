import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { dist } from './dist';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('offline after one visit', () => {
  it('serves pages in both scripts, a code page, search and a troubleshooter with the network cut', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/`);
    // ready resolves once the worker is active, which is after the whole precache is stored.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Online, the page is served from the precache too, and says nothing about being offline.
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-offline-marker]').isHidden()).resolves.toBe(true);
    await context.setOffline(true);

    for (const path of [
      '/zh-hans/network/',
      '/zh-hant/hardware/printer/',
      '/zh-hans/codes/55/',
      '/zh-hant/print/network/',
    ]) {
      const res = await page.goto(`${baseUrl()}${path}`);
      expect(res?.ok(), path).toBe(true);
      await expect(page.locator('h1').first().textContent(), path).resolves.not.toBe('');
    }
    await page.locator('[data-offline-marker]').waitFor({ state: 'visible', timeout: 5000 });
    await expect(page.locator('[data-offline-marker]').textContent()).resolves.toMatch(/離線副本.*\d{4}-\d{2}-\d{2}/);

    await page.goto(`${baseUrl()}/zh-hans/search/?q=${encodeURIComponent('缺纸')}`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect(page.locator('a[data-result]').count()).resolves.toBeGreaterThan(0);
    // A word only in the full-text tier: that index comes from the precache too.
    await page.goto(`${baseUrl()}/zh-hant/search/?q=pbc`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect(page.locator('a[data-result][href="/zh-hant/provider/"]').count()).resolves.toBe(1);

    await page.goto(`${baseUrl()}/zh-hant/software/`);
    const widget = page.locator('pos-troubleshooter');
    await widget.locator('[part~="answer"]').first().click();
    await widget.locator('[part~="question"], [part~="outcome"]').first().waitFor();

    const missing = await page.goto(`${baseUrl()}/zh-hant/not-cached-anywhere/`);
    expect(missing?.ok()).toBe(true);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('離線副本');

    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });

  it('offers "update available — reload" when a new version is deployed', async () => {
    // A copy of the site on its own server, so the test can deploy a "new version" of sw.js.
    const copy = mkdtempSync(path.join(tmpdir(), 'pos-help-sw-'));
    cpSync(dist, copy, { recursive: true });
    const server = await serve(copy, 0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${url}/zh-hant/`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await expect(page.locator('[data-update-bar]').isVisible()).resolves.toBe(false);
      appendFileSync(path.join(copy, 'sw.js'), `\n// deployed ${Date.now()}\n`);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await page.locator('[data-update-bar]').waitFor({ state: 'visible' });
      await Promise.all([page.waitForEvent('load'), page.locator('[data-update-reload]').click()]);
      await expect(page.locator('[data-update-bar]').isVisible()).resolves.toBe(false);
    } finally {
      await context.close();
      server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
