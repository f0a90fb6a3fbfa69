import { describe, expect, it } from 'vitest';
import type { Filters, SearchIndex, Tier } from '../../src/lib/search/index-port';
import type { SearchData } from '../../src/lib/search/query';
import { fullTextNext, hasMore, pageSize, search, showMore, type Sources } from '../../src/lib/search/ranking';

/** Pages each tier finds for a search text, best first, by URL. */
type Tiers = Partial<Record<Tier, Record<string, string[]>>>;

/**
 * A fake index: answers from `tiers`, records every search and every fragment loaded, and, like
 * Pagefind, finds nothing in the full tier before it is loaded. A page has one id per tier.
 */
function fakeIndex(tiers: Tiers) {
  const calls = { searches: [] as { text: string | null; filters: Filters }[], loaded: [] as string[], fullText: 0 };
  const index: SearchIndex = {
    open: async () => {},
    async search(text, filters) {
      calls.searches.push({ text, filters });
      if (filters.tier === 'full' && !calls.fullText) throw new Error('the full tier is not loaded');
      if (text === null) return [];
      return (tiers[filters.tier]?.[text] ?? []).map((url) => ({
        id: `${filters.tier}:${url}`,
        load: async () => {
          calls.loaded.push(url);
          return { url, title: `title of ${url}`, category: 'hardware', excerpt: `<mark>${text}</mark>` };
        },
      }));
    },
    loadFullText: async () => {
      calls.fullText += 1;
    },
  };
  return { index, calls };
}

const data: SearchData = {
  codes: [
    { id: '55', meaning: '密碼錯誤', display: ['密碼錯'] },
    { id: 'A0', meaning: 'MAC 校驗錯', display: ['校驗錯'] },
  ],
  codePages: '/zh-hant/codes/',
  chars: { 网: '網', 络: '絡' },
  synonyms: [
    ['POS機', '刷卡機'],
    ['缺紙', '沒紙'],
    ['重複扣款', '扣了兩次'],
    ['網絡連接失敗', '連不上'],
    ['結算', '日結'],
  ],
  filler: ['怎麼辦', '了', '的', '錢', 'POS機', '以後', '之前', '就'],
};

const sourcesOf = (index: SearchIndex): Sources => ({ index, data: async () => data });
const urls = (hits: { url: string }[]) => hits.map((h) => h.url);
const pages = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `/${prefix}${i + 1}/`);

describe('the ranking policy', () => {
  it('answers a bare code from the code list alone, without searching the index', async () => {
    const { index, calls } = fakeIndex({ quick: { A0: ['/elsewhere/'] } });
    const found = await search(' a0 ', '', sourcesOf(index));
    expect(found.hits).toEqual([
      { url: '/zh-hant/codes/a0/', title: 'A0：MAC 校驗錯', category: 'codes', excerpt: '校驗錯', code: true },
    ]);
    expect(calls.searches).toEqual([]);
    expect(calls.fullText).toBe(0);
    expect(hasMore(found)).toBe(false);
  });

  it('puts the code a sentence names first, then what the index finds, each page once', async () => {
    const { index } = fakeIndex({ quick: { 交易: ['/zh-hant/codes/55/', '/a/'], 失敗: ['/a/'] } });
    const found = await search('交易失敗 55', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/zh-hant/codes/55/', '/a/']);
    expect(found.hits[0]!.code).toBe(true);
  });

  it('puts the code whose screen text the query quotes first, and still searches the index', async () => {
    const { index, calls } = fakeIndex({ quick: { 密碼: ['/security/'], 錯誤: ['/security/'] } });
    const found = await search('密碼錯誤', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/zh-hant/codes/55/', '/security/']);
    expect(calls.searches.map((s) => s.text)).toContain('密碼');
  });

  it('converts a query in the other script before searching', async () => {
    const { index, calls } = fakeIndex({ quick: { 網絡: ['/network/'] } });
    const found = await search('网络', '', sourcesOf(index));
    expect(calls.searches[0]).toEqual({ text: '網絡', filters: { tier: 'quick' } });
    expect(urls(found.hits)).toEqual(['/network/']);
  });

  it('searches every informative word at once in the site’s words, then each word in each of its forms', async () => {
    const { index, calls } = fakeIndex({});
    await search('刷卡機沒紙怎麼辦', '', sourcesOf(index));
    const quick = calls.searches.filter((s) => s.filters.tier === 'quick').map((s) => s.text);
    expect(quick[0]).toBe('POS機 缺紙');
    expect(quick).toEqual(expect.arrayContaining(['POS機', '刷卡機', '缺紙', '沒紙']));
    expect(quick.some((q) => q?.includes('怎麼辦'))).toBe(false);
  });

  it('ranks a page holding every word above pages holding one, and says nothing of partial matches then', async () => {
    const { index } = fakeIndex({
      quick: { 'POS機 缺紙': ['/both/'], 缺紙: ['/paper/', '/both/'], POS機: ['/pos/', '/both/'] },
    });
    const found = await search('刷卡機沒紙怎麼辦', '', sourcesOf(index));
    expect(urls(found.hits)[0]).toBe('/both/');
    expect(found.matched).toBeUndefined();
    expect(found.weak).toBe(false);
  });

  it('searches the full text when the quick tier finds nothing', async () => {
    const { index, calls } = fakeIndex({ full: { pbc: ['/provider/'] } });
    const found = await search('pbc', '', sourcesOf(index));
    expect(calls.fullText).toBe(1);
    expect(urls(found.hits)).toEqual(['/provider/']);
    expect(hasMore(found)).toBe(false);
  });

  it('leaves the full text unloaded when the quick tier finds something, until more is asked for', async () => {
    const { index, calls } = fakeIndex({ quick: { 小票: ['/a/', '/b/'] }, full: { 小票: ['/b/', '/c/'] } });
    const found = await search('小票', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/a/', '/b/']);
    expect(calls.fullText).toBe(0);
    expect(calls.searches.every((s) => s.filters.tier === 'quick')).toBe(true);
    expect(fullTextNext(found)).toBe(true);

    const added = await showMore(found);
    expect(calls.fullText).toBe(1);
    expect(urls(added)).toEqual(['/c/']);
    expect(urls(found.hits)).toEqual(['/a/', '/b/', '/c/']);
    expect(hasMore(found)).toBe(false);
  });

  it('ranks the pages of the rarer word first when no page holds every word, and says which words matched', async () => {
    const { index } = fakeIndex({ quick: { 打印機: pages(4), 缺紙: pages(2, 'q') } });
    const found = await search('打印機 缺紙', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/q1/', '/q2/', '/p1/', '/p2/', '/p3/']);
    expect(found.matched).toEqual(['打印機', '缺紙']);
    expect(found.weak).toBe(false);

    // Three words, each on its own page: even the best holds less than half of what was asked.
    const { index: apart } = fakeIndex({ quick: { 打印機: ['/a/'], 紙卷: ['/b/'], 卡紙: ['/c/'] } });
    expect((await search('打印機 紙卷 卡紙', '', sourcesOf(apart))).weak).toBe(true);
  });

  it('weighs how rare a word is among all the pages of the tier, not only among those found', async () => {
    // 結算 on 18 pages, 準備 on 5: among the 23 found, 準備 looks rare; among the tier's 200 pages, both are.
    const { index } = fakeIndex({ quick: { 結算: ['/settlement/', ...pages(17)], 準備: pages(5, 'a') } });
    const inner = index.search.bind(index);
    index.search = async (text, filters) =>
      text === null && !filters.category
        ? pages(200, 'all').map((url) => ({
            id: url,
            load: async () => ({ url, title: url, category: '', excerpt: '' }),
          }))
        : inner(text, filters);
    const found = await search('結算之前準備', '', sourcesOf(index));
    expect(urls(found.hits)[0]).toBe('/settlement/');
  });

  it('counts a word of the synonym table above a plain word that is rarer in the index', async () => {
    // 停電 is on one page of the quick tier, the site's word for 連不上 on three: the sentence is about the network.
    const { index } = fakeIndex({ quick: { 停電: ['/sim-fee/'], 網絡連接失敗: ['/network/', '/n2/', '/n3/'] } });
    const found = await search('停電以後就連不上了', '', sourcesOf(index));
    expect(urls(found.hits)[0]).toBe('/network/');
  });

  it('relaxes a sentence until something matches, naming the words that did', async () => {
    const { index } = fakeIndex({ quick: { 套現: ['/security/'] } });
    const found = await search('有人說幫我提高額度讓我刷卡套現', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/security/']);
    expect(found.matched).toEqual(['套現']);
  });

  it('keeps a synonym phrase whole and drops filler and single characters', async () => {
    const { index, calls } = fakeIndex({ quick: { 重複扣款: ['/transactions/'] } });
    const found = await search('扣了兩次錢', '', sourcesOf(index));
    expect(calls.searches[0]!.text).toBe('重複扣款');
    expect(urls(found.hits)).toEqual(['/transactions/']);
  });

  it('lets a code page count half for a word it shares with an article, unless codes are asked for', async () => {
    const codePage = '/zh-hant/codes/99/';
    const tiers = { quick: { 交易: [codePage, '/article/'], 失敗: [codePage, '/article/'] } };
    const { index } = fakeIndex(tiers);
    const inner = index.search.bind(index);
    index.search = async (text, filters) =>
      text === null && filters.category === 'codes' ? (await inner('交易', filters)).slice(0, 1) : inner(text, filters);
    const found = await search('交易失敗', '', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/article/', codePage]);
  });

  it('shows five results at a time and loads a result’s fragment only when it is shown', async () => {
    const { index, calls } = fakeIndex({ quick: { 交易: pages(12) } });
    const found = await search('交易', '', sourcesOf(index));
    expect(pageSize).toBe(5);
    expect(urls(found.hits)).toEqual(pages(5));
    expect(found.hits.length + found.remaining.length).toBe(12);
    expect(calls.loaded).toEqual(pages(5));
    expect(urls(await showMore(found))).toEqual(pages(10).slice(5));
    expect(urls(await showMore(found))).toEqual(pages(12).slice(10));
    expect(fullTextNext(found)).toBe(true);
    expect(calls.loaded).toEqual(pages(12));
  });

  it('limits every search to the category asked for, and looks up codes only for all categories or codes', async () => {
    const { index, calls } = fakeIndex({ quick: { 55: ['/network/55/'] } });
    const found = await search('55', 'network', sourcesOf(index));
    expect(urls(found.hits)).toEqual(['/network/55/']);
    expect(calls.searches[0]!.filters).toEqual({ tier: 'quick', category: 'network' });

    const codes = await search('55', 'codes', sourcesOf(fakeIndex({}).index));
    expect(urls(codes.hits)).toEqual(['/zh-hant/codes/55/']);
  });

  it('finds nothing, without throwing or searching, for a query of only spaces, punctuation, symbols or emoji', async () => {
    for (const q of ['???', '-', '😀', '。。。', '？', '   ', '!!!🙂', '——', '<>']) {
      const { index, calls } = fakeIndex({});
      const found = await search(q, '', sourcesOf(index));
      expect(found.hits, q).toEqual([]);
      expect(hasMore(found), q).toBe(false);
      expect(calls.searches, q).toEqual([]);
    }
  });
});
