import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, embedSiteOrigin, launch, openPage, serveSiteOrigin } from './browser';

/**
 * <pos-troubleshooter> inside real React 19 and Vue 3 apps on a bank's own origin, loading the
 * embed bundle from the help site: mount, events, re-mount, a flow changed at run time, two
 * instances on one page; and properties set before the bundle has defined the element.
 */
const apps = path.resolve(import.meta.dirname, '../fixtures/frameworks/apps');
let browser: Browser;
let host: Server;
let hostUrl: string;
const bundles: Record<string, string> = {};

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [path.join(apps, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** A bank page: the embed bundle (classic script) and the app, under a strict CSP. */
const page = (app: string, site: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bank app</title>` +
  `<script src="${site}/embed/pos-troubleshooter.js" defer></script><script src="/${app}.js" defer></script>` +
  `</head><body><div id="root"></div></body></html>`;

/** A page that sets properties on the element before loading the bundle, as a lazy-loading app does. */
const lazyPage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lazy</title><script src="/lazy.js" defer></script></head>` +
  `<body><pos-troubleshooter id="lazy" lang="zh-Hans"></pos-troubleshooter></body></html>`;
const lazyJs = (site: string) => `
const el = document.getElementById('lazy');
el.flow = 'hardware';
window.loadBundle = () => new Promise((resolve) => {
  const s = document.createElement('script');
  s.src = ${JSON.stringify(`${site}/embed/pos-troubleshooter.js`)};
  s.onload = resolve;
  document.head.append(s);
});`;

beforeAll(async () => {
  browser = await launch();
  const site = baseUrl();
  bundles.react = await bundle('react-app.tsx');
  bundles.vue = await bundle('vue-app.ts');
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const csp = `default-src 'none'; script-src 'self' ${site}; style-src 'self'; connect-src ${site} ${embedSiteOrigin()}; img-src 'self'`;
    const name = url.pathname.slice(1).replace(/\.js$/, '');
    if (url.pathname === '/lazy.js')
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(lazyJs(site));
    if (url.pathname.endsWith('.js') && bundles[name])
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundles[name]);
    const html = name === 'lazy' ? lazyPage() : page(name, site);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(html);
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  host?.close();
});

/** What the apps record (window.seen). */
type Seen = { id: string; type: string; state: string }[];

const el = (page: Page, id: string) => page.locator(`#${id}`);
const question = (page: Page, id: string) => el(page, id).locator('[part~="question"]');

describe.each(['react', 'vue'])('in a %s app', (app) => {
  it('mounts, sends events, follows a flow changed at run time, re-mounts, and keeps two instances apart', async () => {
    const { context, page, errors } = await openPage(browser);
    await serveSiteOrigin(context);
    await page.goto(`${hostUrl}/${app}`);
    await question(page, 'first').waitFor();
    await question(page, 'second').waitFor();
    const networkQuestion = await question(page, 'first').textContent();
    const securityQuestion = await question(page, 'second').textContent();
    // An answer in the first sends its step event through the framework's own binding, and
    // nothing from the second.
    const count = (id: string) =>
      page.evaluate((which) => (window as unknown as { seen: Seen }).seen.filter((s) => s.id === which).length, id);
    const [first0, second0] = [await count('first'), await count('second')];
    await el(page, 'first').locator('[part~="answer"][data-event]').first().click();
    await expect.poll(() => count('first')).toBeGreaterThan(first0);
    expect(await count('second')).toBe(second0);
    await expect(question(page, 'second').textContent()).resolves.toBe(securityQuestion);
    // The framework changes the flow: the element shows the other flow's first question.
    await page.locator('#switch').click();
    await expect
      .poll(() =>
        question(page, 'first')
          .getAttribute('part')
          .then(() => question(page, 'first').textContent()),
      )
      .not.toBe(networkQuestion);
    await expect(el(page, 'first').getAttribute('flow')).resolves.toBe('hardware');
    // Unmounted and mounted again: a fresh element that works.
    await page.locator('#toggle').click();
    await expect(el(page, 'first').count()).resolves.toBe(0);
    await page.locator('#toggle').click();
    await question(page, 'first').waitFor();
    const before = await page.evaluate(() => (window as unknown as { seen: Seen }).seen.length);
    await el(page, 'first').locator('[part~="answer"][data-event]').first().click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: Seen }).seen.length))
      .toBeGreaterThan(before);
    // The second instance, untouched by all this, still answers on its own.
    await el(page, 'second').locator('[part~="answer"][data-event]').first().click();
    await expect.poll(() => count('second')).toBeGreaterThan(second0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the declarations beside the bundle', () => {
  it('are served at /embed/pos-troubleshooter.d.ts, as the guide says', async () => {
    const res = await fetch(`${baseUrl()}/embed/pos-troubleshooter.d.ts`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      readFileSync(path.resolve(apps, '../../../../src/embed/pos-troubleshooter.d.ts'), 'utf8'),
    );
    const guide = await (await fetch(`${baseUrl()}/zh-hant/embed/`)).text();
    expect(guide).toContain('/embed/pos-troubleshooter.d.ts');
    expect(guide).toContain('(pos-troubleshooter-outcome)');
  });
});

describe('a property set before the element is defined', () => {
  it('is taken over when the bundle loads, and later changes still work', async () => {
    const { context, page, errors } = await openPage(browser);
    await serveSiteOrigin(context);
    await page.goto(`${hostUrl}/lazy`);
    await page.evaluate(() => (window as unknown as { loadBundle: () => Promise<void> }).loadBundle());
    await question(page, 'lazy').waitFor();
    await expect(el(page, 'lazy').getAttribute('flow')).resolves.toBe('hardware');
    const hardware = await question(page, 'lazy').textContent();
    await page.evaluate(() => ((document.getElementById('lazy') as unknown as { flow: string }).flow = 'network'));
    await expect(el(page, 'lazy').getAttribute('flow')).resolves.toBe('network');
    await expect.poll(() => question(page, 'lazy').textContent()).not.toBe(hardware);
    expect(errors).toEqual([]);
    await context.close();
  });
});
