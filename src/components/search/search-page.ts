/**
 * The search page's script: reads ?q= and ?category=, runs the ranking policy
 * (src/lib/search/ranking.ts) over Pagefind, and shows what it finds. Its strings come from the
 * data attributes of #search-strings (SearchPage.astro, from src/i18n/ui.ts); results are built
 * as text nodes (result-item.ts). Pagefind and the search data load on the first query only.
 */
import type { Hit } from '../../lib/search/index-port';
import { pagefindIndex } from '../../lib/search/pagefind-index';
import { fallbackIndex, withFallback } from '../../lib/search/fallback';
import { normalize, type SearchData } from '../../lib/search/query';
import { fullTextNext, hasMore, search, showMore, type Found, type Sources } from '../../lib/search/ranking';
import { resultItem } from './result-item';

/** The page's strings and settings, as SearchPage.astro renders them. */
interface Strings {
  /** "{n} results". */
  results: string;
  loading: string;
  more: string;
  fullText: string;
  /** The line under a response code's title. */
  code: string;
  indexTag: string;
  /** The page's language (its URL segment), as the server wrote it: the search data and index to load. */
  lang: string;
  /** Category id → its name. */
  labels: Record<string, string>;
}

function readStrings(el: HTMLElement): Strings {
  const d = el.dataset;
  return {
    results: d.results ?? '{n}',
    loading: d.loading ?? '',
    more: d.more ?? '',
    fullText: d.fullText ?? '',
    code: d.code ?? '',
    indexTag: d.indexTag ?? '',
    lang: d.lang ?? '',
    labels: JSON.parse(d.labels ?? '{}') as Record<string, string>,
  };
}

/** The index and the search data (codes, character map, synonyms) of the page's language, loaded once. */
function sources(lang: string, tag: string): Sources {
  let data: Promise<SearchData> | undefined;
  return {
    index: withFallback(pagefindIndex({ lang, tag }), () => fallbackIndex(lang)),
    data: () =>
      (data ??= fetch(`${import.meta.env.BASE_URL}${lang}/search/data.json`).then((r) => {
        if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
        return r.json() as Promise<SearchData>;
      })),
  };
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-page-q') as HTMLInputElement;
  const filter = document.getElementById('search-filter') as HTMLSelectElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const empty = document.querySelector<HTMLElement>('[data-search-empty]')!;
  const error = document.getElementById('search-error') as HTMLElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const strings = readStrings(document.getElementById('search-strings')!);
  const from = sources(strings.lang, strings.indexTag);
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let found: Found | undefined;

  const item = (hit: Hit) => resultItem(hit, strings.labels[hit.category] ?? (hit.code ? strings.code : ''));

  /** Announces the count (shown plus not yet loaded) and offers the rest. */
  const announce = () => {
    const total = (found?.hits.length ?? 0) + (found?.remaining.length ?? 0);
    status.textContent = strings.results.replace('{n}', String(total));
    more.hidden = !found || !hasMore(found);
    more.textContent = found?.remaining.length ? strings.more : strings.fullText;
  };

  more.addEventListener('click', async () => {
    if (!found) return;
    const mine = run;
    const current = found;
    const slow = fullTextNext(current);
    if (slow) more.disabled = true;
    const added = await showMore(current);
    if (slow) more.disabled = false;
    if (mine !== run) return;
    list.append(...added.map(item));
    announce();
    // Keyboard and screen-reader users continue from the first new result; when nothing new was
    // found and the button goes away, from the last result (the count is announced either way).
    const next = added.length ? current.hits.length - added.length + 1 : current.hits.length;
    if (added.length || more.hidden) list.querySelector<HTMLAnchorElement>(`li:nth-child(${next}) a`)?.focus();
  });

  const fromUrl = () => {
    const params = new URL(location.href).searchParams;
    input.value = (params.get('q') ?? '').slice(0, 200);
    filter.value = strings.labels[params.get('category') ?? ''] ? params.get('category')! : '';
  };

  const toUrl = (push: boolean) => {
    const url = new URL(location.href);
    const q = input.value.trim();
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    if (filter.value) url.searchParams.set('category', filter.value);
    else url.searchParams.delete('category');
    if (url.href !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  const render = async () => {
    const mine = ++run;
    const q = normalize(input.value);
    error.hidden = true;
    found = undefined;
    more.hidden = true;
    if (!q) {
      list.replaceChildren();
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading;
    try {
      const result = await search(q, filter.value, from);
      if (mine !== run) return;
      found = result;
      list.replaceChildren(...found.hits.map(item));
      empty.hidden = found.hits.length > 0;
      announce();
    } catch (e) {
      if (mine !== run) return;
      console.warn('[search]', e);
      status.textContent = '';
      error.hidden = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    toUrl(true);
    void render();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      toUrl(false);
      void render();
    }, 250);
  });
  filter.addEventListener('change', () => {
    toUrl(true);
    void render();
  });
  window.addEventListener('popstate', () => {
    fromUrl();
    void render();
  });
  fromUrl();
  void render();
}
