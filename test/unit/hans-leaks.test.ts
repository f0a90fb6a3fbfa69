/**
 * Traditional-only characters must not leak into Simplified text (e.g. 斜著 left where 斜着 is
 * meant). Runs OpenCC (t → cn, and tw → cn) again over every zh-Hans widget text, converted as the build does
 * (the virtual:pos-hans table), and over every built zh-Hans page in dist/, and fails on any
 * character that converting again would change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { flows } from '../../src/machines/registry';
import { widgetUi } from '../../src/i18n/widget';
import { applyHansTable, collectTexts, hansTable } from '../../scripts/vite-plugin-hans.mjs';
import { conversionOf } from '../../src/i18n/langs.mjs';

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
  const texts = new Set<string>();
  for (const flow of Object.values(flows)) {
    collectTexts({ title: flow.title, intro: flow.intro }, texts);
    collectTexts(flow.machine.config, texts);
  }
  collectTexts(widgetUi, texts);
  const table = hansTable(texts, conversionOf('zh-hans')!);

  it('converts every flow state and widget string with nothing left to convert', () => {
    expect(texts.size).toBeGreaterThan(100);
    const found = [...texts].flatMap((t) => leaks(applyHansTable(table, t)));
    expect(found).toEqual([]);
  });
});

const dist = path.resolve('dist/zh-hans');

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

describe.skipIf(!existsSync(dist))('built zh-Hans pages (dist/, from npm run build)', () => {
  it('have no character that converting again would change', () => {
    const found = pages(dist).flatMap((file) =>
      leaks(visibleText(readFileSync(file, 'utf8'))).map((l) => `${path.relative(dist, file)}: ${l}`),
    );
    expect([...new Set(found)].slice(0, 50)).toEqual([]);
  });
});
