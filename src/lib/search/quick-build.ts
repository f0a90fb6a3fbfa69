/**
 * Builds the quick search tier (quick-index.ts) of one script: the pages' fields in, the files of
 * /{lang}/search/quick/ out. Runs at build time only.
 */
import { createHash } from 'node:crypto';
import {
  encodePostings,
  indexTerms,
  maxShards,
  shardOf,
  slots,
  type QuickMeta,
  type QuickRecord,
  type QuickShard,
} from './quick-index';

/** How much a field counts (1–7: a posting keeps it in three bits). */
export const fieldWeight = {
  title: 7,
  /** A screen message or a merchant's phrasing: what people type. */
  message: 5,
  heading: 4,
  summary: 3,
  /** The troubleshooter's title and intro. */
  flow: 2,
} as const;

/** One page of the quick tier. */
export interface QuickPage {
  url: string;
  title: string;
  category: string;
  summary: string;
  /** Every searchable text of the page, with its field's weight (the title and summary among them). */
  fields: { text: string; weight: number }[];
}

/**
 * A term's weight on a page, from the weights of the fields holding it: the best field counts
 * most; each further field adds a little, up to six (a word a page repeats is what it is about,
 * but a long page repeats more).
 */
function termWeight(weights: number[]): number {
  const best = Math.max(...weights);
  return Math.min(slots - 1, best * 2 + Math.min(weights.length - 1, 6));
}

/** Pages per record file: a result list of five loads a few of them. */
const perFile = 8;

/**
 * Raw JSON bytes a shard aims at (1.2–1.8 kB gzipped): a site ten times the size has ten times
 * the shards, each the same size, so a search's cost does not grow with it.
 */
const shardBytes = 3_000;

/** The files of the tier: name (below /{lang}/search/quick/) → JSON value. */
export function buildQuick(pages: QuickPage[]): Map<string, unknown> {
  const sorted = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const categories = [...new Set(sorted.map((p) => p.category))].sort();
  if (categories.length > 36)
    throw new Error(`The quick search index holds at most 36 categories; the site has ${categories.length}.`);
  // term → page → the weights of the fields holding it
  const postings = new Map<string, Map<number, number[]>>();
  sorted.forEach((page, n) => {
    for (const { text, weight } of page.fields) {
      for (const term of indexTerms(text)) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = new Map()));
        list.set(n, [...(list.get(n) ?? []), weight]);
      }
    }
  });
  const encoded = [...postings].map(
    ([term, list]) =>
      [
        term,
        encodePostings([...list].sort((a, b) => a[0] - b[0]).map(([page, ws]) => [page, termWeight(ws)])),
      ] as const,
  );
  const total = encoded.reduce((s, [term, list]) => s + term.length * 3 + 8 + list[0].length + list[1].length, 0);
  const shards = Math.max(1, Math.ceil(total / shardBytes));
  const byShard: QuickShard[] = Array.from({ length: shards }, () => ({}));
  for (const [term, list] of encoded) byShard[shardOf(term, shards)]![term] = [...list];
  const recordFiles: QuickRecord[][] = [];
  for (let first = 0; first < sorted.length; first += perFile)
    recordFiles.push(
      sorted.slice(first, first + perFile).map((p) => ({ url: p.url, title: p.title, summary: p.summary })),
    );
  // Every file but the meta carries the build's version in its name (QuickMeta.v).
  const v = createHash('sha256')
    .update(JSON.stringify([byShard, recordFiles]))
    .digest('hex')
    .slice(0, 10);
  const files = new Map<string, unknown>();
  const meta: QuickMeta = {
    v,
    shards,
    maxShards,
    perFile,
    categories,
    pages: sorted.map((p) => categories.indexOf(p.category).toString(36)).join(''),
  };
  files.set('meta.json', meta);
  byShard.forEach((shard, n) => files.set(`q-${n}.${v}.json`, shard));
  recordFiles.forEach((records, n) => files.set(`r-${n}.${v}.json`, records));
  return files;
}
