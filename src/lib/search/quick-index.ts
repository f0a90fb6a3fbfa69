/**
 * The quick search tier: the site's own small index of what a merchant types (titles, summaries,
 * screen messages, common phrasings, section headings), built per script at build time
 * (quick-build.ts, served as /{lang}/search/quick/) and read here behind the search port
 * (index-port.ts). Pagefind keeps the full text only, and loads only when a search needs it.
 *
 * Why not Pagefind for this tier: a first search loaded Pagefind's script and WebAssembly (67 kB)
 * and every chunk of its quick index (a Chinese query's characters fall in all of them), so it
 * cost about 148 kB and grew with the site. Here a search fetches the index's meta (page count
 * and categories), only the shards holding its terms (each a kilobyte or two, more of them as the
 * site grows, never bigger), and the records of the five pages it shows: the same at any size.
 *
 * Terms are what makes Chinese searchable without a dictionary: every character and every pair
 * of neighbouring characters of a run of Chinese, and every run of letters or digits. A word is
 * found on a page holding every one of its pairs (a one-character word: that character), which is
 * how a substring is found. Each posting carries the page and the weight of the best field the term
 * is in (title, screen message, heading, summary…).
 */
import type { Filters, Hit, ResultRef, SearchIndex } from './index-port';

/** Where the tier's files are, below the language's folder. */
export const quickFolder = 'search/quick/';

/** The index's meta (`meta.json`): what every search loads first. */
export interface QuickMeta {
  /** How many shard files the terms are spread over (`q-{n}.json`, n from shardOf). */
  shards: number;
  /** The most shard files one search loads: a long sentence at a large site stays within budget. */
  maxShards: number;
  /** Pages per record file (`r-{n}.json` holds pages n·perFile …). */
  perFile: number;
  /** Category ids; `pages` refers to them by position. */
  categories: string[];
  /** Each page's category, as its position in `categories` in one base-36 digit, in page order. */
  pages: string;
}

/**
 * A shard file (`q-{n}.json`): term → its postings in page order, as two strings: the gaps
 * between page numbers in base 36, comma-separated, and each page's weight as one base-32 digit.
 * A term on most pages of a large site costs about two bytes a page before gzip, not seven.
 */
export type QuickShard = Record<string, [gaps: string, weights: string]>;

/** A posting's weight is below this: decoded, a posting is `page × slots + weight`. */
export const slots = 32;

/** A term's postings (`[page, weight]`, in page order) as a shard stores them. */
export function encodePostings(list: [number, number][]): [string, string] {
  let last = 0;
  const gaps = list.map(([page]) => (page - last).toString(36) + ((last = page), ''));
  return [gaps.join(','), list.map(([, w]) => w.toString(32)).join('')];
}

/** A term's postings as numbers, `page × slots + weight`. */
export function decodePostings([gaps, weights]: [string, string]): number[] {
  let page = 0;
  return gaps.split(',').map((gap, i) => (page += parseInt(gap, 36)) * slots + parseInt(weights[i]!, 32));
}

/** One page's record (in `r-{n}.json`): what its result shows. */
export interface QuickRecord {
  url: string;
  title: string;
  summary: string;
}

/**
 * The most shard files one search loads (the meta says it to the browser): a long sentence at a
 * large site stays within budget. Terms whose shard would be past it count as not found.
 */
export const maxShards = 20;

const han = /\p{Script=Han}/u;
/** Runs of Chinese characters, and runs of other letters and digits (「POS機」: POS, 機). */
const runs = /\p{Script=Han}+|(?:[^\P{L}\p{Script=Han}]|\p{N})+/gu;

/** Lower-cased, full-width letters and digits made half-width. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * The terms a text is indexed under: for each run of Chinese, its characters and its pairs of
 * neighbouring characters; each run of letters and digits whole.
 */
export function indexTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of fold(text).match(runs) ?? []) {
    if (!han.test(run)) {
      out.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      out.add(c);
      if (i + 1 < chars.length) out.add(c + chars[i + 1]!);
    });
  }
  return out;
}

/**
 * The terms a page must hold to hold `word`: the pairs of each run of Chinese (a single
 * character: itself), each run of letters and digits.
 */
export function wordTerms(word: string): string[] {
  const out: string[] = [];
  for (const run of fold(word).match(runs) ?? []) {
    const chars = [...run];
    if (!han.test(run) || chars.length === 1) out.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return [...new Set(out)];
}

/** The shard a term is in (FNV-1a over its UTF-16 units), out of `shards`. */
export function shardOf(term: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/** Each page holding `word`, with the weight of the weakest of its terms there (the word's weight on the page). */
function pagesOfWord(word: string, postings: (term: string) => number[] | undefined): Map<number, number> {
  let pages: Map<number, number> | undefined;
  for (const term of wordTerms(word)) {
    const list = postings(term) ?? [];
    const next = new Map<number, number>();
    for (const p of list) {
      const page = Math.floor(p / slots);
      const w = p % slots;
      if (!pages) next.set(page, w);
      else if (pages.has(page)) next.set(page, Math.min(w, pages.get(page)!));
    }
    pages = next;
    if (!pages.size) break;
  }
  return pages ?? new Map();
}

/**
 * The pages holding every word of `words`, best first: a page scores the weights of the words
 * (their best field on it) summed. Page numbers with their scores.
 */
export function matchWords(
  words: string[],
  postings: (term: string) => number[] | undefined,
): { page: number; score: number }[] {
  let scores: Map<number, number> | undefined;
  for (const word of words) {
    const found = pagesOfWord(word, postings);
    const next = new Map<number, number>();
    for (const [page, w] of found) {
      if (!scores) next.set(page, w);
      else if (scores.has(page)) next.set(page, scores.get(page)! + w);
    }
    scores = next;
    if (!scores.size) break;
  }
  return [...(scores ?? new Map<number, number>())]
    .map(([page, score]) => ({ page, score }))
    .sort((a, b) => b.score - a.score || a.page - b.page);
}

/** The summary with the words found marked (as Pagefind's excerpts are), every other character as text. */
export function markedExcerpt(summary: string, words: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let out = escape(summary);
  for (const word of new Set(words.filter((w) => [...w].length > 1))) {
    out = out.split(escape(word)).join(`<mark>${escape(word)}</mark>`);
  }
  return out;
}

/** Fetches one JSON file of the tier (the browser's fetch; the tests read dist/). */
export type LoadJson = (url: string) => Promise<unknown>;

const fetchJson: LoadJson = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`search index ${url}: HTTP ${r.status}`);
  return r.json();
};

/** The quick tier of `lang` as a search index; it answers only the quick tier (the full text is Pagefind's). */
export function quickIndex(lang: string, load: LoadJson = fetchJson): SearchIndex {
  const folder = `${import.meta.env.BASE_URL}${lang}/${quickFolder}`;
  const once = new Map<string, Promise<unknown>>();
  const get = <T>(file: string): Promise<T> => {
    let p = once.get(file);
    if (!p) {
      p = load(folder + file);
      once.set(file, p);
      // A failed file (offline, a deploy in between) is asked for again by the next search.
      p.catch(() => once.delete(file));
    }
    return p as Promise<T>;
  };
  const meta = () => get<QuickMeta>('meta.json');
  // The shards this index has loaded, by number; a search loads at most maxShards more.
  const shards = new Map<number, QuickShard>();
  const decoded = new Map<string, number[]>();
  const postings = (term: string, m: QuickMeta): number[] | undefined => {
    if (!decoded.has(term)) {
      const stored = shards.get(shardOf(term, m.shards))?.[term];
      if (!stored) return undefined;
      decoded.set(term, decodePostings(stored));
    }
    return decoded.get(term);
  };
  const categoryOf = (page: number, m: QuickMeta) => m.categories[parseInt(m.pages[page]!, 36)] ?? '';
  const loadShards = async (terms: string[], m: QuickMeta) => {
    const wanted = [...new Set(terms.map((t) => shardOf(t, m.shards)))].filter((n) => !shards.has(n));
    await Promise.all(
      wanted.slice(0, m.maxShards).map(async (n) => shards.set(n, await get<QuickShard>(`q-${n}.json`))),
    );
  };
  const record = async (page: number, m: QuickMeta): Promise<QuickRecord> =>
    (await get<QuickRecord[]>(`r-${Math.floor(page / m.perFile)}.json`))[page % m.perFile]!;

  return {
    async open() {
      await meta();
    },
    async search(text: string | null, filters: Filters): Promise<ResultRef[]> {
      if (filters.tier !== 'quick') return [];
      const m = await meta();
      const inCategory = (page: number) => !filters.category || categoryOf(page, m) === filters.category;
      const words = text === null ? [] : text.split(' ').filter(Boolean);
      let found: { page: number; score: number }[];
      if (text === null) found = [...m.pages].map((_, page) => ({ page, score: 1 }));
      else {
        await loadShards(words.flatMap(wordTerms), m);
        found = matchWords(words, (term) => postings(term, m));
      }
      return found
        .filter(({ page }) => inCategory(page))
        .map(({ page, score }) => ({
          id: `q${page}`,
          score,
          load: async (): Promise<Hit> => {
            const r = await record(page, m);
            return {
              url: r.url,
              title: r.title,
              category: categoryOf(page, m),
              excerpt: markedExcerpt(r.summary, words),
            };
          },
        }));
    },
    async loadFullText() {},
  };
}
