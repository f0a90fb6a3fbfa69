import { describe, expect, it } from 'vitest';
import { buildQuick, fieldWeight, type QuickPage } from '../../src/lib/search/quick-build';
import {
  decodePostings,
  encodePostings,
  Gone,
  indexTerms,
  maxShards,
  quickIndex,
  shardOf,
  slots,
  wordTerms,
  type QuickMeta,
} from '../../src/lib/search/quick-index';
import { canRunPagefind, tiers } from '../../src/lib/search/tiers';
import type { SearchIndex } from '../../src/lib/search/index-port';

const page = (url: string, category: string, title: string, summary: string, messages: string[]): QuickPage => ({
  url,
  category,
  title,
  summary,
  fields: [
    { text: title, weight: fieldWeight.title },
    ...messages.map((text) => ({ text, weight: fieldWeight.message })),
    { text: summary, weight: fieldWeight.summary },
  ],
});

const pages = [
  page(
    '/zh-hant/hardware/printer/',
    'hardware',
    '打印機缺紙、小票空白或卡紙',
    '缺紙、小票空白、卡紙時，按這幾步處理。',
    ['打印機缺紙', '打印機異常'],
  ),
  page(
    '/zh-hant/network/',
    'network',
    '網絡故障：通訊失敗、連不上主機',
    '終端提示通訊失敗時，先看信號，再看 POS 機的網線。',
    ['通訊失敗', '連接主機失敗'],
  ),
];

/** The built tier of `list`, read as the browser would, counting the files it loads. */
function built(list: QuickPage[]) {
  const files = buildQuick(list);
  const loaded: string[] = [];
  const index = quickIndex('zh-hant', async (url) => {
    const name = url.replace(/^.*\/search\/quick\//, '');
    loaded.push(name);
    if (!files.has(name)) throw new Error(`no ${name}`);
    return structuredClone(files.get(name));
  });
  return { files, loaded, index };
}

const urls = async (index: SearchIndex, text: string | null, category?: string) =>
  Promise.all(
    (await index.search(text, category ? { tier: 'quick', category } : { tier: 'quick' })).map(
      async (r) => (await r.load()).url,
    ),
  );

describe('terms', () => {
  it('indexes a run of Chinese by its characters and pairs, and letters and digits as words', () => {
    expect([...indexTerms('POS機缺紙')].sort()).toEqual(['pos', '機', '機缺', '缺', '缺紙', '紙'].sort());
    expect(wordTerms('打印機')).toEqual(['打印', '印機']);
    expect(wordTerms('紙')).toEqual(['紙']);
    expect(wordTerms('ＩＣ卡')).toEqual(['ic', '卡']);
  });
});

describe('postings', () => {
  it('stores page gaps in base 36 and weights as base-32 digits, and reads them back', () => {
    const list: [number, number][] = [
      [0, 14],
      [1, 31],
      [40, 0],
      [7000, 9],
    ];
    expect(encodePostings(list)).toEqual(['0,1,13,5dc', 'ev09']);
    expect(decodePostings(encodePostings(list))).toEqual(list.map(([p, w]) => p * slots + w));
  });
});

describe('the quick index (the site’s own first tier)', () => {
  it('finds a page by a word of its title, its screen messages or its summary, title first', async () => {
    const { index } = built(pages);
    expect(await urls(index, '缺紙')).toEqual(['/zh-hant/hardware/printer/']);
    expect(await urls(index, '通訊失敗')).toEqual(['/zh-hant/network/']);
    expect(await urls(index, '信號')).toEqual(['/zh-hant/network/']);
    expect(await urls(index, 'pos')).toEqual(['/zh-hant/network/']);
    const both = buildQuick([...pages, page('/zh-hant/x/', 'hardware', '其他', '打印機缺紙時也看這裡。', [])]);
    const m = both.get('meta.json') as QuickMeta;
    expect(m.pages).toHaveLength(3);
  });

  it('needs every word and every pair of a word, keeps to the category, and finds nothing for nonsense', async () => {
    const { index } = built(pages);
    expect(await urls(index, '缺紙 通訊失敗')).toEqual([]);
    // Both characters are on the page, but not side by side.
    expect(await urls(index, '紙缺')).toEqual([]);
    expect(await urls(index, '缺紙', 'network')).toEqual([]);
    expect(await urls(index, 'zzqqxx')).toEqual([]);
  });

  it('lists every page of a category when asked for no words, and nothing of the full text', async () => {
    const { index } = built(pages);
    expect(await urls(index, null, 'network')).toEqual(['/zh-hant/network/']);
    expect(await urls(index, null)).toHaveLength(2);
    expect(await index.search('缺紙', { tier: 'full' })).toEqual([]);
  });

  it('marks the words found in the excerpt, as text', async () => {
    const { index } = built([page('/a/', 'x', '<b>缺紙</b>', '缺紙 & <i>', [])]);
    const [hit] = await index.search('缺紙', { tier: 'quick' });
    expect((await hit!.load()).excerpt).toBe('<mark>缺紙</mark> &amp; &lt;i&gt;');
  });

  it('spreads terms over more shards as the site grows, each about the same size, and a search loads only its own', async () => {
    const many = Array.from({ length: 400 }, (_, n) =>
      page(`/p/${n}/`, 'c', `頁面${n}號：${'甲乙丙丁戊己庚辛壬癸'.slice(n % 10)}`, `第${n}頁的摘要，講${n % 7}件事。`, [
        `提示${n}`,
      ]),
    );
    const small = built(many.slice(0, 40));
    const large = built(many);
    const shards = (files: Map<string, unknown>) => (files.get('meta.json') as QuickMeta).shards;
    expect(shards(large.files)).toBeGreaterThan(shards(small.files) * 5);
    const sizes = [...large.files].filter(([f]) => f.startsWith('q-')).map(([, v]) => JSON.stringify(v).length);
    expect(Math.max(...sizes)).toBeLessThan(12_000);
    await large.index.search('摘要 頁面', { tier: 'quick' });
    const loaded = large.loaded.filter((f) => f.startsWith('q-'));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.length).toBeLessThanOrEqual(['摘要', '頁面'].length);
    // A query of many words loads at most maxShards of them.
    const words = Array.from({ length: 60 }, (_, n) => `頁面${n}號`).join(' ');
    const fresh = built(many);
    await fresh.index.search(words, { tier: 'quick' });
    expect(fresh.loaded.filter((f) => f.startsWith('q-')).length).toBeLessThanOrEqual(maxShards);
    expect(shardOf('缺紙', 7)).toBe(shardOf('缺紙', 7));
  });

  it('asks again for a file that failed to load', async () => {
    const files = buildQuick(pages);
    let fail = true;
    const index = quickIndex('zh-hant', async (url) => {
      const name = url.replace(/^.*\/search\/quick\//, '');
      if (fail && name === 'meta.json') throw new Error('offline');
      return files.get(name);
    });
    await expect(index.open()).rejects.toThrow('offline');
    fail = false;
    await expect(index.open()).resolves.toBeUndefined();
  });

  /** Enough further pages for many shards and record files. */
  const filler = Array.from({ length: 300 }, (_, n) =>
    page(`/zh-hant/p/${n}/`, 'c', `頁面${n}號`, `第${n}頁的摘要，講${n % 7}件事。`, [`提示${n}`]),
  );
  // The new build has a page that sorts first: every page number moves by one.
  const added = page('/zh-hant/account/', 'account', '商戶資料變更', '改名、改地址。', ['資料變更']);

  it('names every file but the meta by its build, and a page open across a deploy searches the new build', async () => {
    const before = buildQuick([...pages, ...filler]);
    const after = buildQuick([added, ...pages, ...filler]);
    const v = (files: Map<string, unknown>) => (files.get('meta.json') as QuickMeta).v;
    expect(v(after)).not.toBe(v(before));
    for (const [name] of before) if (name !== 'meta.json') expect(name).toContain(`.${v(before)}.json`);
    let served = before;
    const fresh: string[] = [];
    const index = quickIndex('zh-hant', async (url, again) => {
      const name = url.replace(/^.*\/search\/quick\//, '');
      if (again) fresh.push(name);
      if (!served.has(name)) throw new Gone(`no ${name}`);
      return structuredClone(served.get(name));
    });
    await expect(urls(index, '缺紙')).resolves.toEqual(['/zh-hant/hardware/printer/']);
    served = after; // deployed: the old build's files are gone
    // A shard not loaded yet is gone: the index reads the meta again, past the cache, and finds
    // the page under its new number, with its own record.
    await expect(urls(index, '通訊失敗')).resolves.toEqual(['/zh-hant/network/']);
    expect(fresh).toEqual(['meta.json']);
    await expect(urls(index, '缺紙')).resolves.toEqual(['/zh-hant/hardware/printer/']);
    await expect(urls(index, '資料變更')).resolves.toEqual(['/zh-hant/account/']);
  });

  it('a result whose record went with a deploy fails once; the same search then finds the new build', async () => {
    const before = buildQuick([...pages, ...filler]);
    const after = buildQuick([added, ...pages, ...filler]);
    let served = before;
    const index = quickIndex('zh-hant', async (url) => {
      const name = url.replace(/^.*\/search\/quick\//, '');
      if (!served.has(name)) throw new Gone(`no ${name}`);
      return structuredClone(served.get(name));
    });
    const refs = await index.search('缺紙', { tier: 'quick' });
    served = after;
    await expect(refs[0]!.load()).rejects.toThrow(Gone);
    await expect(urls(index, '缺紙')).resolves.toEqual(['/zh-hant/hardware/printer/']);
  });
});

describe('tiers', () => {
  const fake = (name: string, fail = false): SearchIndex & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      async open() {
        calls.push('open');
      },
      async search() {
        calls.push('search');
        if (fail) throw new Error(`${name} cannot run`);
        return [{ id: name, load: async () => ({ url: name, title: name, category: '', excerpt: '' }) }];
      },
      async loadFullText() {
        calls.push('full');
        if (fail) throw new Error(`${name} cannot run`);
      },
    };
  };

  it('answers the quick tier from the quick index and opens Pagefind only for the full text', async () => {
    expect(canRunPagefind()).toBe(true); // Node's V8 has WebAssembly reference types
    const quick = fake('quick');
    const full = fake('pagefind');
    const index = tiers(quick, full);
    await index.open();
    expect((await index.search('x', { tier: 'quick' }))[0]!.id).toBe('quick');
    expect(full.calls).toEqual([]);
    expect((await index.search('x', { tier: 'full' }))[0]!.id).toBe('pagefind');
    expect(full.calls).toEqual(['full', 'search']);
  });

  it('finds nothing in the full text, without an error, once Pagefind fails', async () => {
    const full = fake('pagefind', true);
    const index = tiers(fake('quick'), full);
    await index.loadFullText();
    expect(await index.search('x', { tier: 'full' })).toEqual([]);
    expect(await index.search('x', { tier: 'full' })).toEqual([]);
    expect(full.calls).toEqual(['full']);
    expect((await index.search('x', { tier: 'quick' }))[0]!.id).toBe('quick');
  });
});
