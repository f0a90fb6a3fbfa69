import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/lib/pick-language';
import { themeCss } from '../../scripts/vite-plugin-theme.mjs';

describe('the language choice at /', () => {
  it('sends Taiwan, Hong Kong, Macau and zh-Hant browsers to zh-hant, everyone else to zh-hans', () => {
    for (const first of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW']) {
      expect(pickLanguage([first, 'en'])).toBe('zh-hant');
    }
    for (const first of ['zh-CN', 'zh', 'zh-SG', 'en-US', '']) expect(pickLanguage([first])).toBe('zh-hans');
    expect(pickLanguage([])).toBe('zh-hans');
  });

  it('follows the first preference only', () => {
    expect(pickLanguage(['en-US', 'zh-TW'])).toBe('zh-hans');
  });
});

describe('the theme stylesheet built from site.config.mjs', () => {
  it('sets the colours as custom properties', () => {
    expect(themeCss({ accent: '#0b5cad', accentText: '#fff', accentDark: 'rgb(122 184 255)' })).toBe(
      ':root{--accent:#0b5cad;--accent-text:#fff;--accent-dark:rgb(122 184 255)}\n',
    );
  });

  it('refuses a value that is not a colour, naming the field and the fix', () => {
    expect(() => themeCss({ accent: 'red}body{display:none', accentText: '#fff', accentDark: '#000' })).toThrow(
      /colors\.accent .*not a CSS colour. Write it like '#0b5cad'/,
    );
  });
});
