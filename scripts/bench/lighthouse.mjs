// @ts-check
/**
 * Lighthouse (mobile) on the pages that stand for the site, shared by the browser test, which
 * asserts the categories that do not depend on timing (accessibility, best practices, SEO), and
 * by `npm run bench`, which reports performance: that score is computed from measured times, so
 * it depends on the machine's CPU and load and is read, never asserted.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromeArgs, chromePath } from '../chromium.mjs';
import { defaultLang, sourceLang } from '../../src/i18n/langs.mjs';

/** The pages audited: [what it stands for, path], in both the default and the source language. */
export const lighthousePages = /** @type {const} */ ([
  ['home', `/${defaultLang}/`],
  ['a fault article with its troubleshooter', `/${sourceLang}/network/`],
  ['a code page', `/${defaultLang}/codes/55/`],
]);

/** Starts the Chromium that Lighthouse drives. */
export const launchForLighthouse = () => launch({ chromePath, chromeFlags: ['--headless=new', ...chromeArgs] });

/**
 * Audits one URL as a phone would load it.
 * @param {string} url
 * @param {number} port the Chromium's debugging port
 * @param {string[]} categories
 */
export async function audit(url, port, categories) {
  // The site's hreflang and canonical name the deployer's host; Lighthouse checks they are absolute, not reachable.
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
    formFactor: 'mobile',
    screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories: scored, audits } = result.lhr;
  /** @type {Record<string, number>} */
  const scores = Object.fromEntries(Object.entries(scored).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  /** @param {string} id */
  const ms = (id) => Math.round(audits[id]?.numericValue ?? 0);
  const metrics = {
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
  };
  return { scores, failing, metrics };
}
