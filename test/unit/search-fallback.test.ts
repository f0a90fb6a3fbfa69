import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canRunPagefind,
  fallbackIndex,
  searchPages,
  withFallback,
  type FallbackPage,
} from '../../src/lib/search/fallback';
import type { SearchIndex } from '../../src/lib/search/index-port';
import type { SearchData } from '../../src/lib/search/query';
import { search, type Sources } from '../../src/lib/search/ranking';

const pages: FallbackPage[] = [
  {
    url: '/zh-hant/hardware/printer/',
    title: '打印機缺紙、小票空白或卡紙',
    category: 'hardware',
    summary: '缺紙、小票空白、卡紙時，按這幾步處理。',
    messages: ['打印機缺紙', '打印機異常'],
  },
  {
    url: '/zh-hant/network/',
    title: '網絡故障：通訊失敗、連不上主機',
    category: 'network',
    summary: '終端提示通訊失敗、連接主機失敗時，先看信號。',
    messages: ['通訊失敗', '連接主機失敗'],
  },
];

describe('searchPages (the small index where Pagefind cannot run)', () => {
  it('finds a page by a word of its title, its screen messages or its summary', () => {
    expect(searchPages(pages, '缺紙').map((p) => p.url)).toEqual(['/zh-hant/hardware/printer/']);
    expect(searchPages(pages, '通訊失敗').map((p) => p.url)).toEqual(['/zh-hant/network/']);
    expect(searchPages(pages, '信號').map((p) => p.url)).toEqual(['/zh-hant/network/']);
  });

  it('finds a sentence most of whose character pairs a page holds', () => {
    expect(searchPages(pages, '打印機缺紙了').map((p) => p.url)).toEqual(['/zh-hant/hardware/printer/']);
  });

  it('needs every word, keeps to the category, and finds nothing for nonsense', () => {
    expect(searchPages(pages, '缺紙 通訊失敗')).toEqual([]);
    expect(searchPages(pages, '缺紙', 'network')).toEqual([]);
    expect(searchPages(pages, 'zzqqxx')).toEqual([]);
  });

  it('lists every page of a category when asked for no words (the ranking policy asks so for the code pages)', () => {
    expect(searchPages(pages, null, 'network').map((p) => p.url)).toEqual(['/zh-hant/network/']);
    expect(searchPages(pages, null)).toHaveLength(2);
  });
});

describe('withFallback', () => {
  const index = (name: string, fail = false): SearchIndex & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      async open() {
        calls.push('open');
        if (fail) throw new Error(`${name} cannot run`);
      },
      async search() {
        calls.push('search');
        return [{ id: name, load: async () => ({ url: name, title: name, category: '', excerpt: '' }) }];
      },
      async loadFullText() {},
    };
  };

  it('uses Pagefind where it runs, and the small index from its first failure on', async () => {
    expect(canRunPagefind()).toBe(true); // Node's V8 has WebAssembly reference types
    const pagefind = index('pagefind', true);
    const small = index('small');
    const search = withFallback(pagefind, () => small);
    await search.open();
    expect((await search.search('x', { tier: 'quick' }))[0]!.id).toBe('small');
    expect(pagefind.calls).toEqual(['open']);
    expect(small.calls).toEqual(['open', 'search']);
  });

  it('keeps Pagefind while it works', async () => {
    const search = withFallback(index('pagefind'), () => index('small'));
    await search.open();
    expect((await search.search('x', { tier: 'quick' }))[0]!.id).toBe('pagefind');
  });
});

/**
 * The ranking policy over the small index as built (dist/, from npm run build), as an engine
 * without Pagefind searches: its files are read from dist/ where the page would fetch them.
 */
const built = path.resolve('dist');
describe.skipIf(!existsSync(path.join(built, 'zh-hant/search/pages.json')))('the built small index', () => {
  const sources = (lang: string): Sources => {
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(path.join(built, url))));
    const data = JSON.parse(readFileSync(path.join(built, lang, 'search/data.json'), 'utf8')) as SearchData;
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
