// @ts-check
/**
 * Debian's Chromium as every script and test launches it (see ../shared/STACK.md): one path and
 * one set of flags for the browser tests, the bench and `npm run pdf`.
 */
import { chromium } from 'playwright-core';

/** Debian's Chromium; override with CHROME_PATH. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the closed network of these machines. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with those flags. */
export function launchChromium() {
  return chromium.launch({ executablePath: chromePath, headless: true, args: chromeArgs });
}
