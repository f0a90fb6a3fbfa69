/**
 * Traditional-only characters must not leak into Simplified text (e.g. 斜著 left where 斜着 is
 * meant). Runs OpenCC (t → cn, and tw → cn) again over every zh-Hans widget text, converted as the build does
 * (virtual:pos-help/widget-strings), and over every built zh-Hans page in dist/, and fails on any
 * character that converting again would change. Also over the zh-Hans flow files the build
 * writes (dist/embed/flows/zh-hans/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { flows } from '../../src/machines/registry';
import { widgetUi } from '../../src/i18n/widget';
import { dist } from '../e2e/dist';

/**
 * OpenCC t → cn, and tw → cn: t alone leaves the Taiwan form of the particle 著 (斜著) as it is,
 * which is exactly the leak to catch; tw → cn turns it into 着. A Simplified text is clean when
 * neither changes it.
 */
const tToCn = OpenCC.Converter({ from: 't', to: 'cn' });
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const convert = (text: string) => twToCn(tToCn(text));

/** The characters of `text` that converting again changes, with a little context. */
function leaks(text: string): string[] {
  const again = convert(text);
  if (again === text) return [];
  const a = [...text];
  const b = [...again];
  if (a.length !== b.length) return [`${text} → ${again}`];
  return a.flatMap((ch, i) =>
    ch !== b[i] ? [`${a.slice(Math.max(0, i - 3), i + 4).join('')} (${ch} → ${b[i]})`] : [],
  );
}

describe('zh-Hans widget texts', () => {
  it('converts every widget string with nothing left to convert', async () => {
    const table = (await (await import('virtual:pos-help/widget-strings')).default['zh-hans']!()).default;
    expect(Object.keys(table).sort()).toEqual(Object.keys(widgetUi).sort());
    expect(Object.values(table).flatMap(leaks)).toEqual([]);
  });
});

const flowFiles = path.join(dist, 'embed/flows/zh-hans');

describe('built zh-Hans flow files (dist/embed/flows/zh-hans/)', () => {
  it('hold every flow, every text converted with nothing left to convert', () => {
    const files = readdirSync(flowFiles);
    expect(files.map((f) => f.replace(/\..*/, '')).sort()).toEqual(Object.keys(flows).sort());
    const texts = files.flatMap((f) => [...collectTexts(JSON.parse(readFileSync(path.join(flowFiles, f), 'utf8')))]);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.flatMap(leaks)).toEqual([]);
  });
});

/** Every string with a Chinese character anywhere inside `value`. */
function collectTexts(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /[\u3400-\u9fff]/.test(value)) out.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectTexts(v, out);
  return out;
}

const hansPages = path.join(dist, 'zh-hans');

/** Every HTML file under `dir`. */
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
  );

/** The text a reader sees, without what stays Traditional on purpose (lang="zh-Hant", hreflang). */
const visibleText = (html: string): string =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(\w+)\b[^>]*\blang="zh-Hant"[^>]*>[^<]*<\/\1>/g, ' ')
    .replace(/<link\b[^>]*>/g, ' ')
    .replace(/<[^>]*\b(?:title|aria-label|alt|content|placeholder)="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ');

describe('built zh-Hans pages (dist/, from npm run build)', () => {
  it('have no character that converting again would change', () => {
    const files = pages(hansPages);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      leaks(visibleText(readFileSync(file, 'utf8'))).map((l) => `${path.relative(hansPages, file)}: ${l}`),
    );
    expect([...new Set(found)].slice(0, 50)).toEqual([]);
  });
});
