import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChrome } from 'chrome-launcher';
import { audit, launchForLighthouse, lighthousePages } from '../../scripts/bench/lighthouse.mjs';
import { baseUrl } from './browser';

let chrome: LaunchedChrome;
beforeAll(async () => {
  chrome = await launchForLighthouse();
});
afterAll(async () => {
  chrome?.kill();
});

// Performance is scored from measured times, so it depends on the machine: `npm run bench`
// reports it for these same pages. The categories asserted here do not depend on timing.
describe('Lighthouse (mobile)', () => {
  it.each(lighthousePages)(
    'scores %s 100 for accessibility, best practices and SEO',
    async (_name, path) => {
      const { scores, failing } = await audit(`${baseUrl()}${path}`, chrome.port, [
        'accessibility',
        'best-practices',
        'seo',
      ]);
      console.log(`lighthouse ${path}: ${JSON.stringify(scores)} failing: ${failing.join(', ')}`);
      expect(scores).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
    },
    180_000,
  );
});
