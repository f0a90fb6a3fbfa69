import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { findRefs } from '../../scripts/build/check-links.mjs';
import { copyProject, root } from '../../scripts/project-copy.mjs';
import { serve } from '../../scripts/serve.mjs';
import { cleanFixture } from '../helpers/fixture-build';
import { launch, openPage } from './browser';

/** Where a bank deploys its copy in this test: a path on its own domain. */
const site = 'https://bank.example/pos/help/';
const prefix = '/pos/help/';

let dir: string;
let server: Server;
let host: Server;
let origin: string;
/** The served site, without the trailing slash: `${base}/zh-hant/`. */
let base: string;
let browser: Browser;

beforeAll(async () => {
  // A copy of the project, built for the sub-path into its own dist/: the root build in dist/
  // stays what the other tests use.
  dir = copyProject('pos-help-subpath-');
  // Vitest puts import.meta.env's values (BASE_URL, MODE, …) in process.env, where Astro's build
  // would take them over its own: the build gets the environment a deployer's shell has.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k)),
  );
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', POS_HELP_SITE: site, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  server = await serve(path.join(dir, 'dist'), 0, { prefix });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${origin}${prefix.replace(/\/$/, '')}`;
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  host?.close();
  if (dir) cleanFixture(dir);
});

/** Fetches every page and asset reachable from `start`; returns what failed or left the prefix. */
/** A path no page has: it shows the 404 page. */
const missingPage = `${prefix}no-such-page/`;

async function crawl(start: string[]): Promise<{ pages: number; files: number; problems: string[] }> {
  const seen = new Set(start);
  const queue = start.map((p) => ({ path: p, from: '(start)' }));
  const problems: string[] = [];
  let pages = 0;
  while (queue.length) {
    const { path: target, from } = queue.shift()!;
    const res = await fetch(`${origin}${target}`);
    // The 404 page is read where a visitor meets it, at a missing path (/404.html itself is a 404
    // too, as on nginx, where it is internal).
    if (res.status !== (target === missingPage ? 404 : 200)) {
      problems.push(`${from} links to ${target}: HTTP ${res.status}`);
      await res.body?.cancel();
      continue;
    }
    if (!res.headers.get('content-type')?.includes('text/html')) {
      await res.body?.cancel();
      continue;
    }
    pages += 1;
    const html = await res.text();
    if (/https:\/\/bank\.example(?!\/pos\/help\/)/.test(html))
      problems.push(`${target} names the site outside ${prefix}`);
    for (const ref of findRefs(html).refs) {
      const url = new URL(ref, `${origin}${target}`);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(prefix)) {
        problems.push(`${target} links to ${ref}, outside ${prefix}`);
        continue;
      }
      if (seen.has(url.pathname)) continue;
      seen.add(url.pathname);
      queue.push({ path: url.pathname, from: target });
    }
  }
  return { pages, files: seen.size, problems };
}

/** Answers the first choice until the widget shows an outcome; returns that outcome's kind. */
async function walkToOutcome(page: Page): Promise<string | null> {
  const widget = page.locator('pos-troubleshooter');
  const outcome = widget.locator('[part~="outcome"]');
  await widget.locator('[part~="question"], [part~="outcome"]').first().waitFor();
  for (let step = 0; step < 40 && !(await outcome.count()); step += 1) {
    await widget.locator('[part~="answer"]').first().click();
    await widget.locator('[part~="question"], [part~="outcome"]').first().waitFor();
  }
  return outcome.getAttribute('data-outcome');
}

describe('the site built for a sub-path (site = https://bank.example/pos/help/)', () => {
  it('links every page and asset under the sub-path, from both home pages, the picker, 404 and offline pages', async () => {
    const { pages, files, problems } = await crawl([
      prefix,
      `${prefix}zh-hant/`,
      `${prefix}zh-hans/`,
      missingPage,
      `${prefix}offline/`,
    ]);
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThan(100);
    expect(files).toBeGreaterThan(pages);
    const missing = await fetch(`${base}/zh-hant/no-such-page/`);
    expect(missing.status).toBe(404);
    await expect(missing.text()).resolves.toContain(`href="${prefix}zh-hant/codes/"`);
    await expect(fetch(`${origin}/zh-hant/`).then((r) => r.status)).resolves.toBe(404);
  });

  it('installs under the sub-path: manifest start_url, scope and icons, and the service worker precaches it', async () => {
    const manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as {
      start_url: string;
      scope: string;
      icons: { src: string }[];
    };
    expect([manifest.start_url, manifest.scope]).toEqual([prefix, prefix]);
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith(prefix), icon.src).toBe(true);
      await expect(
        fetch(`${origin}${icon.src}`).then((r) => r.status),
        icon.src,
      ).resolves.toBe(200);
    }
    // The worker's lists are relative to the base path it carries (scripts/build/sw-template.js).
    const sw = await (await fetch(`${base}/sw.js`)).text();
    const offline = JSON.parse(
      sw
        .split('\n', 1)[0]
        .replace(/^self\.__OFFLINE__ = /, '')
        .replace(/;$/, ''),
    ) as {
      base: string;
      shell: [string, string][];
      essentials: Record<string, [string, string][]>;
    };
    expect(offline.base).toBe(prefix);
    const urls = [...offline.shell, ...offline.essentials['zh-hant']].map(([url]) => url);
    expect(urls).toEqual(expect.arrayContaining(['offline/', 'zh-hant/', 'zh-hant/search/quick/meta.json']));
    expect(urls.filter((url) => url.startsWith('/'))).toEqual([]);
    // Pagefind (only the full text uses it) comes with the whole-site save, in its list.
    const save = (await (await fetch(`${base}/offline/zh-hant.json`)).json()) as { files: { url: string }[] };
    expect(save.files.map((f) => f.url)).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'zh-hant/codes/55/']));
  });

  it('finds pages with search, linking each result under the sub-path', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${base}/zh-hans/search/?q=${encodeURIComponent('缺纸')}`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    const hrefs = await page.locator('a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href?.startsWith(`${prefix}zh-hans/`), String(href)).toBe(true);
    // A word only in the full-text tier, which the search page merges in from the same bundle.
    await page.goto(`${base}/zh-hant/search/?q=pbc`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect(page.locator(`a[data-result][href="${prefix}zh-hant/provider/"]`).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('walks a troubleshooter to an outcome, on a fault page and on the iframe route', async () => {
    const { context, page, errors } = await openPage(browser);
    for (const route of ['/zh-hant/network/', '/zh-hans/embed/hardware/']) {
      await page.goto(`${base}${route}`);
      await expect(walkToOutcome(page), route).resolves.toMatch(/^(resolved|escalate)$/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a QR code that opens the live page under the sub-path', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${base}/zh-hant/print/network/`);
    const qr = page.locator('[data-qr] svg');
    await qr.scrollIntoViewIfNeeded();
    const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${site}zh-hant/network/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the embed bundle from the sub-path, as the integrator guide says, and it runs on another site', async () => {
    const guide = await (await fetch(`${base}/zh-hant/embed/`)).text();
    expect(guide).toContain(`${site}embed/pos-troubleshooter.js`);
    expect(guide).toContain(`${site}zh-hant/embed/network/`);
    host = createServer((_req, res) => {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bank portal</title>` +
            `<script src="${base}/embed/pos-troubleshooter.js" defer></script></head>` +
            `<body><pos-troubleshooter flow="network" lang="zh-Hans"></pos-troubleshooter></body></html>`,
        );
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    const { context, page, errors } = await openPage(browser);
    // The bundle loads its flows from the site it was built for: answer that host from this build.
    await context.route(`${new URL(site).origin}/**`, async (route) => {
      const response = await route.fetch({ url: `${origin}${new URL(route.request().url()).pathname}` });
      await route.fulfill({ response });
    });
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    await expect(walkToOutcome(page)).resolves.toMatch(/^(resolved|escalate)$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works offline after one visit, with the service worker scoped to the sub-path', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${base}/zh-hant/`);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    expect(scope).toBe(`${base}/`);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    // The first visit keeps the visitor's script (zh-Hant here): its category pages, codes table and search.
    for (const route of ['/zh-hant/network/', '/zh-hant/codes/']) {
      const res = await page.goto(`${base}${route}`);
      expect(res?.ok(), route).toBe(true);
      await expect(page.locator('h1').first().textContent(), route).resolves.not.toMatch(/^$|離線副本/);
    }
    await page.goto(`${base}/zh-hant/search/?q=${encodeURIComponent('缺紙')}`);
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect(page.locator('a[data-result]').count()).resolves.toBeGreaterThan(0);
    const missing = await page.goto(`${base}/zh-hant/not-cached-anywhere/`);
    expect(missing?.ok()).toBe(true);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('離線副本');
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });
});
