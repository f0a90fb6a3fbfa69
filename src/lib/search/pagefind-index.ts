/**
 * The browser's SearchIndex (index-port.ts): Pagefind's own client, /pagefind/pagefind.js from
 * the build, loaded on first use, with the full-text tier merged into it on demand.
 */
import type { Filters, Hit, ResultRef, SearchIndex } from './index-port';

/** The part of a Pagefind result fragment we read. */
interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** The part of Pagefind's client API we use. */
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<PagefindFragment> }[] } | null>;
  mergeIndex(path: string, o: { language: string; metaCacheTag: string }): Promise<void>;
}

/** How the page's index is found. */
export interface PagefindSettings {
  /** The page's language (`zh-hant`, `zh-hans`): the full tier is the language `{lang}-x-full`. */
  lang: string;
  /** This build's tag for Pagefind's entry file (see buildId in src/lib/site.ts). */
  tag: string;
}

const toHit = (r: PagefindFragment): Hit => ({
  url: r.url,
  title: r.meta.title ?? r.url,
  category: r.filters?.category?.[0] ?? '',
  excerpt: r.excerpt,
});

/** The Pagefind index of this site, in the page's language; nothing is fetched before the first call. */
export function pagefindIndex({ lang, tag }: PagefindSettings): SearchIndex {
  let pagefind: Promise<Pagefind> | undefined;
  let fullText: Promise<void> | undefined;

  const load = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      // On the main thread: the index is small, and the worker script would cost another 12 KB.
      await pf.options({ excerptLength: 24, noWorker: true, metaCacheTag: tag });
      await pf.init();
      return pf;
    })());

  return {
    async open() {
      await load();
    },
    async search(text: string | null, filters: Filters): Promise<ResultRef[]> {
      const found = await (await load()).search(text, { filters: { ...filters } });
      return (found?.results ?? []).map((r) => ({ id: r.id, score: r.score, load: async () => toHit(await r.data()) }));
    },
    async loadFullText() {
      const pf = await load();
      // The full tier (every word of every page) costs a few more index chunks. Same bundle, named
      // by its full URL: Pagefind skips a merge whose path the primary's starts with.
      fullText ??= pf.mergeIndex(new URL(`${import.meta.env.BASE_URL}pagefind/`, location.href).href, {
        language: `${lang}-x-full`,
        metaCacheTag: tag,
      });
      await fullText;
    },
  };
}
