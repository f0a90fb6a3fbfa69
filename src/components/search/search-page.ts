/**
 * The search page: reads ?q= and ?category=, runs an exact response-code lookup, then Pagefind
 * over the page's language index with the query converted to the page's script and colloquial
 * words mapped to ours. Everything shown is built as text nodes: nothing typed reaches the DOM
 * as HTML. Pagefind and the data load on the first query only.
 */
import {
  bareCode,
  findCodeByMessage,
  findCodeId,
  normalize,
  searchVariants,
  type SearchData,
} from '../../lib/search/query';

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
  mergeIndex(path: string, o: { language: string; metaCacheTag: string }): Promise<void>;
}

const lang = document.documentElement.lang.toLowerCase() === 'zh-hant' ? 'zh-hant' : 'zh-hans';
let pagefind: Promise<Pagefind> | undefined;
let data: Promise<SearchData> | undefined;

/** This build's tag for Pagefind's entry file (see buildId in src/lib/site.ts). */
const indexTag = () => document.getElementById('search-strings')?.dataset.indexTag ?? '';

/** Loads Pagefind once; nothing is fetched before someone searches. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // On the main thread: the index is small, and the worker script would cost another 12 KB.
    await pf.options({
      excerptLength: 24,
      noWorker: true,
      metaCacheTag: indexTag(),
    });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

let fullText: Promise<void> | undefined;

/**
 * The full-text tier (every word of every page; see scripts/build/pagefind.mjs), merged into the
 * same Pagefind only when the quick tier finds too little: it costs a few more index chunks.
 */
function loadFullText(pf: Pagefind): Promise<void> {
  // Same bundle, named by its full URL: Pagefind skips a merge whose path the primary's starts with.
  fullText ??= pf.mergeIndex(new URL(`${import.meta.env.BASE_URL}pagefind/`, location.href).href, {
    language: `${lang}-x-full`,
    metaCacheTag: indexTag(),
  });
  return fullText;
}

function loadData(): Promise<SearchData> {
  data ??= fetch(`${import.meta.env.BASE_URL}${lang}/search/data.json`).then((r) => {
    if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
    return r.json() as Promise<SearchData>;
  });
  return data;
}

/** A Pagefind result not yet loaded: its fragment (title, URL, excerpt) is fetched only when shown. */
interface Ref {
  id: string;
  data(): Promise<PagefindResult>;
}

/** What a search found: the hits shown so far, and the results still to load. */
export interface Found {
  hits: Hit[];
  remaining: Ref[];
  seen: Set<string>;
  /** Adds the full text's results to `remaining`; set only while the full text is still unsearched. */
  searchFullText?: () => Promise<void>;
}

/** Results shown at once: each costs its page fragment, a few KB on a weak network. */
export const pageSize = 5;

/**
 * Runs one search: the code lookup first, then Pagefind for each variant until enough results,
 * then loads the fragments of the first page of results only.
 */
export async function search(query: string, category: string): Promise<Found> {
  const found: Found = { hits: [], remaining: [], seen: new Set() };
  const q = normalize(query);
  if (!q) return found;
  const [pf, d] = await Promise.all([loadPagefind(), loadData()]);
  if (!category || category === 'codes') {
    const id = findCodeId(q, new Set(d.codes.map((c) => c.id)));
    const code = id ? d.codes.find((c) => c.id === id) : findCodeByMessage(q, d.codes);
    if (code) {
      found.seen.add(code.url);
      found.hits.push({
        url: code.url,
        title: code.title,
        category: 'codes',
        excerpt: code.display.join(' / '),
        code: true,
      });
    }
  }
  // A bare code ("55", "A0") asks for that code's page: nothing more to search for.
  if (found.hits.length && bareCode.test(q)) return found;
  const variants = searchVariants(q, d);
  const ids = new Set<string>();
  const lookUp = async (tier: 'quick' | 'full', text: string) => {
    const filters: Record<string, string> = { tier };
    if (category) filters.category = category;
    return (await pf.search(text, { filters }))?.results ?? [];
  };
  const keep = (refs: Ref[]) => {
    for (const r of refs) {
      if (!ids.has(r.id)) {
        ids.add(r.id);
        found.remaining.push(r);
      }
    }
  };
  const enough = (n: number) => found.hits.length + found.remaining.length >= n;
  const run = async (tier: 'quick' | 'full') => {
    for (const variant of variants) {
      keep(await lookUp(tier, variant));
      if (enough(pageSize)) break;
    }
    if (!enough(3)) {
      // No page holds every word: search the words one by one and take the best of each in
      // turn (first of each word, then second of each…). Single characters left over, like the
      // 錢 of 「扣了兩次錢」, are dropped.
      const words = variants[0]!.split(' ').filter((w) => w.length > 1);
      if (words.length > 1 || words.join(' ') !== variants[0]!.trim()) {
        const lists = [];
        for (const w of words) lists.push((await lookUp(tier, w)).slice(0, 3));
        for (let i = 0; i < 3; i++) keep(lists.flatMap((list) => (list[i] ? [list[i]] : [])));
      }
    }
  };
  // The quick tier (titles, screen messages, the flows' questions and answers) answers most
  // queries; when nothing at all is found (not even a code), the full text is searched instead.
  await run('quick');
  if (!found.remaining.length && !found.hits.length) {
    await loadFullText(pf);
    await run('full');
  } else {
    found.searchFullText = async () => {
      found.searchFullText = undefined;
      await loadFullText(pf);
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
    for (const r of await Promise.all(batch.map((ref) => ref.data()))) {
      if (found.seen.has(r.url)) continue;
      found.seen.add(r.url);
      added.push({
        url: r.url,
        title: r.meta.title ?? r.url,
        category: r.filters?.category?.[0] ?? '',
        excerpt: r.excerpt,
      });
    }
  }
  found.hits.push(...added);
  return added;
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
  const more = document.getElementById('search-more') as HTMLButtonElement;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let found: Found | undefined;

  const item = (hit: Hit) => {
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
  };

  /** Announces the count (shown plus not yet loaded) and offers the rest. */
  const announce = () => {
    const total = (found?.hits.length ?? 0) + (found?.remaining.length ?? 0);
    status.textContent = (strings.results ?? '{n}').replace('{n}', String(total));
    more.hidden = !found?.remaining.length && !found?.searchFullText;
    more.textContent = found?.remaining.length ? (strings.more ?? '') : (strings.fullText ?? '');
  };

  more.addEventListener('click', async () => {
    if (!found) return;
    const mine = run;
    const current = found;
    if (!current.remaining.length && current.searchFullText) {
      more.disabled = true;
      await current.searchFullText();
      more.disabled = false;
    }
    const added = await loadMore(current);
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
    found = undefined;
    more.hidden = true;
    if (!q) {
      list.replaceChildren();
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading ?? '';
    try {
      const result = await search(q, filter.value);
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
