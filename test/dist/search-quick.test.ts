import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickIndex } from '../../src/lib/search/quick-index';
import { tiers } from '../../src/lib/search/tiers';
import type { SearchIndex } from '../../src/lib/search/index-port';
import type { SearchData } from '../../src/lib/search/query';
import { search, type Sources } from '../../src/lib/search/ranking';
import { langs } from '../../src/i18n/langs.mjs';
import { dist } from '../e2e/dist';
import { onTopic, readQualitySet } from '../e2e/search-run';

/**
 * The ranking policy over the quick tier as built (dist/search/quick/, from npm run build), its
 * files read from dist/ where the page would fetch them: what a first search answers before any
 * full text (Pagefind is left out here; test/e2e/quality.test.ts runs both tiers in Chromium).
 */
const read = (url: string) => JSON.parse(readFileSync(path.join(dist, url), 'utf8')) as unknown;
const noFullText: SearchIndex = {
  open: async () => {},
  search: async () => [],
  loadFullText: async () => {},
};

/** A fresh search page's sources in `lang`, and every file they read. */
function sources(lang: string): Sources & { files: string[] } {
  const files: string[] = [];
  const data = read(`${lang}/search/data.json`) as SearchData;
  return {
    files,
    index: tiers(
      quickIndex(lang, async (url) => {
        files.push(url);
        return read(url);
      }),
      noFullText,
    ),
    data: async () => data,
  };
}

const urls = async (q: string, lang: string) => (await search(q, '', sources(lang))).hits.map((h) => h.url);

describe('the built quick tier', () => {
  it('finds a page by a word, in either script, and a code by itself', async () => {
    expect(await urls('缺紙', 'zh-hant')).toContain('/zh-hant/hardware/printer/');
    expect(await urls('打印机缺纸', 'zh-hans')).toContain('/zh-hans/hardware/printer/');
    expect((await urls('55', 'zh-hant'))[0]).toBe('/zh-hant/codes/55/');
  });

  it('finds the pages of a sentence’s words when no page holds them all', async () => {
    const found = await search('打印機缺紙了怎麼辦', '', sources('zh-hant'));
    expect(found.hits[0]?.url).toBe('/zh-hant/hardware/printer/');
  });

  it('loads the meta, the shards of the query’s terms and the records of what it shows, never every shard', async () => {
    const from = sources('zh-hant');
    await search('打印機缺紙', '', from);
    const meta = read('zh-hant/search/quick/meta.json') as { shards: number };
    const shards = from.files.filter((f) => /\/q-\d+\.\w+\.json$/.test(f));
    expect(from.files[0]).toMatch(/\/meta\.json$/);
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(meta.shards);
  });

  for (const [file, floor] of [
    ['search-quality.yaml', 0.96],
    ['search-sentences.yaml', 0.985],
  ] as const) {
    it(`answers ${file} from the quick tier alone, in both scripts`, async () => {
      const set = readQualitySet(file);
      const misses: string[] = [];
      let hits = 0;
      const shardCounts: number[] = [];
      for (const lang of langs) {
        for (const item of set) {
          const from = sources(lang);
          const found = (await search(item.q, '', from)).hits.map((h) => h.url);
          shardCounts.push(from.files.filter((f) => /\/q-\d+\.\w+\.json$/.test(f)).length);
          if (onTopic(item, found)) hits += 1;
          else misses.push(`${lang} "${item.q}" → ${found.slice(0, 3).join(', ') || 'nothing'}`);
        }
      }
      const rate = hits / (set.length * langs.length);
      const sorted = shardCounts.sort((a, b) => a - b);
      console.log(
        `${file}, quick tier only: ${(rate * 100).toFixed(1)}% of ${set.length * langs.length}; shards a search loads: median ${sorted[sorted.length >> 1]}, max ${sorted.at(-1)}\n  ${misses.join('\n  ')}`,
      );
      expect(rate).toBeGreaterThanOrEqual(floor);
    });
  }
});
