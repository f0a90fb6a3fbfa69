import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { buildWithContent, cleanFixture } from '../helpers/fixture-build';
import { launch, openPage } from './browser';

/** A new flow, as an author adds it: one flow file… */
const flowFile = `# yaml-language-server: $schema=./flow.schema.json
title: 終端鎖屏排查
intro: 終端提示已鎖定、要輸入管理員密碼才能收款時使用。
order: 60
start: checkingLock
nodes:
  checkingLock:
    kind: question
    question: 屏幕上要求輸入管理員密碼，還是提示終端已鎖定？
    answers:
      PASSWORD: { label: 要輸入管理員密碼, next: findingPassword }
      LOCKED: { label: 提示終端已鎖定, next: escalateLocked }
  findingPassword:
    kind: step
    title: 找到管理員密碼再輸入
    steps: [看裝機時服務商給的交接單。]
    done: { label: 輸入了, next: checkingUnlocked }
  checkingUnlocked:
    kind: question
    question: 解鎖了嗎？
    answers:
      YES: { label: 解鎖了, next: resolvedUnlocked }
      NO: { label: 還是鎖著, next: escalateLocked }
  resolvedUnlocked:
    kind: outcome
    outcome: resolved
    title: 解鎖了，可以繼續收款
    steps: [照常收款。]
    prevent: [把交接單放在收銀台抽屜裡。]
  escalateLocked:
    kind: outcome
    outcome: escalate
    title: 請服務商遠程解鎖
    steps: [暫時請顧客用其他方式付款。]
    contact: { shared: provider }
    tell: [{ shared: provider }, 終端提示已鎖定]
`;

/** …and one article that names it. */
const article = `---
title: 終端鎖屏了怎麼辦
description: 終端要求輸入管理員密碼或提示已鎖定時，按這幾步處理，解不開就請服務商遠程解鎖。
updated: 2026-11-24
flow: lock-screen
---

終端鎖屏時，先找到管理員密碼。
`;

let dir = '';
let dist = '';
let server: Server;
let base = '';
let browser: Browser;
const read = (page: string) => readFileSync(path.join(dist, page, 'index.html'), 'utf8');

beforeAll(async () => {
  const result = buildWithContent({ 'flows/lock-screen.yaml': flowFile, 'articles/hardware/lock-screen.mdx': article });
  dir = result.dir;
  expect(result.code, result.output.slice(-3000)).toBe(0);
  dist = path.join(dir, 'dist');
  server = await serve(dist, 0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) cleanFixture(dir);
});

describe('adding a flow is one flow file and one article', () => {
  it('shows the whole flow without JavaScript on the article, in both scripts', () => {
    const hant = read('zh-hant/hardware/lock-screen');
    expect(hant).toContain('data-flow="lock-screen"');
    expect(hant).toContain('屏幕上要求輸入管理員密碼，還是提示終端已鎖定？');
    expect(hant).toContain('找到管理員密碼再輸入');
    expect(read('zh-hans/hardware/lock-screen')).toContain('屏幕上要求输入管理员密码');
  });

  it('prints a procedure sheet with its flowchart, listed in the print centre', () => {
    for (const lang of ['zh-hant', 'zh-hans']) {
      const sheet = read(`${lang}/print/lock-screen`);
      expect(sheet).toMatch(/data-flowchart[^>]*>[\s\S]*?<svg/);
      expect(read(`${lang}/print`)).toContain(`href="/${lang}/print/lock-screen/"`);
    }
  });

  it('has an iframe route', () => {
    for (const lang of ['zh-hant', 'zh-hans'])
      expect(existsSync(path.join(dist, lang, 'embed/lock-screen/index.html')), lang).toBe(true);
    expect(read('zh-hant/embed/lock-screen')).toContain('flow="lock-screen"');
  });

  it('is found by search, and the search page offers it among the troubleshooters', async () => {
    expect(read('zh-hant/search')).toContain('href="/zh-hant/hardware/lock-screen/#troubleshooter"');
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${base}/zh-hant/search/?q=${encodeURIComponent('管理員密碼')}`);
    await page.locator('a[data-result]').first().waitFor();
    const hrefs = await page.locator('a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.slice(0, 3)).toContain('/zh-hant/hardware/lock-screen/');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs in the widget, step and all, to its outcome', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${base}/zh-hant/hardware/lock-screen/`);
    const widget = page.locator('pos-troubleshooter');
    for (const event of ['PASSWORD', 'DONE', 'YES'])
      await widget.locator(`[part~="answer"][data-event="${event}"]`).click();
    const outcome = widget.locator('[part~="outcome"]');
    await expect(outcome.getAttribute('data-outcome')).resolves.toBe('resolved');
    await expect(outcome.textContent()).resolves.toContain('解鎖了，可以繼續收款');
    expect(errors).toEqual([]);
    await context.close();
  });
});
