import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { flows } from '../../src/machines/registry';
import { baseUrl, launch, openPage } from './browser';
import siteConfig from '../../site.config.mjs';
import { inLang } from '../../src/lib/convert';
import { langs } from '../../src/i18n/langs.mjs';
import { flowPageId } from '../helpers/content';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Number of pages in a PDF (counts page objects; good enough for Chromium's output). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe.each(Object.keys(flows) as (keyof typeof flows)[])('the %s procedure sheet', (flow) => {
  it('prints on at most two A4 pages, with a node for every state and a QR code to the live page', async () => {
    for (const lang of langs) {
      const { context, page, errors } = await openPage(browser);
      await page.goto(`${baseUrl()}/${lang}/print/${flow}/`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pageCount(pdf), `${lang} ${flow}`).toBeLessThanOrEqual(2);
      const nodes = await page
        .locator('[data-flowchart] svg [data-node]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
      // Every state but the escalations generated for "not fixed", which the sheet leaves out.
      const states = (flows[flow].machine.config.states ?? {}) as Record<string, { on?: Record<string, unknown> }>;
      const notFixed = new Set(Object.values(states).map((s) => s.on?.NOT_FIXED));
      expect(new Set(nodes)).toEqual(new Set(Object.keys(states).filter((id) => !notFixed.has(id))));
      await expect(page.locator('[data-flowchart] svg text').count()).resolves.toBeGreaterThan(nodes.length);
      const qr = page.locator('[data-qr] svg');
      await qr.scrollIntoViewIfNeeded();
      const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(new URL(`/${lang}/${flowPageId(flow)}/`, siteConfig.site).href);
      for (const field of ['維修人員', '維修時間', '維修內容']) {
        await expect(page.locator('.repair-record').textContent()).resolves.toContain(inLang(lang, field));
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('printing', () => {
  it('fits the blank repair record on one page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/print/repair-record/`);
    expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    await context.close();
  });

  it('hides the chrome of an article and shows its whole flow', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hans/network/`);
    await page.locator('pos-troubleshooter [part~="question"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
    const states = Object.keys(flows.network.machine.config.states ?? {}).length;
    await expect(page.locator('.flow-steps > li').count()).resolves.toBe(states);
    await expect(page.locator('.flow-steps').isVisible()).resolves.toBe(true);
    await expect(page.locator('pos-troubleshooter [part~="question"]').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('fills the repair record from a troubleshooter outcome', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/zh-hant/network/`);
    const widget = page.locator('pos-troubleshooter');
    while ((await widget.locator('[part~="outcome"]').count()) === 0) {
      await widget.locator('[part~="answer"]').last().click();
    }
    if (await widget.locator('[data-event="NOT_FIXED"]').count())
      await widget.locator('[data-event="NOT_FIXED"]').click();
    await widget.locator('input[name="serial"]').fill('SN-REC-1');
    const [record] = await Promise.all([context.waitForEvent('page'), widget.locator('[part~="record"]').click()]);
    await record.waitForLoadState();
    await expect(record.locator('[data-field="serial"]').textContent()).resolves.toBe('SN-REC-1');
    await expect(record.locator('[data-path]').textContent()).resolves.toContain('SN-REC-1');
    await context.close();
  });
});
