import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { getSimplePaths } from '@xstate/graph';
import { flowNames, flows } from '../../src/machines/registry';
import type { OutcomeMeta, QuestionMeta, StepMeta } from '../../src/machines/types';
import { widgetUi } from '../../src/i18n/widget';
import { baseUrl, launch, openPage, settle } from './browser';
import { flowPageId } from '../helpers/content';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Every path from the start to an outcome, as the answers to give and the outcome to expect. */
function outcomePaths(name: keyof typeof flows) {
  const machine = flows[name].machine;
  // Every path to an outcome: final escalations, and resolved outcomes (which wait for NOT_FIXED).
  return getSimplePaths(machine)
    .filter((p) => (Object.values(p.state.getMeta())[0] as StepMeta | undefined)?.kind === 'outcome')
    .map((p) => {
      const events = p.steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init');
      const meta = Object.values(p.state.getMeta())[0] as OutcomeMeta;
      return { events, meta, state: String(p.state.value) };
    });
}

/** The label of the answer button for `event` at the current step, from the machine. */
function labelFor(name: keyof typeof flows, stateId: string, event: string): string {
  const meta = (flows[name].machine.config.states as Record<string, { meta: StepMeta }>)[stateId]!.meta;
  // At a resolved outcome, "did this fix it? no" is the answer NOT_FIXED.
  if (meta.kind === 'outcome') return event === 'NOT_FIXED' ? widgetUi['widget.fixed.no'] : '';
  return (meta as QuestionMeta).answers.find((a) => a.event === event)!.label;
}

const widget = (page: Page) => page.locator('pos-troubleshooter');

async function openFlow(name: string, lang = 'zh-hant', hash = '') {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/${lang}/${flowPageId(name)}/${hash}`);
  await widget(page).locator('[part~="question"], [part~="outcome"], [part~="error"]').first().waitFor();
  return { context, page, errors };
}

describe.each(Object.keys(flows) as (keyof typeof flows)[])('the %s troubleshooter', (name) => {
  const paths = outcomePaths(name);

  it('has paths to both kinds of outcome, or only resolved ones for apply', () => {
    expect(paths.length).toBeGreaterThan(2);
  });

  it(
    'walks every path of the machine through the page and shows the machine’s outcome',
    async () => {
      const { context, page, errors } = await openFlow(name);
      const machine = flows[name].machine;
      for (const path of paths) {
        let stateId = String(machine.config.initial);
        for (const event of path.events) {
          const button = widget(page).locator(`[part~="answer"][data-event="${event}"]`);
          await expect(button.textContent()).resolves.toBe(labelFor(name, stateId, event));
          await button.click();
          stateId = (machine.config.states as Record<string, { on: Record<string, string> }>)[stateId]!.on[event]!;
        }
        const outcome = widget(page).locator('[part~="outcome"]');
        await expect(outcome.getAttribute('data-outcome')).resolves.toBe(path.meta.outcome);
        await expect(outcome.locator('h3').first().textContent()).resolves.toBe(path.meta.title);
        await widget(page).locator('[part~="restart"]').click();
      }
      expect(errors).toEqual([]);
      await context.close();
      // A flow with many paths (transactions has over a hundred) needs time in proportion, on a loaded machine.
    },
    Math.max(120_000, paths.length * 2_500),
  );

  it('answers "解決了" at a resolved outcome: says so, offers to start over, sends step with fixed: true', async () => {
    const { context, page, errors } = await openFlow(name);
    const resolved = paths.find((p) => p.meta.outcome === 'resolved')!;
    for (const event of resolved.events) await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    const events = page.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          document.addEventListener('pos-troubleshooter:step', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    await widget(page).locator('[data-action="fixed"]').click();
    await expect(events).resolves.toMatchObject({ flow: name, state: resolved.state, fixed: true });
    const thanks = widget(page).locator('.thanks');
    await expect(thanks.textContent()).resolves.toBe(widgetUi['widget.fixed.thanks']);
    await expect(
      thanks.evaluate(
        (el) => el.getRootNode() instanceof ShadowRoot && el === (el.getRootNode() as ShadowRoot).activeElement,
      ),
    ).resolves.toBe(true);
    await expect(widget(page).locator('[data-action="fixed"]').count()).resolves.toBe(0);
    await widget(page).locator('[part~="fixed"] [part~="restart"]').click();
    await widget(page).locator('[part~="question"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the troubleshooter widget', () => {
  it('goes back one step and restarts from the first question', async () => {
    const { context, page } = await openFlow('network');
    const first = await widget(page).locator('[part~="question"]').textContent();
    await widget(page).locator('[part~="answer"]').first().click();
    const second = await widget(page).locator('[part~="question"], [part~="outcome"] h3').first().textContent();
    expect(second).not.toBe(first);
    await widget(page).locator('[part~="back"]').click();
    await expect(widget(page).locator('[part~="question"]').textContent()).resolves.toBe(first);
    await widget(page).locator('[part~="answer"]').first().click();
    await widget(page).locator('[part~="restart"]').click();
    await expect(widget(page).locator('[part~="question"]').textContent()).resolves.toBe(first);
    await expect(widget(page).locator('[part~="back"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('can be walked with the keyboard alone, focus moving to each new step’s heading', async () => {
    const { context, page } = await openFlow('software');
    const path = outcomePaths('software')[0]!;
    await widget(page).locator('[part~="answer"]').first().focus();
    for (const event of path.events) {
      const button = widget(page).locator(`[part~="answer"][data-event="${event}"]`);
      await button.focus();
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => {
        const el = document.querySelector('pos-troubleshooter')!.shadowRoot!.activeElement;
        return el ? el.tagName : '';
      });
      expect(focused).toMatch(/^H[2-6]$/);
    }
    await expect(widget(page).locator('[part~="outcome"]').count()).resolves.toBe(1);
    await context.close();
  });

  it('says each step’s position in the name of the heading that gets focus, not again in the live region', async () => {
    const { context, page } = await openFlow('hardware');
    await widget(page).locator('[part~="answer"]').first().click();
    const said = await page.evaluate(() => {
      const root = document.querySelector('pos-troubleshooter')!.shadowRoot!;
      return {
        focus: root.activeElement?.getAttribute('aria-label'),
        live: root.querySelector('[aria-live]')!.textContent,
      };
    });
    expect(said.focus).toMatch(/^第 2 步，最多還有 \d+ 步：|^(可以自己解決|需要找人處理)：/);
    expect(said.live).toBe('');
    await context.close();
  });

  it('keeps the path in the hash so a reload resumes at the same step', async () => {
    const { context, page } = await openFlow('network');
    await widget(page).locator('[part~="answer"]').first().click();
    const text = await widget(page).locator('[part~="question"], [part~="outcome"] h3').first().textContent();
    expect(page.url()).toMatch(/#t=network:[A-Z_]+$/);
    await page.reload();
    await widget(page).locator('[part~="question"], [part~="outcome"]').first().waitFor();
    await expect(widget(page).locator('[part~="question"], [part~="outcome"] h3').first().textContent()).resolves.toBe(
      text,
    );
    await context.close();
  });

  it('starts over with a readable message and an error event when the hash points nowhere', async () => {
    const { context, page } = await openPage(browser);
    await page.addInitScript(() => {
      (window as unknown as { errs: unknown[] }).errs = [];
      document.addEventListener('pos-troubleshooter:error', (e) =>
        (window as unknown as { errs: unknown[] }).errs.push((e as CustomEvent).detail),
      );
    });
    await page.goto(`${baseUrl()}/zh-hant/network/#t=network:NOPE.NEVER`);
    await widget(page).locator('[part~="error"]').waitFor();
    await expect(widget(page).locator('[part~="error"]').textContent()).resolves.toContain('無法識別');
    await expect(widget(page).locator('[part~="question"]').count()).resolves.toBe(1);
    const errs = await page.evaluate(() => (window as unknown as { errs: { message: string }[] }).errs);
    expect(errs[0]?.message).toContain('does not lead anywhere');
    await context.close();
  });

  it('shows Simplified text on zh-Hans pages', async () => {
    const { context, page } = await openFlow('network', 'zh-hans');
    const text = await widget(page).locator('[part~="question"]').textContent();
    const hantText = await (async () => {
      const meta = (flows.network.machine.config.states as Record<string, { meta: QuestionMeta }>)[
        String(flows.network.machine.config.initial)
      ]!.meta;
      return meta.question;
    })();
    expect(text).not.toBe(hantText);
    await expect(widget(page).locator('[part~="back"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('fills an escalation summary with the path and the fields typed, kept after a restart', async () => {
    const { context, page } = await openFlow('network');
    const escalation = outcomePaths('network').find((p) => p.meta.outcome === 'escalate')!;
    for (const event of escalation.events)
      await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    await widget(page).locator('input[name="serial"]').fill('SN12345678');
    const summary = await widget(page).locator('[part~="summary-text"]').inputValue();
    expect(summary).toContain('SN12345678');
    expect(summary).toContain(escalation.meta.title);
    await widget(page).locator('[part~="restart"]').click();
    for (const event of escalation.events)
      await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    await expect(widget(page).locator('input[name="serial"]').inputValue()).resolves.toBe('SN12345678');
    await context.close();
  });

  it('fetches neither the summary form nor the floor polyfills before an answer; the form follows at an escalation, focus on the title', async () => {
    const { context, page, errors } = await openPage(browser);
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
    await page.goto(`${baseUrl()}/zh-hant/${flowPageId('network')}/`);
    await widget(page).locator('[part~="question"]').waitFor();
    await settle(page);
    expect(scripts.filter((s) => /\/(summary-panel|polyfills)\.[^/]+\.js$/.test(s))).toEqual([]);
    const escalation = outcomePaths('network').find((p) => p.meta.outcome === 'escalate')!;
    for (const event of escalation.events)
      await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    await widget(page).locator('[part~="summary-text"]').waitFor();
    expect(scripts.filter((s) => /\/summary-panel\.[^/]+\.js$/.test(s))).toHaveLength(1);
    // The form arrives below the outcome's title, which keeps the focus the last answer gave it.
    const focused = await page.evaluate(() => {
      const active = document.querySelector('pos-troubleshooter')!.shadowRoot!.activeElement;
      return active?.closest('[part~="outcome"]') ? active.tagName : `not in the outcome: ${active?.tagName}`;
    });
    expect(focused).toMatch(/^H[2-6]$/);
    await expect(widget(page).locator('[part~="summary-text"]').inputValue()).resolves.toContain(escalation.meta.title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps whom to call in view, with a readable message and an error event, when the summary form cannot load', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.route(/\/summary-panel\.[^/]+\.js$/, (route) => route.abort());
    await page.goto(`${baseUrl()}/zh-hant/${flowPageId('network')}/`);
    await widget(page).locator('[part~="question"]').waitFor();
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seen });
      document
        .querySelector('pos-troubleshooter')!
        .addEventListener('pos-troubleshooter:error', (e) =>
          seen.push((e as CustomEvent<{ message: string }>).detail.message),
        );
    });
    const escalation = outcomePaths('network').find((p) => p.meta.outcome === 'escalate')!;
    for (const event of escalation.events)
      await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    await expect(widget(page).locator('[part~="error"]').textContent()).resolves.toBe(widgetUi['widget.error.summary']);
    await expect(widget(page).locator('.contact').isVisible()).resolves.toBe(true);
    await expect(widget(page).locator('[part~="summary-text"]').count()).resolves.toBe(0);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual([expect.stringMatching(/summary form failed to load/)]);
    // Only the blocked request itself may be reported.
    expect(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  });

  it('answers "還沒解決" with the machine’s NOT_FIXED, to an escalation', async () => {
    const { context, page, errors } = await openFlow('hardware');
    const resolved = outcomePaths('hardware').find((p) => p.meta.outcome === 'resolved')!;
    for (const event of resolved.events) await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
    await expect(widget(page).locator('[part~="summary"]').count()).resolves.toBe(0);
    await widget(page).locator('[part~="answer"][data-event="NOT_FIXED"]').click();
    const outcome = widget(page).locator('[part~="outcome"]');
    await expect(outcome.getAttribute('data-outcome')).resolves.toBe('escalate');
    expect(page.url()).toMatch(/\.NOT_FIXED$/);
    const summary = await widget(page).locator('[part~="summary-text"]').inputValue();
    expect(summary).toContain(`${resolved.meta.title} → ${widgetUi['widget.fixed.no']}`);
    expect(summary).toMatch(/問題還在/);
    expect(summary).not.toMatch(/問題已解決/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an unknown flow as a readable message with an error event, throwing nothing', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/embed/`);
    const detail = await page.evaluate(
      () =>
        new Promise<{ message: string }>((resolve) => {
          const el = document.createElement('pos-troubleshooter');
          el.setAttribute('flow', 'printer');
          el.setAttribute('lang', 'zh-Hant');
          el.addEventListener('pos-troubleshooter:error', (e) => resolve((e as CustomEvent).detail));
          document.body.append(el);
        }),
    );
    expect(detail.message).toBe(`unknown flow "printer"; known flows: ${flowNames.join(', ')}`);
    const shown = await page.locator('pos-troubleshooter[flow="printer"]').locator('[part~="error"]').textContent();
    expect(shown).toContain('找不到名為「printer」的排查流程');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no accessibility violations at a question and at each kind of outcome', async () => {
    const { context, page } = await openFlow('network');
    const check = async () => {
      await settle(page);
      const result = await new AxeBuilder({ page }).include('pos-troubleshooter').analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await check();
    for (const kind of ['resolved', 'escalate'] as const) {
      const path = outcomePaths('network').find((p) => p.meta.outcome === kind)!;
      const restart = widget(page).locator('[part~="restart"]');
      if (await restart.isVisible()) await restart.click();
      for (const event of path.events) await widget(page).locator(`[part~="answer"][data-event="${event}"]`).click();
      await check();
    }
    await context.close();
  });

  it('works at 320 px wide without horizontal scrolling', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${baseUrl()}/zh-hans/hardware/`);
    await widget(page).locator('[part~="question"]').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('shows the whole flow as linked steps when JavaScript is off', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl()}/zh-hant/security/`);
    const states = Object.keys(flows.security.machine.config.states ?? {});
    await expect(page.locator('.flow-steps > li').count()).resolves.toBe(states.length);
    const firstLink = page.locator('.flow-answers a').first();
    const href = await firstLink.getAttribute('href');
    await firstLink.click();
    expect(page.url()).toContain(href!);
    await context.close();
  });
});
