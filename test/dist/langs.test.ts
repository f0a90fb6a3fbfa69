/** The language module (src/i18n/langs.mjs) in the built site's scripts. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist } from '../e2e/dist';

describe('the language module in the browser', () => {
  it('is copied into each script that uses it, not a shared chunk (one more request)', () => {
    const scripts = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((f) => f.startsWith('langs.'))).toEqual([]);
  });
});
