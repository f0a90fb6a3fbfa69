/**
 * One language layer (issue 13): src/i18n/langs.mjs parses and lists the languages, and nothing
 * else in src/ or scripts/ does. Adding a language is a row in that module (plus, if its text is
 * not converted from the source, its strings); the scan below fails on any file that names a
 * language itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commonTag,
  conversionOf,
  defaultLang,
  htmlLang,
  isLang,
  langFromPath,
  langName,
  langs,
  matchLang,
  otherLangs,
  parseLang,
  sourceLang,
} from '../../src/i18n/langs.mjs';

describe('the language module', () => {
  it('lists the languages, the source first, with their tags and names', () => {
    expect(langs).toEqual(['zh-hant', 'zh-hans']);
    expect(sourceLang).toBe('zh-hant');
    expect(defaultLang).toBe('zh-hans');
    expect(commonTag).toBe('zh');
    expect(langs.map(htmlLang)).toEqual(['zh-Hant', 'zh-Hans']);
    expect(langs.map(langName)).toEqual(['繁體中文', '简体中文']);
  });

  it('says how each language is made from the source', () => {
    expect(conversionOf('zh-hant')).toBeNull();
    expect(conversionOf('zh-hans')).toEqual({ from: 'tw', to: 'cn' });
  });

  it('offers the other languages', () => {
    expect(otherLangs('zh-hant')).toEqual(['zh-hans']);
    expect(otherLangs('zh-hans')).toEqual(['zh-hant']);
  });

  it('knows URL segments exactly', () => {
    expect(langs.every(isLang)).toBe(true);
    for (const value of ['zh-Hant', 'zh', 'zh-tw', '', 'toString', undefined, 3]) expect(isLang(value)).toBe(false);
  });

  it('parses free-form tags: region and script subtags, any case, the longest match winning', () => {
    for (const tag of ['zh-Hant', 'zh-hant', 'ZH-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-Hant-CN', ' zh-tw '])
      expect(matchLang(tag), tag).toBe('zh-hant');
    for (const tag of ['zh-Hans', 'zh-CN', 'zh-SG', 'zh', 'ZH', 'zh-Hans-HK', 'zh-Hans-TW', 'zh-Latn', 'zh-yue'])
      expect(matchLang(tag), tag).toBe('zh-hans');
  });

  it('names no language for other tags, and parseLang falls back', () => {
    for (const tag of ['en', 'en-US', 'ja', '', null, undefined, 'zhx', 'x-zh-tw', 'en-zh-TW']) {
      expect(matchLang(tag), String(tag)).toBeUndefined();
      expect(parseLang(tag)).toBe(defaultLang);
      expect(parseLang(tag, 'zh-hant')).toBe('zh-hant');
    }
    expect(parseLang('zh-TW', 'zh-hans')).toBe('zh-hant');
  });

  it('reads the language of a site path', () => {
    expect(langFromPath('/zh-hans/')).toBe('zh-hans');
    expect(langFromPath('/zh-hant/codes/55/')).toBe('zh-hant');
    expect(langFromPath('/zh-hans/embed/network/index.html')).toBe('zh-hans');
    for (const p of ['/', '/zh-hans', '/404.html', '/embed/pos-troubleshooter.js', '/zh-Hans/', 'zh-hans/', '/zh/'])
      expect(langFromPath(p), p).toBeUndefined();
  });
});

/** The module, and the only other files that may name a language. */
const allowed = new Map([
  ['src/i18n/langs.mjs', 'the language module'],
  // Per-language font stacks: CSS cannot import the module; a language without a rule gets the default stack.
  ['src/styles/global.css', 'font stack per script (:lang selector)'],
  ['src/components/embed/EmbedFrame.astro', 'font stack per script (:lang selector), as in global.css'],
  // Prose for flow authors (the published JSON Schema): write labels in the source language.
  ['src/machines/schema.ts', 'a description in the flow schema, not a language check'],
  // Shipped to integrators as it is, so it cannot import the module: the `lang` values in its types.
  ['src/embed/pos-troubleshooter.d.ts', 'the published declarations of the element'],
]);
/** Folders of content (texts, written in the source language) rather than code. */
const contentDirs = ['src/content/'];

const root = path.resolve(__dirname, '../..');
const scanned = ['src', 'scripts'];
const extensions = /\.(ts|mts|js|mjs|astro|css)$/;

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(path.join(root, rel)).isDirectory() ? walk(rel) : extensions.test(name) ? [rel] : [];
  });
}

/** The code of a file without its comments (block, line and HTML comments). */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/**
 * What names a language in code: the language subtag `zh` as a word (`'zh-hant'`, `"zh-TW"`,
 * `/^zh-(hans|cn)/`, `'zh'`), a bare script subtag in quotes (`'Hant'`), or an OpenCC preset
 * written out (`Converter({ from: …`).
 */
const namesALanguage = [/\bzh\b/i, /['"`]han[st]['"`]/i, /Converter\(\s*\{/];

describe('one language layer', () => {
  const files = scanned.flatMap(walk).concat(['astro.config.mjs', 'site.config.mjs']);

  it('scans the code', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of allowed.keys()) expect(files, file).toContain(file);
  });

  it('has no file outside the module that lists, parses or compares languages itself', () => {
    const offenders = files
      .filter((file) => !allowed.has(file) && !contentDirs.some((dir) => file.startsWith(dir)))
      .flatMap((file) =>
        withoutComments(readFileSync(path.join(root, file), 'utf8'))
          .split('\n')
          .filter((line) => namesALanguage.some((re) => re.test(line)))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('finds what it looks for', () => {
    const hits = (code: string) => namesALanguage.some((re) => re.test(withoutComments(code)));
    expect(hits("const l = lang === 'zh-hans' ? a : b;")).toBe(true);
    expect(hits('if (/^zh-(hant|tw)/i.test(tag)) x();')).toBe(true);
    expect(hits('<html lang="zh-Hant">')).toBe(true);
    expect(hits("for (const lang of ['zh-hant', 'zh-hans']) {}")).toBe(true);
    expect(hits("lang: 'zh',")).toBe(true);
    expect(hits("OpenCC.Converter({ from: 'tw', to: 'cn' })")).toBe(true);
    expect(hits('// texts are zh-Hant\nconst x = 1; // zh-hans')).toBe(false);
    expect(hits('/** zh-Hant → zh-Hans */ const y = "https://example.com/x";')).toBe(false);
    expect(hits('import hansPlugin from "./vite-plugin-hans.mjs";')).toBe(false);
  });
});
