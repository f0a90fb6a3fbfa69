import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/lib/search/index-port';
import type { SearchData } from '../../src/lib/search/query';
import { search } from '../../src/lib/search/ranking';
import { synonyms } from '../../src/lib/search/synonyms';
import { filler } from '../../src/lib/search/filler';

/** An index whose only page holds only the site's own word. */
const indexOf = (word: string, url: string): SearchIndex => ({
  open: async () => {},
  search: async (text) =>
    text === word ? [{ id: url, load: async () => ({ url, title: url, category: '', excerpt: '' }) }] : [],
  loadFullText: async () => {},
});

const dataWith = (rows: string[][]): SearchData => ({ codes: [], codePages: '/c/', chars: {}, synonyms: rows, filler });

/**
 * The merchants' words of issue 19: each row is needed. With the table, a query in the merchant's
 * word finds the page that uses the site's word; without the rows holding that word, it does not.
 */
/** A synonym row, a query in the merchant's word, and the site's word it must reach. */
type Case = { group: string; q: string; siteWord: string };
const cases: Case[] = [
  { group: '刷卡機 / POS機 / 機器 / 終端', q: '刷卡機', siteWord: 'POS機' },
  { group: '小票 / 簽購單 / 憑條', q: '憑條打不出來', siteWord: '小票' },
  { group: '到賬 / 入賬 / 回款', q: '回款很慢', siteWord: '到賬' },
  { group: '死機 / 卡住 / 卡死 / 沒反應', q: '刷卡的時候卡住不動了', siteWord: '死機' },
  { group: '閃退 / 應用停止', q: '收銀應用停止了', siteWord: '閃退' },
  { group: '插卡 / 芯片 / IC卡', q: '顧客插卡付款', siteWord: '芯片' },
  { group: '揮卡 / 閃付 / 非接', q: '揮卡付款', siteWord: '閃付' },
  { group: '冒充 / 假客服', q: '假客服打電話來', siteWord: '冒充' },
];

/**
 * Rows added for sentences of test/search-sentences.yaml, or queries of test/search-quality.yaml,
 * that found no page on their topic (each `q` is one, in the source script): the row is what
 * makes it find the page.
 */
const fromSentences: Case[] = [
  { group: '小票空白 / 印不出', q: '熱敏紙是不是裝反了所以印不出字', siteWord: '小票空白' },
  { group: '移機 / 搬到', q: '店要搬到別的地方機器能帶走嗎', siteWord: '移機' },
  { group: '註銷 / 不做生意', q: '不做生意了機器怎麼退', siteWord: '註銷' },
  { group: '申請 / 新開的店', q: '新開的店怎麼才能收信用卡', siteWord: '申請' },
  { group: '不明交易 / 不是我做的', q: '賬單裡有幾筆不是我做的交易', siteWord: '不明交易' },
  { group: '讀卡 / 刷不了', q: '每張卡都刷不了是機器的問題還是卡的問題', siteWord: '讀卡' },
  { group: '黑屏 / 一直重啟', q: '開機一直重啟', siteWord: '黑屏' },
];

describe('the synonym table', () => {
  it.each([...cases, ...fromSentences])(
    '$group: 「$q」 finds the page with 「$siteWord」 only through its row',
    async ({ q, siteWord }) => {
      const index = indexOf(siteWord, '/page/');
      const withRows = await search(q, '', { index, data: async () => dataWith(synonyms) });
      expect(withRows.hits.map((h) => h.url)).toEqual(['/page/']);
      const typed = synonyms.flat().filter((w) => q.includes(w) && w !== siteWord);
      const without = synonyms.filter((row) => !row.some((w) => typed.includes(w)));
      const found = await search(q, '', { index, data: async () => dataWith(without) });
      expect(found.hits).toEqual([]);
    },
  );
});
