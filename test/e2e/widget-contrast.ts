/**
 * Contrast of what the widget renders, from computed colours: every text against the background
 * it sits on (4.5:1), every border against what surrounds the element, and every focus ring
 * reached with the Tab key against the background it is drawn on (3:1). Colours are resolved by
 * painting them on a canvas, so any CSS colour syntax (color-mix, light-dark, system colours) counts
 * as the browser drew it.
 */
import type { Page } from 'playwright-core';

/** Problems found in the widget's panel as it is now (empty when all is readable). */
export function panelContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('pos-troubleshooter')!;
    const panel = host.shadowRoot!.querySelector<HTMLElement>('[part~="container"]')!;
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], under: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!));
    const parentOf = (el: Element): Element | null =>
      el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    /** The opaque colour behind `el`: its own and its ancestors' backgrounds, composed. */
    const behind = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = parentOf(e)) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg[3]! > 0) layers.push(bg);
        if (bg[3] === 1) break;
      }
      return layers.reduceRight((under, top) => over(top, under), [255, 255, 255]);
    };
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (fg: string, el: Element | null) => {
      const bg = behind(el);
      const a = lum(over(rgba(fg), bg));
      const b = lum(bg);
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const where = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}「${(el.textContent ?? '').trim().slice(0, 12)}」`;
    const problems: string[] = [];
    for (const el of [panel, ...panel.querySelectorAll('*')]) {
      const box = el.getBoundingClientRect();
      if (!el.checkVisibility() || box.width < 2 || box.height < 2) continue;
      const style = getComputedStyle(el);
      const hasText =
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) ||
        ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value);
      if (hasText) {
        const r = ratio(style.color, el);
        if (r < 4.5) problems.push(`text ${where(el)} ${r.toFixed(2)}:1`);
      }
      for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
        if (style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none') continue;
        if (parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) === 0) continue;
        const r = ratio(style.getPropertyValue(`border-${side.toLowerCase()}-color`), parentOf(el));
        if (r < 3) problems.push(`border-${side.toLowerCase()} ${where(el)} ${r.toFixed(2)}:1`);
      }
    }
    return problems;
  });
}

/** Tabs through the widget (from its first control) and checks each focus ring; returns problems and how many were seen. */
export async function focusRings(page: Page, minRatio = 3): Promise<{ problems: string[]; seen: number }> {
  const problems: string[] = [];
  let seen = 0;
  await page.evaluate(() => {
    const root = document.querySelector('pos-troubleshooter')!.shadowRoot!;
    root.querySelector<HTMLElement>('h2, h3, h4, h5, h6, .thanks')!.focus();
  });
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate((min) => {
      const host = document.querySelector('pos-troubleshooter')!;
      if (document.activeElement !== host) return null;
      const el = host.shadowRoot!.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const name = `${el.tagName.toLowerCase()}「${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 10)}」`;
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return `${name}: no focus ring`;
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      const rgb = (css: string) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      let bgEl: Element | null = el.parentElement;
      let bg = [255, 255, 255];
      while (bgEl) {
        const c = getComputedStyle(bgEl).backgroundColor;
        if (!/^rgba\(.*, 0\)$|^transparent$/.test(c)) {
          bg = rgb(c);
          break;
        }
        bgEl = bgEl.parentElement ?? ((bgEl.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
      }
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const a = lum(rgb(style.outlineColor));
      const b = lum(bg);
      const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return r < min ? `${name}: focus ring ${r.toFixed(2)}:1` : '';
    }, minRatio);
    if (ring === null) break;
    seen++;
    if (ring) problems.push(ring);
  }
  return { problems, seen };
}
