import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../scripts/bench/corpus.mjs';
import { precacheBytes } from '../../scripts/bench/measure.mjs';
import { langs } from '../../src/i18n/langs.mjs';
import { dist } from './dist';

/**
 * The first visit must not grow with the help centre: the bench's corpus with every article
 * copied ten times, built for real, stores at most 25% more than the 2.5 MB budget of today's
 * size (one ×10 build, about a minute alone).
 */
describe('a first visit at ten times the articles', () => {
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores at most 25% above 2.5 MB in each script', { timeout: 600_000 }, () => {
    const corpus = syntheticCorpus(10);
    dir = corpus.dir;
    const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    const at10 = precacheBytes(path.join(dir, 'dist'));
    const at1 = precacheBytes(dist);
    for (const lang of langs) {
      console.log(
        `first visit in ${lang}: ${(at1[lang].bytes / 1e6).toFixed(2)} MB at 1×, ${(at10[lang].bytes / 1e6).toFixed(2)} MB at 10× (${corpus.articles} articles)`,
      );
      expect(at10[lang].bytes).toBeLessThanOrEqual(2_500_000 * 1.25);
    }
  });
});
