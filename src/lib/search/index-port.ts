/**
 * The port between the ranking policy (ranking.ts) and the search index: all the policy asks of
 * Pagefind, and nothing more. The browser's adapter is pagefind-index.ts; the tests pass a fake.
 */

/**
 * Pagefind's two tiers (scripts/build/pagefind.mjs): the quick one (titles, summaries, screen
 * messages and common phrasings, section headings; not the response codes' pages, which the search
 * data's code list answers) and the full text of every page.
 */
export type Tier = 'quick' | 'full';

/** What one search is limited to. */
export interface Filters {
  tier: Tier;
  /** A category id (`network`, `codes`…); absent for all categories. */
  category?: string;
}

/** One page found, as the search page shows it. */
export interface Hit {
  url: string;
  title: string;
  /** The page's category id, or '' when the index does not say. */
  category: string;
  /** Pagefind's excerpt, whose only markup is <mark> around the words found; plain text for a code. */
  excerpt: string;
  /** Set on the response code the query names, found in the code list rather than in the index. */
  code?: boolean;
}

/** A page the index found, whose fragment (title, URL, excerpt) is loaded only when it is shown. */
export interface ResultRef {
  /** Pagefind's id for the page in one tier; the same page has another id in the other tier. */
  id: string;
  /** The index's own score for the page (higher is better); absent when the index gives none. */
  score?: number;
  load(): Promise<Hit>;
}

/** The search index, as the ranking policy sees it. */
export interface SearchIndex {
  /** Starts loading the index (nothing is fetched before), so it loads while the search data does. */
  open(): Promise<void>;
  /** The pages matching every word of `text`, best first; with `text` null, every page the filters allow. */
  search(text: string | null, filters: Filters): Promise<ResultRef[]>;
  /** Makes the full tier searchable; until then only the quick tier answers. Loads once. */
  loadFullText(): Promise<void>;
}
