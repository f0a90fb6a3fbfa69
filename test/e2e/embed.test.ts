import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getSimplePaths } from '@xstate/graph';
import { flows } from '../../src/machines/registry';
import { readStates } from '../../src/machines/model';
import { baseUrl, launch, openPage, serveSiteOrigin } from './browser';
import { dist, readDist } from './dist';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Hostile global CSS a bank portal might have: resets and heavy-handed element rules. */
const hostileCss = `
* { margin: 7px !important; letter-spacing: 3px; text-transform: uppercase; }
body { font-family: serif; font-size: 30px; color: rgb(255, 0, 0); }
button { background: rgb(255, 0, 0) !important; font-size: 40px !important; border: 5px dotted lime !important; }
h1, h2, h3, h4 { font-size: 50px; color: rgb(0, 255, 0); }
input, textarea { display: none !important; }
pos-troubleshooter { color: rgb(255, 0, 0); }
`;

let host: Server;
let hostUrl: string;
let browser: Browser;

/** What the build wrote beside the bundle: its pinned copy, SRI hash and where it loads flows from. */
const embedManifest = () =>
  JSON.parse(readDist('embed/manifest.json')) as { versioned: string; integrity: string; flows: string };
/** The origin the bundle was built for (`site`): where it loads flows from, whoever loads it. */
const siteOrigin = () => new URL(embedManifest().flows).origin;

/** The path in dist/ of a flow's file in `lang` (`embed/flows/{lang}/{flow}.{hash}.json`). */
const flowFileName = (lang: string, flow: string): string =>
  `embed/flows/${lang}/${readdirSync(path.join(dist, 'embed/flows', lang)).find((f) => f.startsWith(`${flow}.`))!}`;

interface HostOptions {
  /** Load the pinned, content-hashed bundle with its SRI hash. */
  pinned?: boolean;
  /** Put another script named like ours (on another host) before the bundle. */
  decoy?: boolean;
}

/** A second origin serving a host page under a strict CSP, loading our bundle one way or the other. */
function hostPage(
  mode: 'classic' | 'module' | 'iframe',
  site: string,
  flow = 'network',
  options: HostOptions = {},
): string {
  const { versioned, integrity } = embedManifest();
  const src = options.pinned ? `${site}/embed/${versioned}` : `${site}/embed/pos-troubleshooter.js`;
  const sri = options.pinned ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  const decoy = options.decoy
    ? `<script type="module" src="https://decoy.example/embed/pos-troubleshooter.js"></script>`
    : '';
  const script =
    mode === 'classic'
      ? `<script src="${src}"${sri} defer></script>`
      : `<script type="module" src="${src}"${sri}></script>`;
  const body =
    mode === 'iframe'
      ? `<iframe id="frame" title="排查" src="${site}/zh-hans/embed/${flow}/?origin=${encodeURIComponent(hostUrl)}"></iframe>`
      : `${decoy}${script}<button id="host-button">host</button><pos-troubleshooter flow="${flow}" lang="zh-Hans" hotline="400-000-0000"><p slot="escalation" id="bank-note">也可以在 App 裡提交工單</p></pos-troubleshooter>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bank portal</title><link rel="stylesheet" href="/hostile.css"><script src="/host.js"></script></head><body><h1>Bank portal</h1>${body}</body></html>`;
}

/** The host's own script: records our events, messages and any CSP violation. */
const hostJs = `
window.seen = []; window.messages = []; window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
for (const k of ['step', 'outcome', 'error']) document.addEventListener('pos-troubleshooter:' + k, (e) => window.seen.push({ type: k, detail: e.detail }));
window.addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
`;

beforeAll(async () => {
  browser = await launch();
  const site = baseUrl();
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // The README's CSP for a bank's page: our origin for the script and the flows it fetches.
    const ours = `${site} ${siteOrigin()}`;
    const csp = `default-src 'none'; script-src 'self' ${ours}; connect-src ${ours}; style-src 'self'; frame-src ${site}; img-src 'self'`;
    if (url.pathname === '/hostile.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(hostileCss);
    if (url.pathname === '/host.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(hostJs);
    const mode = (url.searchParams.get('mode') ?? 'classic') as 'classic' | 'module' | 'iframe';
    const options = { pinned: url.searchParams.has('pinned'), decoy: url.searchParams.has('decoy') };
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp })
      .end(hostPage(mode, site, url.searchParams.get('flow') ?? 'network', options));
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  host?.close();
});

/**
 * A page whose requests to the site the bundle was built for (`site`, e.g.
 * https://pos-help.example.com) are answered by the built site the tests serve, as that host would.
 */
async function openHostPage(b: Browser) {
  const opened = await openPage(b);
  await serveSiteOrigin(opened.context);
  return opened;
}

const escalatePath = () =>
  getSimplePaths(flows.network.machine)
    .filter(
      (p) =>
        p.state.status === 'done' &&
        (Object.values(p.state.getMeta())[0] as { outcome: string }).outcome === 'escalate',
    )
    .map((p) => p.steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init'))[0]!;

async function walk(page: Page, events: string[]) {
  const widget = page.locator('pos-troubleshooter');
  for (const e of events) await widget.locator(`[part~="answer"][data-event="${e}"]`).click();
  await widget.locator('[part~="outcome"]').waitFor();
}

describe.each(['classic', 'module'] as const)(
  'the embed bundle loaded as a %s script on a strict-CSP host with hostile CSS',
  (mode) => {
    it('reaches an outcome, sends the events, and violates no policy', async () => {
      const { context, page, errors } = await openHostPage(browser);
      await page.goto(`${hostUrl}/?mode=${mode}`);
      await page.locator('pos-troubleshooter [part~="question"]').waitFor();
      await walk(page, escalatePath());
      const seen = await page.evaluate(
        () => (window as unknown as { seen: { type: string; detail: Record<string, unknown> }[] }).seen,
      );
      expect(seen.filter((s) => s.type === 'step').length).toBeGreaterThan(0);
      const outcome = seen.find((s) => s.type === 'outcome')!;
      expect(outcome.detail).toMatchObject({ flow: 'network', outcome: 'escalate' });
      expect(Array.isArray(outcome.detail.path)).toBe(true);
      expect(String(outcome.detail.summary)).toContain('POS');
      await expect(page.evaluate(() => (window as unknown as { violations: string[] }).violations)).resolves.toEqual(
        [],
      );
      // Nothing leaks in: the host's button and heading rules do not reach the widget.
      const inner = await page.locator('pos-troubleshooter [part~="restart"]').evaluate((el) => {
        const s = getComputedStyle(el);
        return { bg: s.backgroundColor, size: s.fontSize, transform: s.textTransform };
      });
      expect(inner.bg).not.toBe('rgb(255, 0, 0)');
      expect(inner.size).not.toBe('40px');
      expect(inner.transform).toBe('none');
      await expect(page.locator('pos-troubleshooter input[name="serial"]').isVisible()).resolves.toBe(true);
      // Nothing leaks out: the host's own button keeps the host's style.
      await expect(page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
        'rgb(255, 0, 0)',
      );
      // The bank's hotline and wording appear in the escalation.
      await expect(page.locator('pos-troubleshooter').locator('[part~="outcome"]').textContent()).resolves.toContain(
        '400-000-0000',
      );
      await expect(page.locator('#bank-note').isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);

describe('embedding', () => {
  for (const mode of ['classic', 'module'] as const) {
    it(`loads, as a ${mode} script, the bundle and the one flow it shows as data from the site it was built for, and nothing after`, async () => {
      const { context, page, errors } = await openHostPage(browser);
      const requests: { url: string; type: string }[] = [];
      page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
      await page.goto(`${hostUrl}/?mode=${mode}`);
      await page.locator('pos-troubleshooter [part~="question"]').waitFor();
      await walk(page, escalatePath());
      const ours = requests.filter((r) => r.url.startsWith(baseUrl()) || r.url.startsWith(siteOrigin()));
      expect(ours.map((r) => r.url)).toEqual([
        `${baseUrl()}/embed/pos-troubleshooter.js`,
        expect.stringMatching(new RegExp(`^${embedManifest().flows}zh-hans/network\\.[0-9a-f]{10}\\.json$`)),
      ]);
      expect(ours[1]!.type).toBe('fetch');
      await expect(page.evaluate(() => (window as unknown as { violations: string[] }).violations)).resolves.toEqual(
        [],
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('says so, in the element and in an error event, when the flow cannot be loaded, and keeps the page working', async () => {
    const { context, page } = await openHostPage(browser);
    await page.route(/\/embed\/flows\//, (route) => route.abort('internetdisconnected'));
    await page.goto(`${hostUrl}/?mode=classic`);
    const widget = page.locator('pos-troubleshooter');
    await expect
      .poll(() => widget.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 10_000 })
      .toMatch(/載入|载入/);
    // There is no article below the widget in a bank's portal to point to.
    await expect(widget.evaluate((el) => el.shadowRoot?.textContent ?? '')).resolves.not.toMatch(/文章/);
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { type: string; detail: { message?: string } }[] }).seen,
    );
    expect(seen.some((e) => e.type === 'error' && /failed to load/.test(e.detail.message ?? ''))).toBe(true);
    await expect(page.locator('#host-button').isVisible()).resolves.toBe(true);
    await context.close();
  });

  /** A bank's page with the pinned bundle, whose flow file the help site's server now answers with `body`. */
  async function tampered(body: string, contentType: string) {
    const opened = await openHostPage(browser);
    await opened.context.route(/\/embed\/flows\/zh-hans\/network\./, (route) =>
      route.fulfill({
        status: 200,
        headers: {
          'Content-Type': contentType,
          'Access-Control-Allow-Origin': '*',
          'Cross-Origin-Resource-Policy': 'cross-origin',
        },
        body,
      }),
    );
    await opened.page.goto(`${hostUrl}/?mode=module&pinned`);
    return opened;
  }

  it.each([
    ['a flow file whose question now asks for the card number and PIN', 'json'],
    ['a flow file that is now a script', 'script'],
  ])('refuses %s: no code runs, none of its text shows, the error event fires', async (_, kind) => {
    const original = JSON.parse(readDist(flowFileName('zh-hans', 'network'))) as {
      nodes: { meta: { question?: string } }[];
    };
    original.nodes[0]!.meta.question = '请输入完整卡号和密码以继续';
    const body =
      kind === 'json'
        ? JSON.stringify(original)
        : `window.pwned = true; document.title = 'pwned'; export default ${JSON.stringify(original)};`;
    const { context, page, errors } = await tampered(body, kind === 'json' ? 'application/json' : 'text/javascript');
    const widget = page.locator('pos-troubleshooter');
    await widget.locator('[part~="error"]').waitFor();
    const text = await widget.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).toMatch(/载入失败/);
    expect(text).not.toMatch(/卡号和密码/);
    await expect(widget.locator('[part~="question"]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).resolves.toBeUndefined();
    await expect(page.title()).resolves.toBe('Bank portal');
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { type: string; detail: { message?: string } }[] }).seen,
    );
    expect(seen.find((e) => e.type === 'error')?.detail.message).toMatch(/failed to load: .*sha384/);
    // Only the browser's own report of the refused file, no exception of ours.
    expect(errors.filter((e) => !/integrity|digest/i.test(e))).toEqual([]);
    await context.close();
  });

  it('loads its flows from the site it was built for, not from another script named like it earlier in the page', async () => {
    const { context, page } = await openHostPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.route('https://decoy.example/**', (route) =>
      route.fulfill({ status: 200, headers: { 'Content-Type': 'text/javascript' }, body: '' }),
    );
    await page.goto(`${hostUrl}/?mode=module&decoy`);
    // The decoy is on the page first (whether or not the host's CSP lets it load).
    await expect(page.locator('script[src*="pos-troubleshooter"]').first().getAttribute('src')).resolves.toContain(
      'decoy.example',
    );
    await page.locator('pos-troubleshooter [part~="question"]').waitFor();
    const flowRequests = requests.filter((u) => u.includes('/flows/'));
    expect(flowRequests).toHaveLength(1);
    expect(flowRequests[0]!.startsWith(embedManifest().flows)).toBe(true);
    await context.close();
  });

  it('shows the error view and fires the error event for a start that is not a question, such as __proto__', async () => {
    for (const start of ['__proto__', 'constructor']) {
      const { context, page, errors } = await openHostPage(browser);
      await page.goto(`${hostUrl}/?mode=classic`);
      await page.locator('pos-troubleshooter [part~="question"]').waitFor();
      await page.evaluate((s) => document.querySelector('pos-troubleshooter')!.setAttribute('start', s), start);
      const widget = page.locator('pos-troubleshooter');
      await expect
        .poll(() =>
          widget
            .locator('[part~="error"]')
            .textContent()
            .catch(() => ''),
        )
        .toContain(start);
      const seen = await page.evaluate(
        () => (window as unknown as { seen: { type: string; detail: { message?: string } }[] }).seen,
      );
      expect(seen.find((e) => e.type === 'error')?.detail.message).toContain(`start "${start}" is not a question`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('gives up on a flow file that never arrives: the error view and the error event', async () => {
    const { context, page } = await openHostPage(browser);
    await page.clock.install();
    await context.route(/\/embed\/flows\//, () => undefined); // never answered
    const asked = page.waitForRequest(/\/embed\/flows\//);
    await page.goto(`${hostUrl}/?mode=classic`);
    await asked;
    const widget = page.locator('pos-troubleshooter');
    await expect(widget.locator('[part~="error"]').count()).resolves.toBe(0);
    await page.clock.runFor(16_000);
    await widget.locator('[part~="error"]').waitFor();
    await expect(widget.locator('[part~="error"]').textContent()).resolves.toMatch(/载入失败/);
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { type: string; detail: { message?: string } }[] }).seen,
    );
    expect(seen.find((e) => e.type === 'error')?.detail.message).toMatch(/did not arrive within 15 s/);
    await context.close();
  });

  it('posts ready, step, resize and outcome from the iframe route to the named origin only', async () => {
    const { context, page } = await openHostPage(browser);
    await page.goto(`${hostUrl}/?mode=iframe`);
    const frame = page.frameLocator('#frame');
    await frame.locator('pos-troubleshooter [part~="question"]').waitFor();
    for (const e of escalatePath())
      await frame.locator(`pos-troubleshooter [part~="answer"][data-event="${e}"]`).click();
    await frame.locator('pos-troubleshooter [part~="outcome"]').waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { messages: { data: { type: string } }[] }).messages.some(
        (m) => m.data.type === 'pos-troubleshooter:outcome',
      ),
    );
    const messages = await page.evaluate(
      () => (window as unknown as { messages: { origin: string; data: { type: string } }[] }).messages,
    );
    const types = new Set(messages.map((m) => m.data.type));
    for (const t of ['ready', 'step', 'resize', 'outcome']) expect(types).toContain(`pos-troubleshooter:${t}`);
    expect(messages.every((m) => m.origin === baseUrl())).toBe(true);
    await expect(page.evaluate(() => (window as unknown as { violations: string[] }).violations)).resolves.toEqual([]);
    await context.close();
  });

  it('reports an unknown flow with an error event and readable text', async () => {
    const { context, page } = await openHostPage(browser);
    await page.goto(`${hostUrl}/?mode=classic&flow=printer`);
    await page.locator('pos-troubleshooter [part~="error"]').waitFor();
    await expect(page.locator('pos-troubleshooter [part~="error"]').textContent()).resolves.toContain('printer');
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { type: string; detail: { message: string } }[] }).seen,
    );
    expect(seen.find((s) => s.type === 'error')?.detail.message).toContain('unknown flow "printer"');
    await context.close();
  });

  it("shows in the integrator guide's demo the flow its select names", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/embed/`);
    const question = page.locator('#demo-widget [part~="question"]');
    for (const flow of ['network', 'apply'] as const) {
      if (flow !== 'network') await page.locator('#demo-flow').selectOption(flow);
      await expect(page.locator('#demo-flow').inputValue()).resolves.toBe(flow);
      const model = flows[flow].model;
      const first = readStates(model).find((st) => st.id === model.start)!;
      const meta = first.meta as { question: string };
      await expect(question.textContent()).resolves.toBe(meta.question);
    }
    await context.close();
  });
});
