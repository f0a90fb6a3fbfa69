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
  /**
   * The version of the tier's other files, in each of their names (`q-{n}.{v}.json`): a hash of
   * their contents. A meta names only files of its own build, so a page open across a deploy
   * never reads one build's page numbers with another's postings; it finds the old files gone,
   * reads the new meta and searches again.
   */
  v: string;
  /** How many shard files the terms are spread over (`q-{n}.{v}.json`, n from shardOf). */
  shards: number;
  /** The most shard files one search loads: a long sentence at a large site stays within budget. */
  maxShards: number;
  /** Pages per record file (`r-{n}.{v}.json` holds pages n·perFile …). */
  perFile: number;
  /** Category ids; `pages` refers to them by position. */
  categories: string[];
  /** Each page's category, as its position in `categories` in one base-36 digit, in page order. */
  pages: string;
}

/**
 * A shard file (`q-{n}.{v}.json`): term → its postings in page order, as two strings: the gaps
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

/** One page's record (in `r-{n}.{v}.json`): what its result shows. */
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

/**
 * Fetches one JSON file of the tier (the browser's fetch; the tests read dist/). `fresh`: past
 * the HTTP cache (the meta, when the files it named are gone).
 */
export type LoadJson = (url: string, fresh?: boolean) => Promise<unknown>;

/** A file of the tier that the server no longer has (a deploy since the meta was read); a loader throws it. */
export class Gone extends Error {}

const fetchJson: LoadJson = async (url, fresh) => {
  const r = await fetch(url, fresh ? { cache: 'no-cache' } : undefined);
  if (r.status === 404 || r.status === 410) throw new Gone(`search index ${url}: HTTP ${r.status}`);
  if (!r.ok) throw new Error(`search index ${url}: HTTP ${r.status}`);
  return r.json();
};

/** The quick tier of `lang` as a search index; it answers only the quick tier (the full text is Pagefind's). */
export function quickIndex(lang: string, load: LoadJson = fetchJson): SearchIndex {
  const folder = `${import.meta.env.BASE_URL}${lang}/${quickFolder}`;
  let once = new Map<string, Promise<unknown>>();
  const get = <T>(file: string, fresh = false): Promise<T> => {
    let p = once.get(file);
    if (!p) {
      p = load(folder + file, fresh);
      once.set(file, p);
      // A failed file (offline) is asked for again by the next search.
      p.catch(() => once.delete(file));
    }
    return p as Promise<T>;
  };
  const meta = () => get<QuickMeta>('meta.json');
  // The shards this index has loaded, by number; a search loads at most maxShards more.
  let shards = new Map<number, QuickShard>();
  let decoded = new Map<string, number[]>();
  /** After a file named by the meta was gone (a deploy): forgets the old build and reads the new meta, past the cache. */
  const renew = () => {
    once = new Map();
    shards = new Map();
    decoded = new Map();
    return get<QuickMeta>('meta.json', true);
  };
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
    const into = shards;
    await Promise.all(
      wanted.slice(0, m.maxShards).map(async (n) => into.set(n, await get<QuickShard>(`q-${n}.${m.v}.json`))),
    );
  };
  const record = async (page: number, m: QuickMeta): Promise<QuickRecord> =>
    (await get<QuickRecord[]>(`r-${Math.floor(page / m.perFile)}.${m.v}.json`))[page % m.perFile]!;

  /** The pages found for `text` (null: every page), best first, in the meta's page numbers. */
  const find = async (text: string | null, words: string[], m: QuickMeta) => {
    if (text === null) return [...m.pages].map((_, page) => ({ page, score: 1 }));
    await loadShards(words.flatMap(wordTerms), m);
    return matchWords(words, (term) => postings(term, m));
  };

  return {
    async open() {
      await meta();
    },
    async search(text: string | null, filters: Filters): Promise<ResultRef[]> {
      if (filters.tier !== 'quick') return [];
      const words = text === null ? [] : text.split(' ').filter(Boolean);
      let m = await meta();
      let found: { page: number; score: number }[];
      try {
        found = await find(text, words, m);
      } catch (error) {
        // A shard of an older build: search the new build instead (once).
        if (!(error instanceof Gone)) throw error;
        found = await find(text, words, (m = await renew()));
      }
      const inCategory = (page: number) => !filters.category || categoryOf(page, m) === filters.category;
      return found
        .filter(({ page }) => inCategory(page))
        .map(({ page, score }) => ({
          id: `q${page}`,
          score,
          load: async (): Promise<Hit> => {
            // The records of an older build are gone: this result list is of that build too.
            // The index then holds the new build; the same search, asked again, finds its pages.
            const r = await record(page, m).catch(async (error: unknown) => {
              if (error instanceof Gone) await renew();
              throw error;
            });
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
