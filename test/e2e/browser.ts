import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { inject } from 'vitest';

export { chromeArgs, chromePath } from '../../scripts/chromium.mjs';

/** Base URL of the built site served for the tests. */
export const baseUrl = () => inject('baseUrl');

/** Launches headless Chromium (Debian's, with the shared flags). */
export const launch = (): Promise<Browser> => launchChromium();

/** A page whose console errors and uncaught exceptions are collected in `errors`. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/**
 * Waits for running CSS animations to finish, in the page and in open shadow roots (the widget
 * fades each step in), so checks see what stays on screen rather than a frame of the fade.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    await Promise.all(roots.flatMap((r) => r.getAnimations()).map((a) => a.finished));
  });
}
