import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** One item of a quality set (test/search-quality.yaml, test/search-sentences.yaml). */
export interface QualityItem {
  q: string;
  /** The page's category that must be in the top three (any one of a list). */
  category?: string[];
  /** The code whose page must be there (first, in the keyword set; in the top three, for sentences). */
  code?: string[];
  /** The sentence holds a number that is not a code: no code page may come first. */
  notCode?: boolean;
}

const list = (x: unknown): string[] | undefined =>
  x === undefined ? undefined : (Array.isArray(x) ? x : [x]).map((v) => String(v));

/** Reads a quality set from test/. */
export function readQualitySet(file: string): QualityItem[] {
  const raw = parse(readFileSync(path.resolve(import.meta.dirname, '..', file), 'utf8')) as Record<string, unknown>[];
  return raw.map((x) => ({
    q: String(x.q),
    category: list(x.category),
    code: list(x.code)?.map((c) => c.padStart(2, '0')),
    notCode: x.notCode === true,
  }));
}

/** What a search page showed: results in order, whether it said "nothing", and its status line. */
export interface Shown {
  results: { href: string; text: string }[];
  empty: boolean;
  status: string;
}

/** Opens the search page for `q` as a link does and waits for the answer. */
export async function searchOnPage(page: Page, lang: string, q: string, category = ''): Promise<Shown> {
  const url = new URL(`${baseUrl()}/${lang}/search/`);
  url.searchParams.set('q', q);
  if (category) url.searchParams.set('category', category);
  await page.goto(url.href);
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return /\d/.test(status) || !document.querySelector('[data-search-empty]')?.hasAttribute('hidden');
  });
  return {
    results: await page
      .locator('a[data-result]')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' }))),
    empty: await page.locator('[data-search-empty]').isVisible(),
    status: (await page.locator('#search-status').textContent()) ?? '',
  };
}

/**
 * Types `q` into the search box of a search page already open and presses Enter, as a person
 * does one search after another; waits until the results list is no longer busy.
 */
export async function searchInBox(page: Page, q: string): Promise<Shown> {
  await page.locator('#search-page-q').fill(q);
  await page.locator('#search-page-q').press('Enter');
  await page.waitForFunction(() => document.getElementById('search-results')?.getAttribute('aria-busy') !== 'true');
  return {
    results: await page
      .locator('a[data-result]')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' }))),
    empty: await page.locator('[data-search-empty]').isVisible(),
    status: (await page.locator('#search-status').textContent()) ?? '',
  };
}

export const categoryOf = (href: string) => new URL(href, 'http://x').pathname.split('/')[2] ?? '';
export const codeOf = (href: string) => /\/codes\/([0-9a-z]{2})\/$/.exec(href)?.[1]?.toUpperCase();

/** Whether an item's wanted page is in `results`' top three (sentences) and no code page leads a non-code sentence. */
export function onTopic(item: QualityItem, hrefs: string[]): boolean {
  const top = hrefs.slice(0, 3);
  if (item.notCode && hrefs[0] && codeOf(hrefs[0])) return false;
  if (item.code) return top.some((h) => item.code!.includes(codeOf(h) ?? ''));
  return top.some((h) => item.category!.includes(categoryOf(h)));
}
