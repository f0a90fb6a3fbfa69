import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from 'virtual:pos-help/config';
import raw from '../../site.config.mjs';
import { parseSiteConfig, siteConfig } from '../../scripts/site-config.mjs';

/** A copy of the real config with `change` applied (a field set to `undefined` is left out). */
function withChange(change: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...raw, ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete copy[key];
  return copy;
}

/** The message parseSiteConfig throws for `value` (fails the test if it does not throw). */
function problem(value: unknown): string {
  try {
    parseSiteConfig(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const colors = { accent: '#0b5cad', accentText: '#ffffff', accentDark: '#7ab8ff' };

describe('site.config.mjs, checked once', () => {
  it('accepts the real config, and hands the same object to the server as virtual:pos-help/config', () => {
    expect(parseSiteConfig(raw)).toEqual(raw);
    expect(config).toEqual(siteConfig);
  });

  it('accepts the other documented forms: a path, a hotline, origins, any site', () => {
    const ok = parseSiteConfig(
      withChange({
        site: 'https://bank.example/pos/help/',
        hotline: '400-123-4567',
        embedOrigins: ['https://portal.bank.example', 'http://localhost:8080'],
        colors: { accent: 'rgb(11 92 173)', accentText: 'white', accentDark: '#7ab8ff' },
      }),
    );
    expect(ok.site).toBe('https://bank.example/pos/help/');
    expect(parseSiteConfig(withChange({ hotline: '95516', embedOrigins: ['*'] })).hotline).toBe('95516');
    expect(parseSiteConfig(withChange({ hotline: '+852-2345-6789' })).hotline).toBe('+852-2345-6789');
    expect(parseSiteConfig(withChange({ embedOrigins: undefined })).embedOrigins).toEqual([]);
  });

  // Each bad field: the message names the file, the field, the fix and what it found.
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'site without a scheme',
      { site: 'help.bank.example' },
      /^site\.config\.mjs: site must be the absolute URL .*'https:\/\/help\.bank\.example\/'.*; got "help\.bank\.example"\.$/,
    ],
    [
      'site with a query',
      { site: 'https://bank.example/?a=1' },
      /^site\.config\.mjs: site must be the absolute URL .*no query.*; got "https:\/\/bank\.example\/\?a=1"\.$/,
    ],
    [
      'site on ftp',
      { site: 'ftp://bank.example/' },
      /^site\.config\.mjs: site must be .*; got "ftp:\/\/bank\.example\/"\.$/,
    ],
    [
      'deployerName empty',
      { deployerName: '  ' },
      /^site\.config\.mjs: deployerName must be the bank's or acquirer's name .*; got " {2}"\.$/,
    ],
    [
      'deployerName missing',
      { deployerName: undefined },
      /^site\.config\.mjs: deployerName must be .*; got nothing \(the field is missing\)\.$/,
    ],
    [
      'shortName too long',
      { shortName: 'POS 終端自助服務中心（測試銀行）' },
      /^site\.config\.mjs: shortName must be at most 12 characters .*; got "POS 終端自助服務中心（測試銀行）"\.$/,
    ],
    [
      'hotline in words',
      { hotline: 'call 95516' },
      /^site\.config\.mjs: hotline must be a phone number like 95516 or 400-123-4567 .*; got "call 95516"\.$/,
    ],
    [
      'hotline as a number',
      { hotline: 95516 },
      /^site\.config\.mjs: hotline must be a phone number like 95516 .*; got 95516\.$/,
    ],
    [
      'hotline without hours',
      { hotline: '95516', hotlineHours: '' },
      /^site\.config\.mjs: hotlineHours must say when the hotline answers.*; got ""\.$/,
    ],
    [
      'a colour that is CSS injection',
      { colors: { ...colors, accent: 'red}body{display:none' } },
      /^site\.config\.mjs: colors\.accent must be a CSS colour for links and buttons, like '#0b5cad'; got "red}body{display:none"\.$/,
    ],
    [
      'a colour missing',
      { colors: { accent: '#000', accentText: '#fff' } },
      /^site\.config\.mjs: colors\.accentDark must be a CSS colour .*; got nothing/,
    ],
    [
      'colors misspelt inside',
      { colors: { ...colors, acent: '#000' } },
      /^site\.config\.mjs: colors has an unknown field "acent" \(misspelt\?\); delete it or correct its name/,
    ],
    [
      'embedOrigins as a string',
      { embedOrigins: 'https://portal.bank.example' },
      /^site\.config\.mjs: embedOrigins must be a list of origins .*\['https:\/\/portal\.bank\.example'\].*; got "https:\/\/portal\.bank\.example"\.$/,
    ],
    [
      'an origin with a path',
      { embedOrigins: ['https://portal.bank.example/pos/'] },
      /^site\.config\.mjs: embedOrigins\[0\] must be an origin: scheme and host.*no path, no trailing slash.*; got "https:\/\/portal\.bank\.example\/pos\/"\.$/,
    ],
    [
      'an origin smuggling a CSP source',
      { embedOrigins: ["https://a.example; script-src 'unsafe-inline'"] },
      /^site\.config\.mjs: embedOrigins\[0\] must be an origin/,
    ],
    ['a misspelt field', { colours: colors }, /^site\.config\.mjs: has an unknown field "colours" \(misspelt\?\)/],
  ];

  for (const [name, change, message] of cases) {
    it(`refuses ${name}, naming the field and the fix`, () => {
      expect(problem(withChange(change))).toMatch(message);
    });
  }

  it('lists every problem at once, one line each', () => {
    const lines = problem(withChange({ site: '/', hotline: 'x' })).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^site\.config\.mjs: site /);
    expect(lines[1]).toMatch(/^site\.config\.mjs: hotline /);
  });

  it('refuses a file that exports no object', () => {
    expect(problem(undefined)).toMatch(/^site\.config\.mjs: the file must export default an object: \{ site, /);
  });

  it('is imported raw by scripts/site-config.mjs only', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const walk = (rel: string): string[] =>
      statSync(path.join(root, rel)).isDirectory()
        ? readdirSync(path.join(root, rel)).flatMap((name) => walk(`${rel}/${name}`))
        : /\.(m?[jt]s|astro)$/.test(rel)
          ? [rel]
          : [];
    const files = ['src', 'scripts'].flatMap(walk).concat(['astro.config.mjs', 'vitest.config.ts']);
    expect(files).toContain('scripts/site-config.mjs');
    const importers = files.filter((file) =>
      /\bfrom\s+['"][./]*site\.config\.mjs['"]|import\(\s*['"][./]*site\.config\.mjs/.test(
        readFileSync(path.join(root, file), 'utf8'),
      ),
    );
    expect(importers).toEqual(['scripts/site-config.mjs']);
  });
});
