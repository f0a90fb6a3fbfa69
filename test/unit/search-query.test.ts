import { describe, expect, it } from 'vitest';
import {
  applySynonyms,
  convertScript,
  findCodeByMessage,
  findCodeId,
  hasWords,
  normalize,
  searchVariants,
  stripFiller,
} from '../../src/lib/search/query';
import { buildCharMap } from '../../src/lib/search/charmap';
import { synonyms } from '../../src/lib/search/synonyms';

const known = new Set(['14', '45', '51', '55', '96', 'A0']);

describe('reading a query', () => {
  it('finds a bare code, a code after a word for "code", and a code inside a sentence', () => {
    expect(findCodeId('55', known)).toBe('55');
    expect(findCodeId('a0', known)).toBe('A0');
    expect(findCodeId('返回码51', known)).toBe('51');
    expect(findCodeId('應答碼96是什麼意思', known)).toBe('96');
    expect(findCodeId('交易失敗 代碼14', known)).toBe('14');
    expect(findCodeId('ＡＯ', known)).toBeUndefined();
    expect(findCodeId('４５', known)).toBe('45');
  });

  it('does not take numbers that are not codes', () => {
    expect(findCodeId('95516', known)).toBeUndefined();
    expect(findCodeId('4G 沒信號', known)).toBeUndefined();
    expect(findCodeId('99', known)).toBeUndefined();
  });

  it('finds a code by its screen text', () => {
    const codes = [
      { id: '51', meaning: '資金不足', display: ['可用餘額不足', '餘額不足'] },
      { id: '75', meaning: '密碼次數超限', display: ['密碼錯誤次數超限'] },
      {
        id: '38',
        meaning: '超過 PIN 試輸入',
        display: ['密碼錯誤次數超限，請與發卡方聯繫'],
      },
    ];
    expect(findCodeByMessage('餘額不足', codes)?.id).toBe('51');
    expect(findCodeByMessage('密碼錯誤次數超限', codes)?.id).toBe('75');
    expect(findCodeByMessage('打印', codes)).toBeUndefined();
  });

  it('finds a code by a long part of its screen text, and not by a short common part', () => {
    const codes = [
      { id: '95', meaning: '調節控制錯', display: ['交易失敗，請稍後重試'] },
      { id: '96', meaning: '交換中心異常', display: ['拒絕，交換中心異常，請稍後重試'] },
    ];
    // The merchant leaves out 「拒絕，」: eleven characters of the screen text are enough.
    expect(findCodeByMessage('一直提示交換中心異常請稍後重試', codes)?.id).toBe('96');
    // 「請稍後重試」 alone (five characters) is on many codes' screens: not enough to name one.
    expect(findCodeByMessage('付款時說請稍後重試', codes)).toBeUndefined();
  });

  it('normalizes width, spaces and length', () => {
    expect(normalize('  ＰＯＳ機   缺紙 ')).toBe('POS機 缺紙');
    expect(normalize('x'.repeat(1000))).toHaveLength(200);
  });

  it('converts the other script with a map built from the site’s own text', () => {
    const texts = ['網絡故障，打印機缺紙', '簽到失敗'];
    const toHant = buildCharMap(texts, 'zh-hant');
    const toHans = buildCharMap(texts, 'zh-hans');
    expect(convertScript('网络打印机', toHant)).toBe('網絡打印機');
    expect(convertScript('網絡簽到', toHans)).toBe('网络签到');
    expect(Object.keys(toHans).length).toBeLessThan(20);
  });

  it('converts a character the other script shares between two of ours by the site’s own words', () => {
    // 系 is 系 in 系統 and 繫 in 聯繫; 复 is 復 in 恢復 and 複 in 重複.
    const texts = ['請與銀行聯繫', '聯繫客服', '系統日切', '恢復出廠', '恢復', '重複扣款'];
    const toHant = buildCharMap(texts, 'zh-hant');
    expect(convertScript('系统日切', toHant)).toBe('系統日切');
    expect(convertScript('联系银行', toHant)).toBe('聯繫銀行');
    expect(convertScript('重复扣款', toHant)).toBe('重複扣款');
    expect(convertScript('恢复出厂', toHant)).toBe('恢復出廠');
  });

  it('maps colloquial and misspelt words to the site’s words, longest first', () => {
    expect(applySynonyms('刷卡機沒紙', synonyms)).toBe('POS機 缺紙');
    expect(applySynonyms('poss機列印', synonyms)).toContain('打印');
    expect(stripFiller('打印機缺紙怎麼辦？')).toBe('打印機缺紙');
  });

  it('tries the mapped query first and the query as typed after it', () => {
    const variants = searchVariants('刷卡機沒紙了怎麼辦', { chars: {}, synonyms });
    expect(variants[0]).toBe('POS機 缺紙');
    expect(variants.at(-1)).toBe('刷卡機沒紙了怎麼辦');
    expect(searchVariants('？', { chars: {}, synonyms })).toEqual([]);
    // A synonym with a filler character in it (了) is matched before the filler is taken out.
    expect(searchVariants('扣了兩次錢', { chars: {}, synonyms })[0]).toBe('重複扣款 錢');
  });

  // transactions
  it('keeps money words apart from fault words: a frozen account is not a frozen screen, reconciling is not settling', () => {
    expect(applySynonyms('商戶被凍住了', synonyms)).toBe('商戶被 凍結 了');
    expect(applySynonyms('商戶被凍結了', synonyms)).toBe('商戶被凍結了');
    expect(applySynonyms('屏幕凍結', synonyms)).toBe('死機');
    expect(applySynonyms('怎麼對帳', synonyms)).toBe('怎麼 對賬');
    expect(applySynonyms('有人說交錢可以幫我解凍', synonyms)).toBe('有人說交錢可以 解凍');
  });

  it('finds nothing to look up in a query of only punctuation, symbols or emoji', () => {
    for (const q of ['???', '-', '😀', '。。。', '❤️', '👍🏽', '！？…', '☆★']) {
      expect(hasWords(normalize(q)), q).toBe(false);
      expect(searchVariants(q, { chars: {}, synonyms }), q).toEqual([]);
    }
    for (const q of ['55', 'a0', '缺紙', '😀 缺紙', 'POS機？']) expect(hasWords(normalize(q)), q).toBe(true);
  });
});
