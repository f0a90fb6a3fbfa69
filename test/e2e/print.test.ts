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

/** The width of A4 between the print styles' 12 mm margins (186 mm), in CSS px: the width Chromium prints at. */
const printWidth = Math.floor((186 / 25.4) * 96);
/** The height of A4 between those margins (273 mm), in CSS px. */
const printHeight = (273 / 25.4) * 96;

describe.each(Object.keys(flows) as (keyof typeof flows)[])('the %s procedure sheet', (flow) => {
  it('prints every flowchart with text of 6 pt or more, within its page limit, with a node for every state and a QR code to the live page', async () => {
    for (const lang of langs) {
      const { context, page, errors } = await openPage(browser, { viewport: { width: printWidth, height: 1000 } });
      await page.goto(`${baseUrl()}/${lang}/print/${flow}/`);
      const pages = pageCount(await page.pdf({ format: 'A4', printBackground: true }));
      await page.emulateMedia({ media: 'print' });
      // The smallest text of each chart, in points as printed (1 CSS px = 0.75 pt).
      const smallest = await page.locator('[data-flowchart] svg').evaluateAll((svgs) =>
        svgs.map((svg) =>
          Math.min(
            ...[...svg.querySelectorAll('text')].map((text) => {
              const m = text.getScreenCTM()!;
              return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b) * 0.75;
            }),
          ),
        ),
      );
      const leftOut = await page.locator('[data-flowchart] [data-left-out]').count();
      expect(smallest.length + leftOut, `${lang} ${flow}: charts`).toBeGreaterThan(0);
      for (const [i, pt] of smallest.entries()) expect(pt, `${lang} ${flow}: chart ${i + 1}`).toBeGreaterThanOrEqual(6);
      // A sheet whose charts take more than a page says on which page each section is; each planned
      // page of charts must then fit one A4 page, so that what it says is true.
      const chartPages = await page.locator('[data-chart-page]').evaluateAll((els, height) => {
        const sheet = els[0]?.closest('.sheet')?.getBoundingClientRect().top ?? 0;
        return els.map((el, i) => {
          const box = el.getBoundingClientRect();
          return {
            fits: (i === 0 ? box.bottom - sheet : box.height) <= height,
            breaks: getComputedStyle(el).breakBefore,
          };
        });
      }, printHeight);
      chartPages.forEach((p, i) => {
        expect(p.fits, `${lang} ${flow}: chart page ${i + 1} fits a page`).toBe(true);
        expect(p.breaks, `${lang} ${flow}: chart page ${i + 1} starts a page`).toBe(i === 0 ? 'auto' : 'page');
      });
      const refs = await page.locator('.chart-overview li').evaluateAll((items) =>
        items.flatMap((li) => {
          const m = /第 (\d+) 段（本[單单]第 (\d+) [頁页]）/.exec(li.textContent ?? '');
          return m
            ? [
                {
                  section: m[1],
                  page: m[2],
                  found: document.querySelector(`[data-chart-page="${m[2]}"] [data-section="${m[1]}"]`) !== null,
                },
              ]
            : [];
        }),
      );
      expect(refs.length > 0, `${lang} ${flow}: page references`).toBe(chartPages.length > 1);
      for (const ref of refs)
        expect(ref.found, `${lang} ${flow}: section ${ref.section} on page ${ref.page}`).toBe(true);
      // Two pages; a flow printed in sections takes its pages of charts, then at most two for the rest.
      expect(pages, `${lang} ${flow}: pages`).toBeLessThanOrEqual(chartPages.length > 1 ? chartPages.length + 2 : 2);
      const nodes = await page
        .locator('[data-flowchart] [data-node]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
      // Every state but the escalations generated for "not fixed", which the sheet leaves out.
      const states = (flows[flow].machine.config.states ?? {}) as Record<string, { on?: Record<string, unknown> }>;
      const notFixed = new Set(Object.values(states).map((s) => s.on?.NOT_FIXED));
      expect(new Set(nodes)).toEqual(new Set(Object.keys(states).filter((id) => !notFixed.has(id))));
      const qr = page.locator('[data-qr] svg');
      await qr.scrollIntoViewIfNeeded();
      const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(new URL(`/${lang}/${flowPageId(flow)}/`, siteConfig.site).href);
      for (const field of ['維修人員', '維修時間', '維修內容']) {
        await expect(page.locator('.repair-record').textContent()).resolves.toContain(inLang(lang, field));
      }
      await expect(page.locator('.checklist > li').count()).resolves.toBeGreaterThan(0);
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
