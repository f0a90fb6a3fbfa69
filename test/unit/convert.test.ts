import { describe, expect, it } from 'vitest';
import { htmlInLang, inLang } from '../../src/lib/convert';

describe('script conversion', () => {
  it('converts characters and keeps mainland vocabulary', () => {
    expect(inLang('zh-hans', '網絡故障，請先簽到；打印機缺紙。程序')).toBe('网络故障，请先签到；打印机缺纸。程序');
  });

  it('converts a page but keeps the link to the Traditional page as written', () => {
    const html =
      '<html lang="zh-Hans"><head><link rel="alternate" hreflang="zh-Hant" href="https://x/zh-hant/a/"></head>' +
      '<body><a href="/zh-hant/network/">網絡</a><a href="/zh-hant/a/" lang="zh-Hant">繁體中文</a></body></html>';
    const out = htmlInLang('zh-hans', html);
    expect(out).toContain('<a href="/zh-hans/network/">网络</a>');
    expect(out).toContain('<a href="/zh-hant/a/" lang="zh-Hant">繁體中文</a>');
    expect(out).toContain('hreflang="zh-Hant" href="https://x/zh-hant/a/"');
  });

  it('leaves text in the source language as it is', () => {
    expect(inLang('zh-hant', '網絡故障')).toBe('網絡故障');
    expect(htmlInLang('zh-hant', '<p>網絡</p>')).toBe('<p>網絡</p>');
  });
});
