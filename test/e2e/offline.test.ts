import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { dist } from './dist';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';
import { cachedPaths, underServiceWorker } from './offline-cache';
import { offlineConfig, precacheBytes } from '../../scripts/bench/measure.mjs';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('offline after one visit', () => {
  it('a first visit stores the shell and the visitor’s script only, within 2.5 MB', async () => {
    const { context, page, errors } = await openPage(browser);
    await underServiceWorker(page, baseUrl(), '/zh-hans/');
    const paths = await cachedPaths(page);
    const { shell, essentials } = offlineConfig(dist);
    // Exactly the lists in sw.js (plus the marker that zh-hans is held): nothing of zh-hant, no
    // article, code or print page, no full-text tier.
    expect(paths.filter((p) => !p.startsWith('/__offline__/')).sort()).toEqual(
      [...shell, ...essentials['zh-hans']].map(([url]) => `/${url}`).sort(),
    );
    expect(paths.filter((p) => /zh-hant/.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/zh-hans/', '/zh-hans/codes/', '/zh-hans/network/', '/offline/']));
    expect(paths).toEqual(expect.arrayContaining(['/zh-hans/search/quick/meta.json', '/zh-hans/search/data.json']));
    // Pagefind's full text (its index, fragments, filters, meta, and its script, worker and wasm)
    // waits for the save.
    expect(paths.filter((p) => /\/pagefind\/|\/codes\/\d|\/print\/|\/hardware\/printer\//.test(p))).toEqual([]);
    const stored = await page.evaluate(async () => {
      let bytes = 0;
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys())
          bytes += (await (await caches.open(name)).match(r))?.headers.has('x-pos-help-sha256')
            ? (await (await (await caches.open(name)).match(r))!.arrayBuffer()).byteLength
            : 0;
      return bytes;
    });
    expect(stored).toBe(precacheBytes(dist)['zh-hans'].bytes);
    expect(stored).toBeLessThanOrEqual(2_500_000);

    // Offline: the essentials work (a category page with its troubleshooter, the codes table, search).
    await context.setOffline(true);
    for (const path of ['/zh-hans/', '/zh-hans/codes/', '/zh-hans/network/']) {
      const res = await page.goto(`${baseUrl()}${path}`);
      expect(res?.ok(), path).toBe(true);
      await expect(page.locator('h1').first().textContent(), path).resolves.not.toContain('離線副本');
    }
    await page.locator('[data-offline-marker]').waitFor({ state: 'visible', timeout: 5000 });
    await page.goto(`${baseUrl()}/zh-hans/software/`);
    const widget = page.locator('pos-troubleshooter');
    await widget.locator('[part~="answer"]').first().click();
    await widget.locator('[part~="question"], [part~="outcome"]').first().waitFor();
    // To an escalation: its summary form, a chunk fetched only at the first answer, is stored with the shell.
    await page.goto(`${baseUrl()}/zh-hans/network/`);
    while (!(await widget.locator('[part~="outcome"]').count()))
      await widget.locator('[part~="answer"]').first().click();
    if (await widget.locator('[data-outcome="resolved"]').count())
      await widget.locator('[part~="answer"][data-event="NOT_FIXED"]').click();
    await widget.locator('[part~="summary-text"]').waitFor();
    await page.goto(`${baseUrl()}/zh-hans/search/?q=${encodeURIComponent('缺纸')}`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect(page.locator('a[data-result]').count()).resolves.toBeGreaterThan(0);
    // A page never opened, and the other script: the offline page.
    for (const path of ['/zh-hans/hardware/printer/', '/zh-hant/network/']) {
      await page.goto(`${baseUrl()}${path}`);
      await expect(page.locator('h1').first().textContent(), path).resolves.toBe('這一頁還沒有離線副本');
    }

    // Pages opened online are kept as the merchant goes; the other script's essentials come with
    // its first page.
    await context.setOffline(false);
    await page.goto(`${baseUrl()}/zh-hans/hardware/printer/`);
    await page.goto(`${baseUrl()}/zh-hant/`);
    await expect
      .poll(() => page.evaluate(() => caches.match('/__offline__/lang-zh-hant').then((r) => r !== undefined)), {
        timeout: 30_000,
      })
      .toBe(true);
    await context.setOffline(true);
    for (const path of ['/zh-hans/hardware/printer/', '/zh-hant/network/', '/zh-hant/codes/']) {
      const res = await page.goto(`${baseUrl()}${path}`);
      expect(res?.ok(), path).toBe(true);
      await expect(page.locator('h1').first().textContent(), path).resolves.not.toContain('離線副本');
    }
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
