import { describe, expect, it } from 'vitest';
import { canRunPagefind, searchPages, withFallback, type FallbackPage } from '../../src/lib/search/fallback';
import type { SearchIndex } from '../../src/lib/search/index-port';

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
