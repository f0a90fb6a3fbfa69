import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fallbackIndex } from '../../src/lib/search/fallback';
import type { SearchData } from '../../src/lib/search/query';
import { search, type Sources } from '../../src/lib/search/ranking';
import { dist } from '../e2e/dist';

/**
 * The ranking policy over the small index as built (dist/, from npm run build), as an engine
 * without Pagefind searches: its files are read from dist/ where the page would fetch them.
 */
describe('the built small index', () => {
  const sources = (lang: string): Sources => {
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(path.join(dist, url))));
    const data = JSON.parse(readFileSync(path.join(dist, lang, 'search/data.json'), 'utf8')) as SearchData;
    return { index: fallbackIndex(lang), data: async () => data };
  };
  afterEach(() => vi.unstubAllGlobals());
  const urls = async (q: string, lang: string) => (await search(q, '', sources(lang))).hits.map((h) => h.url);

  it('finds a page by a word, in either script, and a code by itself', async () => {
    expect(await urls('缺紙', 'zh-hant')).toContain('/zh-hant/hardware/printer/');
    expect(await urls('打印机缺纸', 'zh-hans')).toContain('/zh-hans/hardware/printer/');
    expect((await urls('55', 'zh-hant'))[0]).toBe('/zh-hant/codes/55/');
  });

  it('finds the pages of a sentence’s words when no page holds them all', async () => {
    const found = await search('打印機缺紙了怎麼辦', '', sources('zh-hant'));
    expect(found.hits[0]?.url).toBe('/zh-hant/hardware/printer/');
  });
});
