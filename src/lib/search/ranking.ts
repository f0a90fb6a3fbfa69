/**
 * The ranking policy: what a query finds and in which order. The response code it names comes
 * first, from the code list; then the index: the query's informative words (script converted,
 * synonym phrases kept whole, the rest segmented, filler dropped: words.ts), ranked by how many
 * of them a page holds and how rare they are (weigh.ts), so a sentence finds the pages of its
 * words even when no page holds them all; the quick tier first, the full text only when that
 * finds nothing or on request.
 * Results are de-duplicated and loaded a page at a time. Pure apart from the port: runs in Node.
 */
import type { Hit, ResultRef, SearchIndex, Tier } from './index-port';
import {
  bareCode,
  convertScript,
  findCodeByMessage,
  findCodeId,
  hasWords,
  normalize,
  searchVariants,
  type SearchData,
} from './query';
import { weigh } from './weigh';
import { commonTag } from '../../i18n/langs.mjs';
import { concepts, segmenter, type Concept } from './words';

/** The word segmenter, made once (Intl.Segmenter, or two-character pieces where there is none). */
let segmentWith: ReturnType<typeof segmenter> | undefined;
const segment = () => (segmentWith ??= segmenter(commonTag));

/** Results shown at once: each costs its page fragment, a few KB on a weak network. */
export const pageSize = 5;

/** Where a search looks: the index, and the data the search page loads once (codes, characters, synonyms). */
export interface Sources {
  index: SearchIndex;
  data(): Promise<SearchData>;
}

/** What a search found: the hits shown so far, and the results still to load. */
export interface Found {
  /** Loaded, in rank order: what the page shows. */
  hits: Hit[];
  /** Found but not loaded yet, in rank order (some may turn out to be pages already shown). */
  remaining: ResultRef[];
  /** URLs of the hits, so a page found again (in the other tier, or as the code) is not shown twice. */
  seen: Set<string>;
  /**
   * Set when no page holds every informative word of the query: the words some page holds
   * (「沒有同時包含所有詞的頁面；以下頁面包含：套現」).
   */
  matched?: string[];
  /** Set when even the best page holds less than half of what the query asks: offer its category. */
  weak?: boolean;
  /** Adds the full text's results to `remaining`; set only while the full text is still unsearched. */
  searchFullText?: () => Promise<void>;
}

/** The page of the response code the query names or whose screen text it quotes, unless another category is asked for. */
function codeHit(q: string, category: string, data: SearchData): Hit | undefined {
  if (category && category !== 'codes') return undefined;
  const id = findCodeId(q, new Set(data.codes.map((c) => c.id)));
  const code = id ? data.codes.find((c) => c.id === id) : findCodeByMessage(q, data.codes);
  if (!code) return undefined;
  return {
    url: `${data.codePages}${code.id.toLowerCase()}/`,
    title: `${code.id}：${code.meaning}`,
    category: 'codes',
    excerpt: code.display.join(' / '),
    code: true,
  };
}

/** Searches one tier, adding new results to `found.remaining` and saying what matched. */
function searcher(found: Found, index: SearchIndex, words: Concept[], variants: string[], category: string) {
  const ids = new Set<string>();
  const lookUp = async (tier: Tier, text: string) => index.search(text, category ? { tier, category } : { tier });
  const keep = (refs: ResultRef[]) => {
    for (const r of refs) {
      if (!ids.has(r.id)) {
        ids.add(r.id);
        found.remaining.push(r);
      }
    }
  };
  return async (tier: Tier) => {
    if (!words.length) {
      // Nothing informative (only filler, or a single character): the query as it is.
      for (const variant of variants) {
        keep(await lookUp(tier, variant));
        if (found.remaining.length >= pageSize) break;
      }
      return;
    }
    // Every word at once, in the site's words: the pages that hold them all.
    const phrase = await lookUp(tier, words.map((w) => w.alts[0]).join(' '));
    const codePages = new Set(
      category && category !== 'codes' ? [] : (await index.search(null, { tier, category: 'codes' })).map((r) => r.id),
    );
    // How many pages the tier holds: how rare a word is, is out of these.
    const pages = (await index.search(null, category ? { tier, category } : { tier })).length;
    const weighed = await weigh(words, tier, lookUp, phrase, { codePages, pages });
    keep(weighed.refs);
    if (!weighed.refs.length) return;
    found.matched = weighed.all || words.length < 2 ? undefined : weighed.matched;
    found.weak = weighed.weak;
  };
}

/**
 * Runs one search and loads the first page of results. Never throws for what was typed: a query
 * of only spaces, punctuation, symbols or emoji finds nothing.
 */
export async function search(query: string, category: string, sources: Sources): Promise<Found> {
  const found: Found = { hits: [], remaining: [], seen: new Set() };
  const q = normalize(query);
  // Only punctuation or emoji (「???」, 「😀」): nothing to look up, so nothing is loaded either.
  if (!hasWords(q)) return found;
  const [, data] = await Promise.all([sources.index.open(), sources.data()]);
  // The code list is in the page's script: a code's screen text typed in the other one is converted first.
  const code = codeHit(convertScript(q, data.chars), category, data);
  if (code) {
    found.seen.add(code.url);
    found.hits.push(code);
  }
  // A bare code ("55", "A0") asks for that code's page: nothing more to search for.
  if (code && bareCode.test(q)) return found;
  const words = concepts(convertScript(q, data.chars), data.synonyms, data.filler, segment());
  const variants = searchVariants(q, data);
  if (!words.length && !variants.length) return found;
  const { index } = sources;
  const run = searcher(found, index, words, variants, category);
  // The quick tier answers most queries; when it finds nothing at all (not even a code), the
  // full text is searched instead, and otherwise only when the merchant asks for more.
  await run('quick');
  if (!found.remaining.length && !found.hits.length) {
    await index.loadFullText();
    await run('full');
  } else {
    found.searchFullText = async () => {
      found.searchFullText = undefined;
      await index.loadFullText();
      await run('full');
    };
  }
  await loadMore(found, pageSize - found.hits.length);
  return found;
}

/** Loads the next `n` new results (their fragments) into `found.hits`, skipping pages already shown. */
export async function loadMore(found: Found, n = pageSize): Promise<Hit[]> {
  const added: Hit[] = [];
  while (added.length < n && found.remaining.length) {
    const batch = found.remaining.splice(0, n - added.length);
    for (const hit of await Promise.all(batch.map((ref) => ref.load()))) {
      if (found.seen.has(hit.url)) continue;
      found.seen.add(hit.url);
      added.push(hit);
    }
  }
  found.hits.push(...added);
  return added;
}

/** Whether asking for more searches the full text first (every result of the quick tier is shown). */
export const fullTextNext = (found: Found): boolean => !found.remaining.length && !!found.searchFullText;

/** Whether there is more to show: results not loaded yet, or the full text not searched yet. */
export const hasMore = (found: Found): boolean => found.remaining.length > 0 || !!found.searchFullText;

/** What "more" does: the next page of results, from the full text once the quick tier's are all shown. */
export async function showMore(found: Found): Promise<Hit[]> {
  if (fullTextNext(found)) await found.searchFullText!();
  return loadMore(found);
}
