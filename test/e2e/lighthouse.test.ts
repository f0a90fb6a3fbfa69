import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lighthouse from 'lighthouse';
import { launch as launchChrome, type LaunchedChrome } from 'chrome-launcher';
import { baseUrl, chromeArgs, chromePath } from './browser';

let chrome: LaunchedChrome;
beforeAll(async () => {
  chrome = await launchChrome({ chromePath, chromeFlags: ['--headless=new', ...chromeArgs] });
});
afterAll(async () => {
  chrome?.kill();
});

const pages = [
  ['home', '/zh-hans/'],
  ['a fault article with its troubleshooter', '/zh-hant/network/'],
  ['a code page', '/zh-hans/codes/55/'],
];

describe('Lighthouse (mobile)', () => {
  it.each(pages)(
    'scores %s 100 for accessibility, best practices and SEO, and at least 95 for performance',
    async (_name, path) => {
      // The sites' hreflang and canonical name the deployer's host; Lighthouse checks they are absolute, not reachable.
      const result = await lighthouse(`${baseUrl()}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        formFactor: 'mobile',
        screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
      });
      const categories = result!.lhr.categories;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failing = Object.values(result!.lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      const scores = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      };
      console.log(`lighthouse ${path}: ${JSON.stringify(scores)} failing: ${failing.join(', ')}`);
      expect(scores.accessibility).toBe(100);
      expect(scores.bestPractices).toBe(100);
      expect(scores.seo).toBe(100);
      expect(scores.performance).toBeGreaterThanOrEqual(95);
    },
    180_000,
  );
});
