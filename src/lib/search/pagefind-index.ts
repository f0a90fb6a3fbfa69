/**
 * The full-text tier's SearchIndex (index-port.ts): Pagefind's own client, /pagefind/pagefind.js
 * from the build, loaded when a search first needs the full text (the quick tier is the site's own
 * index, quick-index.ts). Its index for the page's language is the full text of that script.
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
}

/** How the page's index is found. */
export interface PagefindSettings {
  /** This build's tag for Pagefind's entry file (see buildId in src/lib/site.ts). */
  tag: string;
}

const toHit = (r: PagefindFragment): Hit => ({
  url: r.url,
  title: r.meta.title ?? r.url,
  category: r.filters?.category?.[0] ?? '',
  excerpt: r.excerpt,
});

/** The full text of this site in the page's language; nothing is fetched before the first call. */
export function pagefindIndex({ tag }: PagefindSettings): SearchIndex {
  let pagefind: Promise<Pagefind> | undefined;

  const load = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      // On the main thread: the worker script would cost another 12 KB. Pagefind opens the index of
      // the page's language (<html lang>): that script's full text.
      await pf.options({ excerptLength: 24, noWorker: true, metaCacheTag: tag });
      await pf.init();
      return pf;
    })());

  return {
    async open() {
      await load();
    },
    async search(text: string | null, filters: Filters): Promise<ResultRef[]> {
      // The index is the full text only: the tier is not one of its filters.
      const found = await (
        await load()
      ).search(text, filters.category ? { filters: { category: filters.category } } : {});
      return (found?.results ?? []).map((r) => ({ id: r.id, score: r.score, load: async () => toHit(await r.data()) }));
    },
    async loadFullText() {
      await load();
    },
  };
}
