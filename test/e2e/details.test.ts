import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { getSimplePaths } from '@xstate/graph';
import { flows } from '../../src/machines/registry';
import { baseUrl, launch, openPage, serveSiteOrigin } from './browser';

/** A merchant's typed details: kept only when asked, sent to integrators when they change, never leaked. */

type Seen = { type: string; detail: Record<string, unknown> }[];
type Messages = { origin: string; data: Record<string, unknown> }[];

/** The host's script: records our events and the messages it receives. */
const hostJs = `
window.seen = []; window.messages = [];
for (const k of ['step', 'outcome', 'summary', 'error']) document.addEventListener('pos-troubleshooter:' + k, (e) => window.seen.push({ type: k, detail: e.detail }));
window.addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
`;

let host: Server;
let hostUrl: string;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  const site = baseUrl();
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/host.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(hostJs);
    let body: string;
    if (url.pathname === '/frame') {
      const origin = url.searchParams.get('origin') ?? hostUrl;
      body = `<iframe id="frame" title="排查" src="${site}/zh-hant/embed/network/?origin=${encodeURIComponent(origin)}"></iframe>`;
    } else {
      const remember = url.searchParams.has('remember') ? ' remember' : '';
      body = `<script src="${site}/embed/pos-troubleshooter.js" defer></script><pos-troubleshooter flow="network" lang="zh-Hant"${remember}></pos-troubleshooter>`;
    }
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><script src="/host.js"></script></head><body>${body}</body></html>`,
      );
  });
  // 127.0.0.1 like the site: another origin on the same site, so an iframe shares the site's storage.
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  host?.close();
});

/** The answers that lead to an escalation in the network flow, and its state id. */
const escalation = (() => {
  const path = getSimplePaths(flows.network.machine).find(
    (p) =>
      p.state.status === 'done' && (Object.values(p.state.getMeta())[0] as { outcome: string }).outcome === 'escalate',
  )!;
  return {
    events: path.steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init'),
    state: String(path.state.value),
  };
})();

/** Answers the widget's questions up to the escalation. */
async function walk(scope: Page | Frame) {
  const widget = scope.locator('pos-troubleshooter');
  await widget.locator('[part~="question"]').waitFor();
  for (const e of escalation.events) await widget.locator(`[part~="answer"][data-event="${e}"]`).click();
  await widget.locator('[part~="outcome"]').waitFor();
  return widget;
}

const read = <T>(page: Page, name: 'seen' | 'messages') =>
  page.evaluate((n) => (window as unknown as Record<string, T>)[n]!, name);
const stored = (page: Page | Frame) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** A page of the site in `context`, recording our events like the host does and errors in `errors`. */
async function openSite(context: BrowserContext, errors: string[] = [], path = '/zh-hant/network/') {
  const page = await context.newPage();
  page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript({ content: hostJs });
  await page.goto(`${baseUrl()}${path}`);
  return page;
}

describe('the summary event', () => {
  it('sends the summary with the typed fields once, after the merchant stops typing', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.addInitScript({ content: hostJs });
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    const widget = await walk(page);
    // A burst of keystrokes in both fields, dispatched in one task so that a loaded machine cannot
    // stretch the gaps between them past the debounce; then wait for the one summary to arrive.
    await widget.locator('input[name="serial"]').evaluate((serial) => {
      const merchantNo =
        serial.getRootNode() instanceof ShadowRoot
          ? (serial.getRootNode() as ShadowRoot).querySelector<HTMLInputElement>('input[name="merchantNo"]')!
          : document.querySelector<HTMLInputElement>('input[name="merchantNo"]')!;
      for (const [input, text] of [
        [serial as HTMLInputElement, 'SN-777'],
        [merchantNo, '898'],
      ] as const) {
        for (const ch of text) {
          input.value += ch;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
      }
    });
    await page.waitForFunction(() => (window as unknown as { seen: Seen }).seen.some((s) => s.type === 'summary'));
    await page.waitForTimeout(1000);
    const summaries = (await read<Seen>(page, 'seen')).filter((s) => s.type === 'summary');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.detail).toMatchObject({ flow: 'network', state: escalation.state, outcome: 'escalate' });
    expect(summaries[0]!.detail.path).toEqual(expect.arrayContaining([escalation.state]));
    expect(String(summaries[0]!.detail.summary)).toContain('SN-777');
    expect(String(summaries[0]!.detail.summary)).toContain('898');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is posted by the iframe route to the named origin', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${hostUrl}/frame`);
    const widget = await walk(page.frame({ url: /\/embed\/network\// })!);
    await widget.locator('input[name="serial"]').fill('SN-FRAME-1');
    await page.waitForFunction(() =>
      (window as unknown as { messages: Messages }).messages.some(
        (m) => m.data.type === 'pos-troubleshooter:summary' && String(m.data.summary).includes('SN-FRAME-1'),
      ),
    );
    const message = (await read<Messages>(page, 'messages')).find((m) => m.data.type === 'pos-troubleshooter:summary')!;
    expect(message.origin).toBe(baseUrl());
    expect(message.data).toMatchObject({ flow: 'network', state: escalation.state, outcome: 'escalate' });
    await context.close();
  });
});

describe('remembering on this device', () => {
  it('keeps nothing unless the merchant ticks "remember", and clears it on request', async () => {
    const { context, errors } = await openPage(browser);
    let page = await openSite(context, errors);
    let widget = await walk(page);
    await widget.locator('input[name="serial"]').fill('SN-ONCE');
    expect(Object.keys(await stored(page))).not.toContain('pos-help:summary-fields');
    await page.goto(`${baseUrl()}/zh-hant/network/`); // without the hash, which would resume at the outcome
    widget = await walk(page);
    await expect(widget.locator('input[name="serial"]').inputValue()).resolves.toBe('');

    await widget.getByRole('checkbox', { name: '在這台設備上記住' }).check();
    await widget.locator('input[name="serial"]').fill('SN-KEEP');
    const kept = JSON.parse((await stored(page))['pos-help:summary-fields']!) as { savedAt: number };
    expect(Math.abs(kept.savedAt - Date.now())).toBeLessThan(60_000);
    await page.close();
    page = await openSite(context, errors);
    widget = await walk(page);
    await expect(widget.locator('input[name="serial"]').inputValue()).resolves.toBe('SN-KEEP');
    await expect(widget.getByRole('checkbox', { name: '在這台設備上記住' }).isChecked()).resolves.toBe(true);

    await widget.getByRole('button', { name: '清除已保存的資料' }).click();
    expect(Object.keys(await stored(page)).filter((k) => k.startsWith('pos-help:'))).toEqual([]);
    await expect(widget.locator('input[name="serial"]').inputValue()).resolves.toBe('');
    await expect(widget.locator('[aria-live]').textContent()).resolves.toContain('已清除');
    await expect(widget.locator('[part~="summary-text"]').inputValue()).resolves.not.toContain('SN-KEEP');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('forgets, as soon as a troubleshooter opens, fields older than 30 days or saved without a time', async () => {
    const { context } = await openPage(browser);
    const old = Date.now() - 31 * 24 * 60 * 60 * 1000;
    const handOff = { summary: 'SN-EXPIRED', fault: '', time: '', fields: { serial: 'SN-EXPIRED' }, savedAt: old };
    for (const value of [{ serial: 'SN-OLD-FORMAT' }, { savedAt: old, fields: { serial: 'SN-EXPIRED' } }]) {
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/zh-hant/network/`);
      await page.evaluate(
        ([fields, record]) => {
          localStorage.setItem('pos-help:summary-fields', fields);
          localStorage.setItem('pos-help:last-outcome', record);
        },
        [JSON.stringify(value), JSON.stringify(handOff)],
      );
      await page.reload();
      await page.locator('pos-troubleshooter [part~="question"]').waitFor();
      expect(Object.keys(await stored(page)).filter((k) => k.startsWith('pos-help:'))).toEqual([]);
      const widget = await walk(page);
      await expect(widget.locator('input[name="serial"]').inputValue()).resolves.toBe('');
      await page.close();
    }
    await context.close();
  });

  it('keeps nothing in a bank portal unless the integrator sets the remember attribute', async () => {
    const { context, page, errors } = await openPage(browser);
    await serveSiteOrigin(context); // the bundle loads its flows from the site it was built for
    await page.goto(`${hostUrl}/`);
    let widget = await walk(page);
    await expect(widget.locator('input[type="checkbox"]').count()).resolves.toBe(0);
    await widget.locator('input[name="serial"]').fill('SN-PORTAL');
    expect(await stored(page)).toEqual({});

    await page.goto(`${hostUrl}/?remember`);
    widget = await walk(page);
    await widget.getByRole('checkbox', { name: '在這台設備上記住' }).check();
    await widget.locator('input[name="serial"]').fill('SN-PORTAL');
    expect(Object.keys(await stored(page))).toEqual(['pos-help:summary-fields']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the iframe route', () => {
  it('never prefills fields remembered on the main site, even for a same-site page that names itself', async () => {
    const { context, page } = await openPage(browser);
    const site = await openSite(context);
    const widget = await walk(site);
    const remember = widget.locator('input[type="checkbox"]');
    if (await remember.count()) await remember.check();
    await widget.locator('input[name="serial"]').fill('SN-MAIN-SITE');
    await site.close();

    await page.goto(`${hostUrl}/frame`);
    const frame = page.frame({ url: /\/embed\/network\// })!;
    const inner = await walk(frame);
    await expect(inner.locator('input[name="serial"]').inputValue()).resolves.toBe('');
    await expect(inner.locator('input[type="checkbox"]').count()).resolves.toBe(0);
    await inner.locator('input[name="code"]').fill('A0');
    await page.waitForFunction(() =>
      (window as unknown as { messages: Messages }).messages.some((m) => m.data.type === 'pos-troubleshooter:outcome'),
    );
    await page.waitForTimeout(800);
    const messages = await read<Messages>(page, 'messages');
    expect(JSON.stringify(messages)).not.toContain('SN-MAIN-SITE');
    await context.close();
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'about:blank'])(
    'treats ?origin=%s as no origin: it works, posts nothing and throws nothing',
    async (origin) => {
      const { context, page, errors } = await openPage(browser);
      await page.goto(`${hostUrl}/frame?origin=${encodeURIComponent(origin)}`);
      const frame = page.frame({ url: /\/embed\/network\// })!;
      const widget = await walk(frame);
      await widget.locator('input[name="serial"]').fill('SN-X');
      await page.waitForTimeout(800);
      expect(await read<Messages>(page, 'messages')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('corrupt values in storage', () => {
  const values = [
    'null',
    '{}',
    '[]',
    '42',
    '"SN"',
    'not json',
    '{"serial":5,"code":["x"]}',
    '{"savedAt":"x","fields":7}',
  ];

  it('never stop the widget or the repair record', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    for (const value of values) {
      await page.evaluate((v) => {
        localStorage.setItem('pos-help:summary-fields', v);
        localStorage.setItem('pos-help:last-outcome', v);
      }, value);
      await page.goto(`${baseUrl()}/zh-hant/print/repair-record/?from=troubleshooter`);
      await expect(page.locator('[data-field="serial"]').textContent(), value).resolves.toBe('');
      await page.evaluate((v) => {
        localStorage.setItem('pos-help:summary-fields', v);
        localStorage.setItem('pos-help:last-outcome', v);
      }, value);
      await page.goto(`${baseUrl()}/zh-hant/network/`);
      const widget = await walk(page);
      await widget.locator('input[name="serial"]').fill('SN-OK');
      await expect(widget.locator('[part~="summary-text"]').inputValue(), value).resolves.toContain('SN-OK');
    }
    const [record] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('pos-troubleshooter [part~="record"]').click(),
    ]);
    await record.waitForLoadState();
    await expect(record.locator('[data-field="serial"]').textContent()).resolves.toBe('SN-OK');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the integrator guide', () => {
  it('documents the summary event, its message and the remember attribute', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/embed/`);
    const events = await page.locator('#events + table').textContent();
    expect(events).toContain('pos-troubleshooter:summary');
    const attributes = await page.locator('#attributes + table').textContent();
    expect(attributes).toContain('remember');
    await expect(page.locator('#iframe ~ p').first().textContent()).resolves.toContain('summary');
    await context.close();
  });
});
