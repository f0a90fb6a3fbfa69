/**
 * The search page's script: reads ?q= and ?category=, runs the ranking policy
 * (src/lib/search/ranking.ts) over the site's quick index and Pagefind's full text, and shows what it finds. Its strings come from the
 * data attributes of #search-strings (SearchPage.astro, from src/i18n/ui.ts); results are built
 * as text nodes (result-item.ts). The search data and the quick index load on the first query; Pagefind only when the full text is searched.
 */
import type { Hit } from '../../lib/search/index-port';
import { pagefindIndex } from '../../lib/search/pagefind-index';
import { tiers } from '../../lib/search/tiers';
import { quickIndex } from '../../lib/search/quick-index';
import { normalize, type SearchData } from '../../lib/search/query';
import { hasMore, search, showMore, type Found, type Sources } from '../../lib/search/ranking';
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
  /** Said when no page holds every word: `{words}` are those some page holds. */
  partial: string;
  /** The language's home path (`/zh-hant/`): category pages are below it. */
  base: string;
  /** Category id → its troubleshooter, for the categories that have one. */
  flows: Record<string, string>;
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
    partial: d.partial ?? '{words}',
    base: d.base ?? '/',
    flows: JSON.parse(d.flows ?? '{}') as Record<string, string>,
    indexTag: d.indexTag ?? '',
    lang: d.lang ?? '',
    labels: JSON.parse(d.labels ?? '{}') as Record<string, string>,
  };
}

/** The index and the search data (codes, character map, synonyms) of the page's language, loaded once. */
function sources(lang: string, tag: string): Sources {
  let data: Promise<SearchData> | undefined;
  return {
    index: tiers(quickIndex(lang), pagefindIndex({ tag })),
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
  const intent = document.getElementById('search-intent') as HTMLElement;
  const strings = readStrings(document.getElementById('search-strings')!);
  const from = sources(strings.lang, strings.indexTag);
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let found: Found | undefined;
  /** The query and category last searched (or being searched): the same again is not searched twice. */
  let searched: string | undefined;
  /** Set while "more" is loading: a second press does nothing (the button stays focusable). */
  let busy = false;

  const item = (hit: Hit) => resultItem(hit, strings.labels[hit.category] ?? (hit.code ? strings.code : ''));

  /** Announces the count (shown plus not yet loaded) and offers the rest. */
  const announce = () => {
    const total = (found?.hits.length ?? 0) + (found?.remaining.length ?? 0);
    const partial = found?.matched?.length ? ` ${strings.partial.replace('{words}', found.matched.join('、'))}` : '';
    status.textContent = strings.results.replace('{n}', String(total)) + partial;
    // Never offer a control that would find nothing: with no result at all, the full text has been searched already.
    more.hidden = !found || !total || !hasMore(found);
    more.textContent = found?.remaining.length ? strings.more : strings.fullText;
  };

  /** When the best page holds less than half of the query: the category most results are in, and its troubleshooter. */
  const offerCategory = () => {
    intent.hidden = true;
    if (!found?.weak) return;
    const votes = new Map<string, number>();
    found.hits.forEach((h, i) => {
      if (h.category && h.category !== 'codes') votes.set(h.category, (votes.get(h.category) ?? 0) + 1 / (i + 1));
    });
    const [best] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!best || !strings.labels[best]) return;
    const category = intent.querySelector<HTMLAnchorElement>('[data-intent-category]')!;
    category.href = `${strings.base}${best}/`;
    category.textContent = strings.labels[best];
    const flow = intent.querySelector<HTMLAnchorElement>('[data-intent-flow]')!;
    flow.parentElement!.hidden = !strings.flows[best];
    flow.href = strings.flows[best] ?? '#';
    intent.hidden = false;
  };

  more.addEventListener('click', async () => {
    if (!found || busy) return;
    const mine = run;
    const current = found;
    // Not `disabled`: a disabled button loses focus to <body>. aria-disabled says it is busy.
    busy = true;
    more.setAttribute('aria-disabled', 'true');
    const added = await showMore(current);
    busy = false;
    more.removeAttribute('aria-disabled');
    if (mine !== run) return;
    list.append(...added.map(item));
    announce();
    // Keyboard and screen-reader users continue from the first new result; when nothing new was
    // found and the button goes away, from the last result, or the search box when there is none.
    const next = added.length ? current.hits.length - added.length + 1 : current.hits.length;
    if (added.length || more.hidden)
      (list.querySelector<HTMLAnchorElement>(`li:nth-child(${next}) a`) ?? input).focus();
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
    const q = normalize(input.value);
    const key = `${q}\n${filter.value}`;
    // One query, one search and one announcement: typing then pressing Enter does not search again.
    if (key === searched) return;
    searched = key;
    clearTimeout(timer);
    const mine = ++run;
    error.hidden = true;
    found = undefined;
    more.hidden = true;
    intent.hidden = true;
    if (!q) {
      list.removeAttribute('aria-busy');
      list.replaceChildren();
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading;
    list.setAttribute('aria-busy', 'true');
    try {
      const result = await search(q, filter.value, from);
      if (mine !== run) return;
      found = result;
      list.replaceChildren(...found.hits.map(item));
      empty.hidden = found.hits.length > 0;
      list.removeAttribute('aria-busy');
      announce();
      offerCategory();
    } catch (e) {
      if (mine !== run) return;
      // A failed search may be tried again with the same words.
      searched = undefined;
      list.removeAttribute('aria-busy');
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
