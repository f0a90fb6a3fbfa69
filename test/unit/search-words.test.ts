import { describe, expect, it } from 'vitest';
import { bigrams, concepts, segmenter } from '../../src/lib/search/words';
import { filler } from '../../src/lib/search/filler';
import { synonyms } from '../../src/lib/search/synonyms';
import { findCodeId } from '../../src/lib/search/query';
import { commonTag } from '../../src/i18n/langs.mjs';

const words = (q: string, segment = segmenter(commonTag)) => concepts(q, synonyms, filler, segment).map((c) => c.text);

describe('the words of a sentence', () => {
  it('segments a sentence into its informative words, filler dropped', () => {
    expect(words('機器刷卡的時候卡住不動了')).toEqual(['刷卡', '卡住', '不動了']);
    expect(words('打印機缺紙怎麼辦？')).toEqual(['打印機', '缺紙']);
    expect(words('有人說幫我提高額度讓我刷卡套現')).toContain('套現');
    expect(words('請問怎麼辦呢')).toEqual([]);
  });

  it('keeps the site’s words for a colloquial one, and the word typed, as alternatives', () => {
    const [stuck] = concepts('卡住', synonyms, filler, segmenter(commonTag));
    expect(stuck).toEqual({ text: '卡住', alts: ['死機', '卡住'], known: true });
    // A word in two rows stands for both.
    const [none] = concepts('沒反應', synonyms, filler, segmenter(commonTag));
    expect(none!.alts).toEqual(expect.arrayContaining(['黑屏', '死機', '沒反應']));
  });

  it('searches a run of characters the dictionary splits as one word', () => {
    expect(words('換了新的路由器以後')).toContain('路由器');
    expect(words('機器報修要等多久')).toEqual(['報修']);
  });

  it('ends a word at a space or a punctuation mark', () => {
    // The segmenter finds no word in 紙卷 or 卡紙 here: each is a run of single characters.
    const single = (text: string) => [...text].filter((ch) => ch.trim());
    expect(concepts('紙卷 卡紙，字淡', [], [], single).map((c) => c.text)).toEqual(['紙卷', '卡紙', '字淡']);
  });

  it('drops amounts, years, counts and rates', () => {
    expect(words('每個月扣我39塊錢是什麼費用')).not.toContain('39');
    expect(words('2024年辦的機器').some((w) => w.includes('2024'))).toBe(false);
    expect(words('我的費率是0.6還是0.38怎麼查').some((w) => /^[0-9.]+$/.test(w))).toBe(false);
  });

  it('falls back to overlapping two-character pieces where the browser has no segmenter', () => {
    expect(bigrams('卡住不動')).toEqual(['卡住', '住不', '不動']);
    expect(bigrams('4G 缺紙')).toEqual(['4G', '缺紙']);
    const pieces = words('打印機缺紙', bigrams);
    expect(pieces).toContain('打印機');
    expect(pieces).toContain('缺紙');
  });
});

describe('a code is a code', () => {
  const known = new Set(['05', '12', '38', '39', '51', '55', '60', '99', 'A0']);
  it('reads a bare code, a code after a word for it, and one standing apart', () => {
    expect(findCodeId('55', known)).toBe('55');
    expect(findCodeId('應答碼 55', known)).toBe('55');
    expect(findCodeId('返回碼55', known)).toBe('55');
    expect(findCodeId('錯誤碼 A0', known)).toBe('A0');
    expect(findCodeId('提示 55', known)).toBe('55');
    expect(findCodeId('提示 05 交易失敗請聯繫發卡行', known)).toBe('05');
    expect(findCodeId('交易失敗 12', known)).toBe('12');
  });

  it('does not read an amount, a year, a count, a rate or a phone number as a code', () => {
    for (const q of [
      '每個月扣我39塊錢是什麼費用',
      '流量卡年費99元要不要交',
      '第一次刷卡就被扣了99塊',
      '刷1萬塊錢扣了60塊手續費正常嗎',
      '我的費率是0.6還是0.38怎麼查',
      '2024年辦的機器現在說要收年費',
      '打了95516也沒用',
      '刷了 55 元',
      '輸了 12 次',
    ])
      expect(findCodeId(q, known), q).toBeUndefined();
  });
});
