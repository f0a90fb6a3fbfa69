import { describe, expect, it } from 'vitest';
import { floorProblems } from '../../scripts/floor-check.mjs';
import { distFiles, readDist } from './dist';

/**
 * Every script the site ships (pages, widget, embed bundle and its flows, Pagefind's client and
 * worker, the service worker) parses in the browser floor's engines: Chromium 78, Safari 13,
 * Firefox 78 (README, "Browsers"). test/e2e/old-engines.test.ts runs the site in real Chromium 78
 * and 86 besides.
 */
describe('browser floor', () => {
  it('every shipped JavaScript file parses in Chromium 78, Safari 13 and Firefox 78', async () => {
    const scripts = (await distFiles()).filter((f) => /\.m?js$/.test(f) && !f.startsWith('pdf/'));
    expect(scripts.length).toBeGreaterThan(20);
    expect(scripts).toEqual(expect.arrayContaining(['sw.js', 'pagefind/pagefind.js', 'embed/pos-troubleshooter.js']));
    const problems = scripts.flatMap((file) => floorProblems(readDist(file)).map((p) => `dist/${file}: ${p}`));
    expect(problems).toEqual([]);
  });
});
