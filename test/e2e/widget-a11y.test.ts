import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getShortestPaths } from '@xstate/graph';
import { flows } from '../../src/machines/registry';
import type { OutcomeMeta, QuestionMeta, StepMeta } from '../../src/machines/types';
import { widgetUi } from '../../src/i18n/widget';
import { baseUrl, launch, openPage, serveSiteOrigin, settle } from './browser';
import { focusRings, panelContrast } from './widget-contrast';
import { AxReader } from './ax-reader';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const machine = flows.network.machine;
const states = machine.config.states as Record<string, { meta: StepMeta }>;
const metaOf = (id: string) => states[id]!.meta;

/** The shortest way (events) to the first outcome of `kind` in the network flow, from its machine. */
function pathTo(kind: 'resolved' | 'escalate'): { events: string[]; meta: OutcomeMeta } {
  const path = getShortestPaths(machine).find(
    (p) =>
      (Object.values(p.state.getMeta())[0] as StepMeta | undefined)?.kind === 'outcome' &&
      (Object.values(p.state.getMeta())[0] as OutcomeMeta).outcome === kind,
  )!;
  return {
    events: path.steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init'),
    meta: Object.values(path.state.getMeta())[0] as OutcomeMeta,
  };
}
/** The first question with a note, and the answers that lead there. */
function pathToNote(): string[] {
  const path = getShortestPaths(machine).find(
    (p) => (Object.values(p.state.getMeta())[0] as QuestionMeta | undefined)?.note,
  )!;
  return path.steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init');
}

const shadow = (page: Page) => page.locator('pos-troubleshooter');
const answer = (page: Page, event: string) => shadow(page).locator(`[part~="answer"][data-event="${event}"]`).click();

async function openNetwork(lang = 'zh-hant', options: Parameters<Browser['newContext']>[0] = {}) {
  const opened = await openPage(browser, options);
  await opened.page.goto(`${baseUrl()}/${lang}/network/`);
  await shadow(opened.page).locator('[part~="question"]').waitFor();
  return opened;
}

/** Walks the network flow through each kind of step and outcome, calling `check` at each. */
async function eachKindOfStep(page: Page, check: (what: string) => Promise<void>) {
  await settle(page);
  await check('first question');
  for (const event of pathToNote()) await answer(page, event);
  await settle(page);
  await check('question with steps and a note');
  await shadow(page).locator('[part~="restart"]').click();
  for (const event of pathTo('resolved').events) await answer(page, event);
  await settle(page);
  await check('resolved outcome');
  await shadow(page).locator('[data-action="fixed"]').click();
  await settle(page);
  await check('fixed confirmation');
  await shadow(page).locator('[part~="fixed"] [part~="restart"]').click();
  for (const event of pathTo('escalate').events) await answer(page, event);
  await shadow(page).locator('input[name="serial"]').fill('SN123');
  await settle(page);
  await check('escalation');
}

describe('the widget in light and dark pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every text at 4.5:1 and every border and focus ring at 3:1 on a ${scheme} page`, async () => {
      const { context, page, errors } = await openNetwork('zh-hant', { colorScheme: scheme });
      const problems: string[] = [];
      const rings: number[] = [];
      await eachKindOfStep(page, async (what) => {
        problems.push(...(await panelContrast(page)).map((p) => `${what}: ${p}`));
        const focus = await focusRings(page);
        problems.push(...focus.problems.map((p) => `${what}: ${p}`));
        rings.push(focus.seen);
      });
      expect(problems).toEqual([]);
      expect(rings.every((n) => n > 0)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('draws a dark panel on a dark page and a light one on a light page, in the page’s locale', async () => {
    const looks: Record<string, { scheme: string; locale: string; bg: string; pageBg: string }> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openNetwork('zh-hant', { colorScheme: scheme });
      looks[scheme] = await page.evaluate(() => {
        const host = document.querySelector('pos-troubleshooter')!;
        const heading = host.shadowRoot!.querySelector('[part~="question"]')!;
        const style = getComputedStyle(heading);
        return {
          scheme: style.colorScheme,
          locale: style.getPropertyValue('-webkit-locale'),
          bg: getComputedStyle(host.shadowRoot!.querySelector('[part~="container"]')!).backgroundColor,
          pageBg: getComputedStyle(document.body).backgroundColor,
        };
      });
      await context.close();
    }
    expect(looks.light!.locale).toBe('"zh-Hant"');
    expect(looks.dark!.locale).toBe('"zh-Hant"');
    // The panel takes the page's own background in each scheme.
    expect(looks.dark!.bg).toBe(looks.dark!.pageBg);
    expect(looks.light!.bg).toBe(looks.light!.pageBg);
    expect(looks.dark!.bg).not.toBe(looks.light!.bg);
  });

  it('follows a host page’s colour scheme and custom properties on the embed route', async () => {
    const { context, page, errors } = await openPage(browser, { colorScheme: 'dark' });
    await page.goto(`${baseUrl()}/zh-hans/embed/network/`);
    await shadow(page).locator('[part~="question"]').waitFor();
    await settle(page);
    expect(await panelContrast(page)).toEqual([]);
    expect((await focusRings(page)).problems).toEqual([]);
    // A host that themes the widget still decides its colours.
    await page.evaluate(() => {
      const el = document.querySelector('pos-troubleshooter') as HTMLElement;
      el.style.setProperty('--pos-bg', 'rgb(255, 250, 240)');
      el.style.setProperty('--pos-fg', 'rgb(20, 20, 20)');
    });
    const bg = await page.evaluate(
      () =>
        getComputedStyle(
          document.querySelector('pos-troubleshooter')!.shadowRoot!.querySelector('[part~="container"]')!,
        ).backgroundColor,
    );
    expect(bg).toBe('rgb(255, 250, 240)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a bank portal’s own colour scheme, whatever the visitor’s preference', async () => {
    // The standalone bundle on a portal page (served at our origin through page.route).
    const portal = (scheme: string) =>
      `<!doctype html><html lang="zh-Hans" style="color-scheme: ${scheme}"><body>` +
      `<pos-troubleshooter flow="network"></pos-troubleshooter>` +
      `<script type="module" src="${baseUrl()}/embed/pos-troubleshooter.js"></script></body></html>`;
    const seen: Record<string, string[]> = {};
    for (const [scheme, preference] of [
      ['dark', 'light'],
      ['light', 'dark'],
    ] as const) {
      const { context, page, errors } = await openPage(browser, { colorScheme: preference });
      await serveSiteOrigin(context);
      await page.route(`${baseUrl()}/portal.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: portal(scheme) }),
      );
      await page.goto(`${baseUrl()}/portal.html`);
      await shadow(page).locator('[part~="question"]').waitFor();
      await settle(page);
      const dark = await page.evaluate(() => {
        const panel = document.querySelector('pos-troubleshooter')!.shadowRoot!.querySelector('[part~="container"]')!;
        const [r, g, b] = getComputedStyle(panel).backgroundColor.match(/\d+/g)!.map(Number);
        return r! + g! + b! < 200;
      });
      seen[scheme] = [
        `dark panel: ${dark}`,
        ...(await panelContrast(page)),
        ...(await focusRings(page)).problems,
        ...errors,
      ];
      await context.close();
    }
    expect(seen).toEqual({ dark: ['dark panel: true'], light: ['dark panel: false'] });
  });

  it('stays visible in forced-colours mode: focus rings drawn, borders kept', async () => {
    const { context, page, errors } = await openNetwork('zh-hant', { forcedColors: 'active' });
    const problems: string[] = [];
    await eachKindOfStep(page, async (what) => {
      const focus = await focusRings(page, 1);
      problems.push(...focus.problems.filter((p) => p.includes('no focus ring')).map((p) => `${what}: ${p}`));
      if (!focus.seen) problems.push(`${what}: nothing to focus`);
      const borders = await page.evaluate(() => {
        const root = document.querySelector('pos-troubleshooter')!.shadowRoot!;
        return [...root.querySelectorAll('[part~="container"], button, input, textarea, .note, .kind')]
          .filter((el) => el.checkVisibility() && (el as HTMLInputElement).type !== 'checkbox')
          .filter((el) => getComputedStyle(el).borderInlineStartStyle === 'none')
          .map((el) => `${el.tagName.toLowerCase()}「${(el.textContent ?? '').trim().slice(0, 10)}」 has no border`);
      });
      problems.push(...borders.map((p) => `${what}: ${p}`));
    });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * What a screen reader says along the shortest walk to an escalation and one step back: on each
 * key press, the newly focused node (role, name) and any live region's text.
 */
async function transcriptOf(lang: 'zh-hant' | 'zh-hans'): Promise<string[]> {
  const { context, page, errors } = await openNetwork(lang);
  const reader = await AxReader.open(page);
  const transcript: string[] = [];
  const listen = async (did: string) => {
    transcript.push(did, `  focus: ${AxReader.say(await reader.focused())}`);
    const live = await reader.live();
    transcript.push(`  live: ${live.join(' / ') || '(silent)'}`);
  };
  for (const event of pathTo('escalate').events) {
    const button = shadow(page).locator(`[part~="answer"][data-event="${event}"]`);
    const label = (await button.textContent())!;
    await button.press('Enter');
    await listen(`press「${label}」`);
  }
  const back = shadow(page).locator('[part~="back"]');
  const label = (await back.textContent())!;
  await back.press('Enter');
  await listen(`press「${label}」`);
  expect(errors).toEqual([]);
  await context.close();
  return transcript;
}

describe('what a screen reader hears from the widget', () => {
  it('hears each step once, with its position, and nothing hidden repeats it', async () => {
    const { context, page, errors } = await openNetwork();
    const reader = await AxReader.open(page);
    const first = metaOf(String(machine.config.initial)) as QuestionMeta;
    await answer(page, first.answers[0]!.event);
    const next = { question: (await shadow(page).locator('[part~="question"]').textContent())! };
    const focused = await reader.focused();
    expect(focused?.role).toBe('heading');
    expect(focused?.name).toContain(next.question);
    expect(focused?.name).toMatch(/^第 2 步，最多還有 \d+ 步：/);
    // The live region does not say again what focus says, and reading on does not meet it twice.
    for (const said of await reader.live()) expect(said).not.toContain(next.question);
    const lines = await reader.lines(widgetUi['widget.region']);
    expect(lines.filter((line) => line.includes(next.question))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hears an outcome’s kind with its title', async () => {
    const { context, page } = await openNetwork();
    const reader = await AxReader.open(page);
    for (const kind of ['resolved', 'escalate'] as const) {
      const path = pathTo(kind);
      const restart = shadow(page).locator('[part~="restart"]');
      if (await restart.count()) await restart.first().click();
      for (const event of path.events) await answer(page, event);
      const label = widgetUi[kind === 'resolved' ? 'widget.outcome.resolved' : 'widget.outcome.escalate'];
      await expect(reader.focused()).resolves.toMatchObject({
        role: 'heading',
        name: `${label}：${path.meta.title}`,
      });
      const lines = await reader.lines(widgetUi['widget.region']);
      expect(lines.filter((line) => line.includes(path.meta.title))).toHaveLength(1);
    }
    await context.close();
  });

  it('reads a walk from the network question to an escalation in Traditional script', async () => {
    expect(await transcriptOf('zh-hant')).toMatchInlineSnapshot(`
      [
        "press「能聯網，但交易很慢或提示「交易超時，請重試」（68、98）」",
        "  focus: heading 3「第 2 步，最多還有 2 步：先查上一筆：那筆錢扣成功了嗎？」",
        "  live: (silent)",
        "press「查不到，不確定」",
        "  focus: heading 3「需要找人處理：先請收單機構查清這筆，再決定要不要重做」",
        "  live: (silent)",
        "press「上一步」",
        "  focus: heading 3「第 2 步，最多還有 2 步：先查上一筆：那筆錢扣成功了嗎？」",
        "  live: (silent)",
      ]
    `);
  });

  it('reads the same walk in Simplified script', async () => {
    expect(await transcriptOf('zh-hans')).toMatchInlineSnapshot(`
      [
        "press「能联网，但交易很慢或提示「交易超时，请重试」（68、98）」",
        "  focus: heading 3「第 2 步，最多还有 2 步：先查上一笔：那笔钱扣成功了吗？」",
        "  live: (silent)",
        "press「查不到，不确定」",
        "  focus: heading 3「需要找人处理：先请收单机构查清这笔，再决定要不要重做」",
        "  live: (silent)",
        "press「上一步」",
        "  focus: heading 3「第 2 步，最多还有 2 步：先查上一笔：那笔钱扣成功了吗？」",
        "  live: (silent)",
      ]
    `);
  });
});

describe('browser history with the widget', () => {
  it('adds one history entry per answer, none for 上一步 or 重新開始, and Back goes step by step', async () => {
    const { context, page, errors } = await openNetwork();
    const length = () => page.evaluate(() => history.length);
    const shown = () => shadow(page).locator('[part~="question"], [part~="outcome"] h3').first().textContent();
    const start = await length();
    const { events, meta } = pathTo('resolved');
    const asked: (string | null)[] = [];
    for (const event of events) {
      asked.push(await shown());
      await answer(page, event);
    }
    expect(await length()).toBe(start + events.length);
    // The browser's Back goes one answer back, Forward returns.
    await page.goBack();
    await expect.poll(shown).toBe(asked.at(-1));
    await page.goForward();
    await expect.poll(shown).toBe(meta.title);
    // 上一步 and 重新開始 replace the entry instead of adding one.
    await shadow(page).locator('[part~="back"]').click();
    await expect(shown()).resolves.toBe(asked.at(-1));
    expect(await length()).toBe(start + events.length);
    const hash = await page.evaluate(() => location.hash);
    // So Back does not return to the outcome just left.
    await page.goBack();
    await page.waitForTimeout(200);
    await expect(page.evaluate(() => location.hash)).resolves.toBe(hash);
    await expect(shown()).resolves.toBe(asked.at(-1));
    await shadow(page).locator('[part~="restart"]').click();
    await expect(shown()).resolves.toBe(asked[0]);
    expect(await length()).toBe(start + events.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the site’s landmarks', () => {
  it('names the footer navigation for what it is, not after one of its links', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    const names = await page
      .locator('footer nav')
      .evaluateAll((navs) => navs.map((n) => n.getAttribute('aria-label') ?? ''));
    const links = await page.locator('footer nav a').allTextContents();
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe('');
    expect(links).not.toContain(names[0]);
    await context.close();
  });
});
