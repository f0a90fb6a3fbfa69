/**
 * The search page: reads ?q= and ?category=, runs an exact response-code lookup, then Pagefind
 * over the page's language index with the query converted to the page's script and colloquial
 * words mapped to ours. Everything shown is built as text nodes: nothing typed reaches the DOM
 * as HTML. Pagefind and the data load on the first query only.
 */
import { findCodeByMessage, findCodeId, normalize, searchVariants, type SearchData } from '../../lib/search/query';

interface Hit {
  url: string;
  title: string;
  category: string;
  excerpt: string;
  code?: boolean;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<PagefindResult> }[] } | null>;
  debouncedSearch?: unknown;
}

const lang = document.documentElement.lang.toLowerCase() === 'zh-hant' ? 'zh-hant' : 'zh-hans';
let pagefind: Promise<Pagefind> | undefined;
let data: Promise<SearchData> | undefined;

/** Loads Pagefind once; nothing is fetched before someone searches. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

function loadData(): Promise<SearchData> {
  data ??= fetch(`/${lang}/search/data.json`).then((r) => {
    if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
    return r.json() as Promise<SearchData>;
  });
  return data;
}

/** Runs one search: the code lookup first, then Pagefind for each variant until enough hits. */
export async function search(query: string, category: string): Promise<Hit[]> {
  const q = normalize(query);
  if (!q) return [];
  const [pf, d] = await Promise.all([loadPagefind(), loadData()]);
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const add = (hit: Hit) => {
    if (!seen.has(hit.url)) {
      seen.add(hit.url);
      hits.push(hit);
    }
  };
  if (!category || category === 'codes') {
    const id = findCodeId(q, new Set(d.codes.map((c) => c.id)));
    const code = id ? d.codes.find((c) => c.id === id) : findCodeByMessage(q, d.codes);
    if (code)
      add({ url: code.url, title: code.title, category: 'codes', excerpt: code.display.join(' / '), code: true });
  }
  const filters = category ? { category } : undefined;
  for (const variant of searchVariants(q, d)) {
    await collect(pf, variant, filters, add);
    if (hits.length >= 5) break;
  }
  if (hits.length < 3) {
    // No page holds every word: search the words one by one and keep the best of each.
    const words = searchVariants(q, d)[0]!
      .split(' ')
      .filter((w) => w.length > 1);
    if (words.length > 1) for (const w of words) await collect(pf, w, filters, add, 3);
  }
  return hits;
}

async function collect(
  pf: Pagefind,
  q: string,
  filters: Record<string, string> | undefined,
  add: (h: Hit) => void,
  limit = 10,
) {
  const res = await pf.search(q, filters ? { filters } : {});
  if (!res) return;
  const page = await Promise.all(res.results.slice(0, limit).map((r) => r.data()));
  for (const r of page) {
    add({ url: r.url, title: r.meta.title ?? r.url, category: r.filters?.category?.[0] ?? '', excerpt: r.excerpt });
  }
}

/** Appends Pagefind's excerpt as text, keeping only its <mark> highlights. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else target.append(node.textContent ?? '');
  }
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-page-q') as HTMLInputElement;
  const filter = document.getElementById('search-filter') as HTMLSelectElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const empty = document.querySelector<HTMLElement>('[data-search-empty]')!;
  const error = document.getElementById('search-error') as HTMLElement;
  const strings = (document.getElementById('search-strings') as HTMLTemplateElement).dataset;
  const labels: Record<string, string> = JSON.parse(strings.labels ?? '{}');
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fromUrl = () => {
    const params = new URL(location.href).searchParams;
    input.value = (params.get('q') ?? '').slice(0, 200);
    filter.value = labels[params.get('category') ?? ''] ? params.get('category')! : '';
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
    if (!q) {
      list.replaceChildren();
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading ?? '';
    try {
      const hits = await search(q, filter.value);
      if (mine !== run) return;
      list.replaceChildren(
        ...hits.slice(0, 20).map((hit) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = hit.url;
          a.dataset.result = '';
          a.textContent = hit.title;
          const meta = document.createElement('p');
          meta.className = 'muted';
          meta.textContent = labels[hit.category] ?? (hit.code ? (strings.code ?? '') : '');
          const excerpt = document.createElement('p');
          if (hit.code) excerpt.textContent = hit.excerpt;
          else appendExcerpt(excerpt, hit.excerpt);
          li.append(a, meta, excerpt);
          return li;
        }),
      );
      empty.hidden = hits.length > 0;
      status.textContent = (strings.results ?? '{n}').replace('{n}', String(hits.length));
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
