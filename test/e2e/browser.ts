import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dist } from './dist';

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

/**
 * The origin the embed bundle was built for (`site`): it loads its flows from there, whoever loads
 * the bundle (dist/embed/manifest.json says where).
 */
export const embedSiteOrigin = (): string =>
  new URL((JSON.parse(readFileSync(path.join(dist, 'embed/manifest.json'), 'utf8')) as { flows: string }).flows).origin;

/** Answers the requests of `context` to the bundle's site with the built site the tests serve, as that host would. */
export async function serveSiteOrigin(context: BrowserContext): Promise<void> {
  await context.route(`${embedSiteOrigin()}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${baseUrl()}${url.pathname}` });
    await route.fulfill({ response });
  });
}
