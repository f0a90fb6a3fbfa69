/**
 * Ranking a sentence by its informative words: each word (a concept: the form typed and the
 * site's words for it) is searched on its own; a page scores the rarity of every word it holds
 * (rarer words count more: the figures come from the index, as the number of pages holding each),
 * scaled by how well the index says it holds it. A page that holds every word gets a bonus, so
 * the pages a full search finds come first.
 */
import type { ResultRef, SearchIndex, Tier } from './index-port';
import type { Concept } from './words';

/** What weighing a query in one tier found. */
export interface Weighed {
  /** Pages, best first. */
  refs: ResultRef[];
  /** The concepts some page holds (their typed forms), in query order. */
  matched: string[];
  /** Whether some page holds every concept. */
  all: boolean;
  /** Whether the best page holds less than half of the query's weight: offer the category instead. */
  weak: boolean;
}

type LookUp = (tier: Tier, text: string) => ReturnType<SearchIndex['search']>;

/**
 * How much a response code's page counts for a word it holds: the code list answers a query that
 * names a code or quotes its screen text (query.ts); otherwise the hundred code pages, whose
 * short texts share words like 交易 and 失敗, would crowd out the articles.
 */
const codePageWeight = 0.5;

/**
 * How much more a word of the synonym table counts than a word the segmenter found: the table
 * holds merchants' names for the site's topics, so such a word names what the query is about,
 * while a plain word (地方, 恢復) may be rare in the quick tier only because that tier holds
 * titles and screen texts, not because it says much.
 */
const knownWordWeight = 2;

/** What each further form of a concept a page holds adds, as a share of its score for that form. */
const furtherFormWeight = 0.25;

/** Each concept's pages (any of its forms), with the index's best score for each page. */
async function pagesOf(
  concept: Concept,
  tier: Tier,
  lookUp: LookUp,
): Promise<Map<string, { ref: ResultRef; score: number }>> {
  const scores = new Map<string, { ref: ResultRef; scores: number[] }>();
  for (const alt of concept.alts) {
    for (const ref of await lookUp(tier, alt)) {
      const had = scores.get(ref.id);
      if (had) had.scores.push(ref.score ?? 1);
      else scores.set(ref.id, { ref, scores: [ref.score ?? 1] });
    }
  }
  // The best form counts; each further form the page holds adds a little (a page that says both
  // 小票 and 簽購單 is more about it than one that says only one of them).
  const pages = new Map<string, { ref: ResultRef; score: number }>();
  for (const [id, { ref, scores: s }] of scores) {
    const best = Math.max(...s);
    pages.set(id, { ref, score: best + furtherFormWeight * (s.reduce((a, b) => a + b, 0) - best) });
  }
  return pages;
}

/**
 * Weighs the pages of one tier for `concepts`. `phrase` lists the pages that hold every word at
 * once (a search for all of them together), which rank first; `pages` is how many pages the tier
 * holds, and `codePages` the response codes' pages among them.
 */
export async function weigh(
  concepts: Concept[],
  tier: Tier,
  lookUp: LookUp,
  phrase: ResultRef[],
  { codePages, pages }: { codePages: Set<string>; pages: number },
): Promise<Weighed> {
  const lists: Map<string, { ref: ResultRef; score: number }>[] = [];
  for (const c of concepts) lists.push(await pagesOf(c, tier, lookUp));
  const union = new Set(lists.flatMap((l) => [...l.keys()]));
  // The pages of the tier (at least those found, and twenty): a word on every page tells nothing.
  const total = Math.max(pages, union.size, 20);
  // A word on one page only is often a common word the site happens to use once: count at least two.
  const idf = lists.map((l, i) =>
    l.size ? Math.log(1 + total / Math.max(l.size, 2)) * (concepts[i]!.known ? knownWordWeight : 1) : 0,
  );
  const weight = idf.reduce((a, b) => a + b, 0);
  const scores = new Map<string, { ref: ResultRef; score: number; words: number }>();
  lists.forEach((list, i) => {
    const best = Math.max(...[...list.values()].map((p) => p.score), 1e-9);
    for (const [id, { ref, score }] of list) {
      const s = scores.get(id) ?? { ref, score: 0, words: 0 };
      s.score += idf[i]! * (0.5 + 0.5 * (score / best)) * (codePages.has(id) ? codePageWeight : 1);
      s.words += 1;
      scores.set(id, s);
    }
  });
  // The index may skip a word it does not know in a search for all of them: such a page holds
  // every word only when each word was found on its own too.
  const everyWordFound = lists.every((l) => l.size > 0);
  for (const ref of phrase) {
    const s = scores.get(ref.id) ?? { ref, score: 0, words: 0 };
    s.score += weight * (codePages.has(ref.id) ? codePageWeight : 1);
    if (everyWordFound) s.words = Math.max(s.words, concepts.length);
    scores.set(ref.id, s);
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const top = ranked[0];
  const all = ranked.some((r) => r.words >= concepts.length);
  return {
    refs: ranked.map((r) => r.ref),
    matched: concepts.filter((_, i) => lists[i]!.size > 0).map((c) => c.text),
    all,
    weak: !top || top.score < weight * 0.5,
  };
}
