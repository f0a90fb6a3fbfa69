import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { baseUrl, embedSiteOrigin } from './browser';
import { launchOld, oldEngines, type OldBrowser, type OldPage } from './old-chromium';

/**
 * The browser floor in real old engines (README, "Browsers"): Chromium 78 and 86, the builds the
 * npm packages chrome-aws-lambda ship (test/e2e/old-chromium.ts). Each runs the widget to an
 * outcome, the embed bundle on a bank's page, search (a bare code and a word) and offline.
 * Functions run in the page are plain strings: the test's own code is compiled for Node and
 * may hold syntax these engines cannot parse.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Console errors, less the one these engines print for the site's own CSP: they do not know
 * 'wasm-unsafe-eval' (Chromium 97) and ignore it, which is what the search fallback is for.
 */
const unknownCspSource = /invalid source: ''wasm-unsafe-eval''/;

/** Opens a page collecting uncaught exceptions and console errors. */
async function open(browser: OldBrowser | { newPage(): Promise<OldPage> }) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !unknownCspSource.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

/**
 * Answers the page's requests to the site the bundle was built for (`site`) with the built site
 * the tests serve, as that host would: the bundle loads its flows from there.
 */
async function serveSiteOrigin(page: OldPage): Promise<void> {
  const origin = embedSiteOrigin();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) return void request.continue();
    void fetch(`${baseUrl()}${new URL(request.url()).pathname}`).then(async (res) => {
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'content-length') headers[name] = value;
      });
      await request.respond({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
    });
  });
}

/** Clicks the first answer in the widget until it shows an outcome; returns the outcome's kind. */
async function walkToOutcome(page: OldPage): Promise<string> {
  const step = `(function () {
    var el = document.querySelector('pos-troubleshooter');
    var root = el && el.shadowRoot;
    if (!root) return 'wait';
    var outcome = root.querySelector('[part~="outcome"]');
    if (outcome) return 'outcome:' + outcome.getAttribute('data-outcome');
    var error = root.querySelector('[part~="error"]');
    if (error) return 'error:' + error.textContent;
    var answer = root.querySelector('[part~="answer"]');
    if (!answer) return 'wait';
    answer.click();
    return 'clicked';
  })()`;
  for (let i = 0; i < 100; i++) {
    const result = await page.evaluate<string>(step);
    if (result.startsWith('outcome:') || result.startsWith('error:')) return result;
    await sleep(result === 'wait' ? 100 : 20);
  }
  throw new Error('the widget never reached an outcome');
}

/** The result links a search shows, once it shows any (or its error line). */
async function results(page: OldPage): Promise<string[]> {
  await page.waitForFunction(
    `document.querySelector('a[data-result]') || !document.getElementById('search-error').hidden || !document.querySelector('[data-search-empty]').hidden`,
    { timeout: 30_000 },
  );
  return page.evaluate<string[]>(
    `Array.prototype.map.call(document.querySelectorAll('a[data-result]'), function (a) { return new URL(a.href).pathname; })`,
  );
}

let host: Server;
let hostUrl: string;
beforeAll(async () => {
  // A bank's portal on another origin, loading the embed bundle with a classic script.
  host = createServer((_req, res) => {
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>Bank</title>` +
          `<script src="${baseUrl()}/embed/pos-troubleshooter.js" defer></script></head>` +
          `<body><h1>Bank portal</h1><pos-troubleshooter flow="network"></pos-troubleshooter></body></html>`,
      );
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => host?.close());

describe.each(oldEngines)('Chromium $major', (engine) => {
  let browser: OldBrowser;
  beforeAll(async () => {
    browser = await launchOld(engine);
    expect(await browser.version()).toContain(`HeadlessChrome/${engine.major}.`);
  }, 300_000); // the first run unpacks the build (about 140 MB)
  afterAll(() => browser?.close());

  it('runs the widget on an article to an outcome', async () => {
    const { page, errors } = await open(browser);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    expect(await walkToOutcome(page)).toMatch(/^outcome:(resolved|escalate)$/);
    // Upgraded, so the static flow has given way to the widget.
    expect(await page.evaluate(`document.querySelector('pos-troubleshooter').hasAttribute('data-upgraded')`)).toBe(
      true,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the embed bundle on a bank's page", async () => {
    const { page, errors } = await open(browser);
    await serveSiteOrigin(page);
    await page.goto(hostUrl);
    expect(await walkToOutcome(page)).toMatch(/^outcome:/);
    // The bank's page is zh-Hans: the widget speaks Simplified.
    expect(
      await page.evaluate(
        `document.querySelector('pos-troubleshooter').shadowRoot.textContent.indexOf('重新开始') >= 0`,
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('styles the widget where there are no constructable stylesheets (as in Safari 13 and Firefox 78)', async () => {
    const { page, errors } = await open(browser);
    await page.evaluateOnNewDocument(`
      delete ShadowRoot.prototype.adoptedStyleSheets;
      delete Document.prototype.adoptedStyleSheets;
      window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
    `);
    await serveSiteOrigin(page);
    await page.goto(hostUrl);
    expect(await page.evaluate(`'adoptedStyleSheets' in ShadowRoot.prototype`)).toBe(true); // the polyfill's
    const minHeight = `getComputedStyle(document.querySelector('pos-troubleshooter').shadowRoot.querySelector('[part~="answer"]')).minHeight`;
    await page.waitForFunction(
      `document.querySelector('pos-troubleshooter').shadowRoot.querySelector('[part~="answer"]')`,
    );
    expect(await page.evaluate(minHeight)).toBe('44px');
    expect(await walkToOutcome(page)).toMatch(/^outcome:/);
    expect(errors).toEqual([]);
    await page.close();
  });

  // These engines lack WebAssembly reference types: the quick tier (plain JSON) answers, Pagefind's full text is not tried.
  it('searches a bare code and a word', async () => {
    const { page, errors } = await open(browser);
    await page.goto(`${baseUrl()}/zh-hant/search/?q=55`);
    expect((await results(page))[0]).toBe('/zh-hant/codes/55/');
    await page.goto(`${baseUrl()}/zh-hans/search/?q=${encodeURIComponent('打印机缺纸')}`);
    expect(await results(page)).toContain('/zh-hans/hardware/printer/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('registers the service worker and loads a page offline', async () => {
    // Its own server, so "offline" is real: the server is gone when the page loads again.
    const server = await serve(path.resolve(import.meta.dirname, '../../dist'), 0);
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await browser.createIncognitoBrowserContext();
    const { page, errors } = await open(context);
    try {
      await page.goto(`${site}/zh-hant/`);
      await page.waitForFunction(`navigator.serviceWorker && navigator.serviceWorker.controller !== null`, {
        timeout: 60_000,
      });
      // Installed means precached: wait until the worker is active with every file held.
      await page.evaluate(`navigator.serviceWorker.ready.then(function () { return true; })`);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await page.goto(`${site}/zh-hant/network/`);
      expect(await page.evaluate(`document.querySelector('h1').textContent`)).toMatch(/網絡|网络/);
      expect(await walkToOutcome(page)).toMatch(/^outcome:/);
      // Only the probe the offline marker makes may fail.
      expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
    } finally {
      await context.close();
      server.close();
    }
  }, 300_000); // precaching ~1,000 files takes this engine up to a minute
});
