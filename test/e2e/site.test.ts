import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import * as OpenCC from 'opencc-js';
import { getArticleIds, getCodeIds, readArticle } from '../helpers/content';
import { flows } from '../../src/machines/registry';
import { orderStates, printedStates, readStates } from '../../src/machines/model';
import { distFiles, readDist, textOf, dist } from './dist';
import { baseUrl, launch, openPage } from './browser';
import { findRefs, resolves } from '../../scripts/build/check-links.mjs';

// Character by character, from 't': 'tw' would flag 么 itself (test/dist/hans-leaks.test.ts checks whole texts with 'tw').
const toHans = OpenCC.Converter({ from: 't', to: 'cn' });
const langs = ['zh-hant', 'zh-hans'] as const;

describe('the built site', () => {
  let files: string[];
  beforeAll(async () => {
    files = await distFiles();
  });

  it('has every article in both scripts', () => {
    const missing = getArticleIds()
      .flatMap((id) => langs.map((l) => `${l}/${id}/index.html`))
      .filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });

  it('has a page for every response code in both scripts, and the code table', () => {
    const ids = getCodeIds();
    expect(ids.length).toBeGreaterThan(60);
    const wanted = [
      ...langs.map((l) => `${l}/codes/index.html`),
      ...ids.flatMap((c) => langs.map((l) => `${l}/codes/${c.toLowerCase()}/index.html`)),
    ];
    expect(wanted.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('tells a merchant that an offline decline (Z1, Z3) was not paid and an offline approval (Y1, Y3) was', () => {
    for (const id of ['z1', 'z3']) {
      const text = textOf(readDist(`zh-hant/codes/${id}/index.html`));
      expect(text, id).toContain('脫機交易失敗');
      expect(text, id).toContain('你沒有收到這筆錢');
      expect(text, id).toContain('換一種方式付款');
    }
    for (const id of ['y1', 'y3']) {
      const text = textOf(readDist(`zh-hant/codes/${id}/index.html`));
      expect(text, id).toContain('脫機交易成功');
      expect(text, id).toContain('這筆交易成功了');
      expect(text, id).not.toContain('你沒有收到這筆錢');
    }
  });

  it('has the home, search and 404 pages of the contract', () => {
    for (const f of [
      'index.html',
      '404.html',
      'zh-hant/index.html',
      'zh-hans/index.html',
      'zh-hant/search/index.html',
      'zh-hans/search/index.html',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('marks every page with the right html lang', () => {
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(readDist(f))?.[1];
      if (f.startsWith('zh-hant/')) expect(lang, f).toBe('zh-Hant');
      else if (f.startsWith('zh-hans/')) expect(lang, f).toBe('zh-Hans');
      else expect(lang, f).toMatch(/^zh/);
    }
  });

  it('shows no Traditional-only character on any zh-Hans page, the link to the Traditional version aside', () => {
    const offenders: string[] = [];
    for (const f of files.filter((f) => f.startsWith('zh-hans/') && f.endsWith('.html'))) {
      const html = readDist(f).replace(/<(\w+)\b[^>]*\blang="zh-Hant"[^>]*>[^<]*<\/\1>/g, ' ');
      const chars = new Set([...textOf(html)].filter((ch) => /[\u3400-\u9fff]/.test(ch) && toHans(ch) !== ch));
      if (chars.size) offenders.push(`${f}: ${[...chars].join('')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('links every page to the same page in the other script', () => {
    for (const f of files.filter((f) => /^zh-han[st]\/.*index\.html$/.test(f))) {
      const [lang, ...rest] = f.split('/');
      const other = lang === 'zh-hant' ? 'zh-hans' : 'zh-hant';
      const target = `/${other}/${rest.join('/').replace(/index\.html$/, '')}`;
      expect(readDist(f), f).toContain(`href="${target}"`);
      expect(files, f).toContain(`${other}/${rest.join('/')}`);
    }
  });

  it('resolves every internal link and asset', () => {
    const set = new Set(files);
    const broken = files
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        findRefs(readDist(f))
          .refs.filter((r) => !resolves(r, set))
          .map((r) => `${f} → ${r}`),
      );
    expect(broken).toEqual([]);
  });

  it('loads no troubleshooter or search code on pages that show neither', () => {
    for (const f of ['zh-hant/personal-pos/index.html', 'zh-hans/provider/index.html', 'zh-hant/codes/55/index.html']) {
      const scripts = [...readDist(f).matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(
        scripts.filter((s) => /Troubleshooter|SearchPage|pos-troubleshooter|pagefind/.test(s!)),
        f,
      ).toEqual([]);
    }
  });

  it('shows an article that starts its flow further in only the part it can reach, and the category article the whole flow', () => {
    const shown = (file: string) => new Set([...readDist(file).matchAll(/ data-state="([^"]+)"/g)].map((m) => m[1]!));
    for (const lang of langs) {
      for (const id of getArticleIds()) {
        const front = readArticle(id).split('---')[1]!;
        const flow = front.match(/^flow: (\S+)$/m)?.[1];
        if (!flow) continue;
        const start = front.match(/^flowStart: (\S+)$/m)?.[1];
        const reachable = orderStates(flows[flow]!.model, start).map((s) => s.id);
        expect([...shown(`${lang}/${id}/index.html`)].sort(), `${lang}/${id}`).toEqual(reachable.sort());
      }
      // Pinned by hand: the fees article has its own questions and answers, not the other topics'.
      const fees = shown(`${lang}/transactions/fees/index.html`);
      for (const state of ['checkingFeeRate', 'checkingMerchantName', 'resolvedFeesMatch', 'escalateMerchantCategory'])
        expect(fees.has(state), `fees shows ${state}`).toBe(true);
      for (const state of [
        'identifyingMoneyProblem',
        'checkingArrivalTime',
        'checkingFreezeNotice',
        'escalateOneSided',
      ])
        expect(fees.has(state), `fees leaves out ${state}`).toBe(false);
      // The category article carries every node the print sheet draws.
      const main = shown(`${lang}/transactions/index.html`);
      const printed = printedStates(readStates(flows.transactions!.model)).map((s) => s.id);
      expect(printed.filter((state) => !main.has(state))).toEqual([]);
    }
  });
});

describe('the language picker at /', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each([
    ['zh-TW', '/zh-hant/'],
    ['zh-HK', '/zh-hant/'],
    ['zh-CN', '/zh-hans/'],
    ['en-US', '/zh-hans/'],
  ])('sends a %s browser to %s', async (locale, target) => {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL(`**${target}`);
    expect(new URL(page.url()).pathname).toBe(target);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers plain links to both scripts when JavaScript is off', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl()}/`);
    await expect(page.locator('a[href="/zh-hant/"]').count()).resolves.toBe(1);
    await expect(page.locator('a[href="/zh-hans/"]').count()).resolves.toBe(1);
    await context.close();
  });

  it('serves the 404 page for an unknown path', async () => {
    const { context, page } = await openPage(browser);
    const res = await page.goto(`${baseUrl()}/zh-hant/no-such-page/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('找不到');
    await context.close();
  });
});

void dist;
