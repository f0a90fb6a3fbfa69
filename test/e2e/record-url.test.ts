import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const widget = (page: Page) => page.locator('pos-troubleshooter');

/** Answers with the first answer (at a resolved outcome, "not fixed") until an escalation shows. */
async function toEscalation(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await widget(page).locator('[part~="outcome"][data-outcome="escalate"]').count()) return;
    await widget(page).locator('[part~="answer"][data-event]').first().click();
  }
  throw new Error('no escalation within 40 answers');
}

describe('record-url on the element', () => {
  it('links only to http(s) or relative addresses, leaving out javascript:, data: and vbscript:', async () => {
    const { context, page, errors } = await openPage(browser);
    const warnings: string[] = [];
    page.on('console', (m) => (m.type() === 'warning' ? warnings.push(m.text()) : undefined));
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    await widget(page).locator('[part~="question"]').waitFor();
    for (const [url, shown] of [
      ['javascript:alert(document.domain)', false],
      [' JAVASCRIPT:alert(1)', false],
      ['data:text/html,<script>alert(1)</script>', false],
      ['vbscript:msgbox(1)', false],
      ['https://portal.bank.example/record', true],
      ['/zh-hant/print/repair-record/', true],
    ] as const) {
      await page.evaluate((u) => document.querySelector('pos-troubleshooter')!.setAttribute('record-url', u), url);
      await widget(page).locator('[part~="question"]').waitFor();
      await toEscalation(page);
      const link = widget(page).locator('[part~="record"]');
      await expect(link.count(), url).resolves.toBe(shown ? 1 : 0);
      if (shown) await expect(link.getAttribute('href')).resolves.toBe(url);
      await widget(page).locator('[part~="restart"]').first().click();
    }
    expect(warnings.filter((w) => w.includes('record-url'))).toHaveLength(4);
    expect(errors).toEqual([]);
    await context.close();
  });
});
