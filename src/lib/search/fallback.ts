/**
 * Search where Pagefind cannot run: engines without WebAssembly reference types (Chromium before
 * 97, Safari before 15, Firefox before 79) and pages whose Content-Security-Policy lacks
 * 'wasm-unsafe-eval'. A small index over every article's title, summary and screen messages
 * (/{lang}/search/pages.json, built by src/pages/[lang]/search/pages.json.ts) stands in for
 * Pagefind behind the same port (index-port.ts), so the ranking policy, its code lookup (a bare
 * code opens its page) and its synonyms work unchanged; there is no full-text tier.
 */
import type { Filters, Hit, ResultRef, SearchIndex } from './index-port';

/** One article in the small index. */
export interface FallbackPage {
  url: string;
  title: string;
  /** Category id. */
  category: string;
  summary: string;
  /** What the terminal's screen says (the article's `messages`). */
  messages: string[];
}

/**
 * A minimal module that uses a reference type (a function type returning externref): it validates
 * only where WebAssembly has reference types, which Pagefind's index needs.
 */
const referenceTypes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111]);

/** Whether this engine can run Pagefind's WebAssembly (a page's CSP may still forbid compiling it). */
export function canRunPagefind(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(referenceTypes);
  } catch {
    return false;
  }
}

const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));

/** How well one word matches a text: the whole word, else most of its character pairs (0: no match). */
function wordScore(word: string, text: string): number {
  if (text.includes(word)) return 1;
  const bigrams = pairs(word);
  if (bigrams.length < 2) return 0;
  const found = bigrams.filter((b) => text.includes(b)).length / bigrams.length;
  return found >= 0.6 ? found / 2 : 0;
}

/** A page the small index found, and how well it matches (higher is better). */
export interface ScoredPage {
  page: FallbackPage;
  score: number;
}

/**
 * The pages matching every word of `text`, best first (a title counts most, then messages);
 * with `text` null, every page of the category (the ranking policy asks so for the code pages).
 */
export function scorePages(pages: FallbackPage[], text: string | null, category?: string): ScoredPage[] {
  const inCategory = pages.filter((page) => !category || page.category === category);
  if (text === null) return inCategory.map((page) => ({ page, score: 1 }));
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const scored: ScoredPage[] = [];
  for (const page of inCategory) {
    const fields: [string, number][] = [
      [page.title.toLowerCase(), 3],
      [page.messages.join(' / ').toLowerCase(), 2],
      [page.summary.toLowerCase(), 1],
    ];
    let score = 0;
    for (const word of words) {
      const best = Math.max(...fields.map(([t, weight]) => wordScore(word, t) * weight));
      if (!best) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score) scored.push({ page, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** The pages matching every word of `text`, best first. */
export function searchPages(pages: FallbackPage[], text: string | null, category?: string): FallbackPage[] {
  return scorePages(pages, text, category).map((s) => s.page);
}

/** The summary with the words found marked (as Pagefind's excerpts are), every other character as text. */
function excerpt(page: FallbackPage, text: string | null): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let out = escape(page.summary);
  for (const word of new Set((text ?? '').split(/\s+/).filter((w) => w.length > 1))) {
    out = out.split(escape(word)).join(`<mark>${escape(word)}</mark>`);
  }
  return out;
}

/** The small index of `lang`, loaded on first use. */
export function fallbackIndex(lang: string): SearchIndex {
  let pages: Promise<FallbackPage[]> | undefined;
  const load = () =>
    (pages ??= fetch(`${import.meta.env.BASE_URL}${lang}/search/pages.json`).then((r) => {
      if (!r.ok) throw new Error(`search pages: HTTP ${r.status}`);
      return r.json() as Promise<FallbackPage[]>;
    }));
  return {
    async open() {
      await load();
    },
    async search(text: string | null, filters: Filters): Promise<ResultRef[]> {
      if (filters.tier !== 'quick') return [];
      return scorePages(await load(), text, filters.category).map(({ page, score }) => ({
        id: page.url,
        score,
        load: async (): Promise<Hit> => ({
          url: page.url,
          title: page.title,
          category: page.category,
          excerpt: excerpt(page, text),
        }),
      }));
    },
    async loadFullText() {},
  };
}

/**
 * Pagefind where it runs, else the small index: chosen up front from the engine, and again on
 * Pagefind's first failure (a CSP without 'wasm-unsafe-eval', a missing index file), so search
 * never ends in a blank page.
 */
export function withFallback(primary: SearchIndex, fallback: () => SearchIndex): SearchIndex {
  let active: SearchIndex | undefined = canRunPagefind() ? primary : undefined;
  const guard = async <T>(call: (index: SearchIndex) => Promise<T>): Promise<T> => {
    if (active === primary) {
      try {
        return await call(primary);
      } catch (error) {
        console.warn('[search] Pagefind cannot run here; searching titles and summaries instead.', error);
        active = undefined;
      }
    }
    return call((active ??= fallback()));
  };
  return {
    open: () => guard((i) => i.open()),
    search: (text, filters) => guard((i) => i.search(text, filters)),
    loadFullText: () => guard((i) => i.loadFullText()),
  };
}
