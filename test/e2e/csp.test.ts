import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import siteConfig from '../../site.config.mjs';
import { pageCsp } from '../../scripts/headers.mjs';
import { serve } from '../../scripts/serve.mjs';
import { dist, distFiles, readDist } from './dist';
import { baseUrl, launch, openPage } from './browser';

/**
 * The site under the README's strict Content-Security-Policy (sent by scripts/serve.mjs, which
 * serves the browser tests): every kind of page works, with no violation and no console error.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const listening = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Opens `path` and records every CSP violation the page reports, besides console errors. */
async function visit(path: string) {
  const opened = await openPage(browser);
  const violations: string[] = [];
  await opened.page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await opened.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (v: string) => void }).reportViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const response = await opened.page.goto(`${baseUrl()}${path}`);
  return { ...opened, response, violations };
}

/** The first built page under `prefix` that is not `prefix` itself. */
async function firstPage(prefix: string): Promise<string> {
  const file = (await distFiles()).find(
    (f) => f.startsWith(prefix) && f !== `${prefix}index.html` && f.endsWith('/index.html'),
  );
  if (!file) throw new Error(`no page under dist/${prefix}`);
  return `/${file.replace(/index\.html$/, '')}`;
}

async function clean(result: { violations: string[]; errors: string[]; context: { close(): Promise<void> } }) {
  // Let late scripts (the service worker's registration, search) report before judging.
  await new Promise((r) => setTimeout(r, 300));
  expect(result.violations).toEqual([]);
  expect(result.errors).toEqual([]);
  await result.context.close();
}

describe('the built site under a strict CSP', () => {
  it('has no inline script, inline style or style attribute in any page or SVG file', async () => {
    const pages = (await distFiles()).filter((f) => f.endsWith('.html') || f.endsWith('.svg'));
    const offenders = pages.filter((f) => {
      const html = readDist(f);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const inlineScript = scripts.some(
        ([, attrs = '', body = '']) => body.trim() !== '' && !/type="application\/(ld\+)?json"/.test(attrs),
      );
      return inlineScript || /<style\b/.test(html) || /\sstyle=/.test(html) || /\son[a-z]+="/.test(html);
    });
    expect(pages.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('notices a violation when a page adds an inline style (the check itself works)', async () => {
    const result = await visit('/zh-hans/');
    await result.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(result.violations.join('\n')).toMatch(/style-src/);
    await result.context.close();
  });

  it('sends the strict CSP with every page', async () => {
    const res = await fetch(`${baseUrl()}/zh-hans/`);
    expect(res.headers.get('content-security-policy')).toBe(pageCsp);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends the browser from / to its language, with the script loaded as a file', async () => {
    const result = await visit('/');
    await result.page.waitForURL(/\/zh-hans\/$/);
    await clean(result);
  });

  it('shows the theme colours from site.config.mjs', async () => {
    const result = await visit('/zh-hans/');
    const accent = await result.page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).toBe(siteConfig.colors.accent);
    await clean(result);
  });

  it('registers the service worker on the home page', async () => {
    const result = await visit('/zh-hant/');
    await result.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await result.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await clean(result);
  });

  it('answers a question in the troubleshooter of a category article', async () => {
    const result = await visit('/zh-hans/network/');
    const widget = result.page.locator('pos-troubleshooter');
    const answer = widget.locator('[part~="answer"]').first();
    await answer.waitFor();
    const question = await widget.locator('[part~="question"]').first().textContent();
    await answer.click();
    await widget.locator('[part~="back"]').first().waitFor();
    expect(await widget.locator('[part~="question"], [part~="outcome"]').first().textContent()).not.toBe(question);
    await clean(result);
  });

  it('finds results for a real query on the search page', async () => {
    const result = await visit(`/zh-hans/search/?q=${encodeURIComponent('打印机缺纸')}`);
    await result.page.locator('a[data-result]').first().waitFor();
    await clean(result);
  });

  it('shows every other kind of page without a violation', async () => {
    const paths = [
      await firstPage('zh-hans/hardware/'),
      '/zh-hans/codes/',
      await firstPage('zh-hans/codes/'),
      '/zh-hans/print/',
      '/zh-hans/print/network/',
      '/zh-hans/print/repair-record/',
      '/zh-hans/print/booklet/',
      '/zh-hans/embed/',
      '/zh-hans/embed/network/',
      '/offline/',
    ];
    for (const path of paths) {
      const result = await visit(path);
      expect(result.response?.status(), path).toBe(200);
      await result.page.waitForLoadState('networkidle');
      await clean(result);
    }
  });

  it('shows the 404 page, with status 404, without a violation', async () => {
    const result = await visit('/zh-hans/no-such-page/');
    expect(result.response?.status()).toBe(404);
    // The browser logs the 404 status itself; nothing else may be logged.
    result.errors.splice(0, result.errors.length, ...result.errors.filter((e) => !/status of 404/.test(e)));
    await clean(result);
  });
});

describe('framing', () => {
  let site: Server;
  let portal: Server;
  let siteUrl: string;
  let portalUrl: string;

  beforeAll(async () => {
    // A bank's portal on another origin, allowed to frame the iframe route and nothing else.
    portal = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>portal</title><iframe src="${siteUrl}${src}"></iframe>`);
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalUrl = listening(portal);
    site = await serve(dist, 0, { embedOrigins: [portalUrl] });
    siteUrl = listening(site);
  });
  afterAll(async () => {
    await Promise.all([site, portal].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** Opens the portal framing `path`; resolves with whether the page loaded in the frame. */
  async function framed(path: string): Promise<boolean> {
    const { context, page } = await openPage(browser);
    await page.goto(`${portalUrl}/?src=${encodeURIComponent(path)}`);
    await page.waitForLoadState('load');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const loaded = frame ? await frame.evaluate(() => location.href).catch(() => '') : '';
    await context.close();
    return loaded.startsWith(siteUrl);
  }

  it('refuses to show a normal page in another site’s frame', async () => {
    expect(await framed('/zh-hans/network/')).toBe(false);
    expect(await framed('/zh-hans/embed/')).toBe(false);
  });

  it('shows the iframe route in a frame of an allowed origin', async () => {
    expect(await framed('/zh-hans/embed/network/')).toBe(true);
  });
});
