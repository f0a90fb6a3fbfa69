/**
 * What an author reads when they make a mistake in the content. Every case runs the checks the
 * build runs, on the minimal content plus one mistake, without a build (test/helpers/content-check.ts
 * calls the same code: the content collections' schemas, the codes loader, the flow catalogue,
 * the page-time checks of articles and codes, the link check). One real build proves that the
 * build runs them and stops with the same message.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/build/check-links.mjs';
import { root } from '../../scripts/project-copy.mjs';
import { authorText, checkContent } from '../helpers/content-check';
import { buildWithContent, cleanFixture } from '../helpers/fixture-build';

/** What the author reads for content with `overlay`; the checks must fail. */
async function failingCheck(overlay: Record<string, string>): Promise<string> {
  const out = await checkContent(overlay);
  expect(out, 'the checks accepted the content').toBeDefined();
  return out!;
}

const minimalCodes = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/content-min/codes/codes.yaml'),
  'utf8',
);
const article = (front: string) => `---\n${front}\nupdated: 2026-11-24\n---\n\n正文。\n`;
const description = 'description: 這是一篇用來測試構建錯誤提示的文章，內容只有一句話。';
const badFlowStart = {
  'articles/hardware/printer.mdx': article(
    `title: 測試打印機\n${description}\nflow: hardware\nflowStart: checkingPapr`,
  ),
};
const flowStartMessage = 'src/content/articles/hardware/printer.mdx: field `flowStart` names "checkingPapr"';
const flowStartFix = 'Use a question or step of src/content/flows/hardware.yaml: identifyingSymptom,';

describe('an author mistake fails the checks with file, field and fix', () => {
  it('the minimal content passes every check', async () => {
    expect(await checkContent({})).toBeUndefined();
  });

  it('a missing title names the file and the title field', async () => {
    const out = await failingCheck({ 'articles/hardware/no-title.mdx': article(description) });
    expect(out).toContain('articles → hardware/no-title');
    expect(out).toContain('src/content/articles/hardware/no-title.mdx');
    expect(out).toContain('**title**: add a `title:` line');
  });

  it('a title that is too short names the field and the length to write', async () => {
    const out = await failingCheck({ 'articles/hardware/short.mdx': article(`title: 卡紙\n${description}`) });
    expect(out).toContain('src/content/articles/hardware/short.mdx');
    expect(out).toContain('**title**: the title is too short: write 4–40 characters');
  });

  it('an unknown category names the file and the folders to use', async () => {
    const out = await failingCheck({ 'articles/printers/jam.mdx': article(`title: 卡紙怎麼辦\n${description}`) });
    expect(out).toContain('src/content/articles/printers/jam.mdx: "printers" is not a category');
    expect(out).toContain('Move the file into one of src/content/articles/');
  });

  it('a flow that has no flow file names the field and the known flows', async () => {
    const out = await failingCheck({
      'articles/hardware/index.mdx': article(`title: 硬件故障\n${description}\nflow: printer`),
    });
    expect(out).toContain('src/content/articles/hardware/index.mdx');
    expect(out).toContain(
      '**flow**: `flow: printer` names no flow file: write one of hardware, software, network, security, apply, transactions, payment-methods (files in src/content/flows/)',
    );
  });

  it('a flowStart that is not a question of the flow names the file, the field and the nodes to use', async () => {
    const out = await failingCheck(badFlowStart);
    expect(out).toContain(flowStartMessage);
    expect(out).toContain(flowStartFix);
  });

  it('a misspelt target in a flow file names the file, node, field and fix', async () => {
    const flow = readFileSync(path.join(root, 'src/content/flows/network.yaml'), 'utf8');
    const out = await failingCheck({
      'flows/network.yaml': flow.replace('next: restartingTerminal }', 'next: restartingTermnal }'),
    });
    expect(out).toContain(
      'src/content/flows/network.yaml, node "checkingSignal", field `answers.YES.next`: answer YES leads to "restartingTermnal", which is not a node of this flow.',
    );
    expect(out).toContain('did you mean "restartingTerminal"? Correct the id.');
  });

  it('a related id that is not an article names the file, field and the ids to use', async () => {
    const out = await failingCheck({
      'articles/network/index.mdx': article(`title: 網絡故障\n${description}\nrelated: [network/modem]`),
    });
    expect(out).toContain('src/content/articles/network/index.mdx: field `related` names "network/modem"');
    expect(out).toContain('Use one of:');
  });

  it('a code naming an article that does not exist names the code and field', async () => {
    const out = await failingCheck({
      'codes/codes.yaml': `- id: '96'\n  meaning: 系統異常\n  display: [交換中心異常]\n  class: C\n  actor: 銀聯\n  steps: [等十分鐘再試。]\n  confidence: high\n  source: current\n  article: network/outage\n`,
    });
    expect(out).toContain('src/content/codes/codes.yaml: code 96, field `article` names "network/outage"');
    expect(out).toContain('Use one of:');
  });

  it('a link to a missing page or code page names the page and the link', async () => {
    // The article passes the content checks; the link check of the built pages stops it.
    const text = article(`title: 查支付機構資質\n${description}`) + '\n[看代碼 ZZ](/zh-hant/codes/zz/)\n';
    expect(await checkContent({ 'articles/provider/index.mdx': text })).toBeUndefined();
    // The page the build writes for it, with the link as the Markdown renders it.
    const dist = mkdtempSync(path.join(tmpdir(), 'pos-help-links-'));
    try {
      mkdirSync(path.join(dist, 'zh-hant/provider'), { recursive: true });
      writeFileSync(
        path.join(dist, 'zh-hant/provider/index.html'),
        '<p><a href="/zh-hant/codes/zz/">看代碼 ZZ</a></p>',
      );
      const out = await checkLinks(pathToFileURL(`${dist}/`), { info() {} }).then(
        () => undefined,
        (error: unknown) => authorText(error),
      );
      expect(out).toContain('zh-hant/provider/index.html links to /zh-hant/codes/zz/');
      expect(out).toContain('Fix: correct the link in the article');
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('invalid YAML in the code list names the file, the line, the field and the fix', async () => {
    const out = await failingCheck({
      'codes/codes.yaml': minimalCodes.replace('display: [密碼錯]', 'display: [密碼錯'),
    });
    expect(out).toContain(
      'src/content/codes/codes.yaml:3: this is not valid YAML (field `display`, code 55): Flow sequence in block collection must be sufficiently indented and end with a ].',
    );
    expect(out).toContain(
      'Fix line 3 of src/content/codes/codes.yaml: indent every field two spaces under its `- id:`',
    );
  });

  it('a code listed twice names both lines', async () => {
    const out = await failingCheck({ 'codes/codes.yaml': `${minimalCodes}${minimalCodes.split('- id: A0')[0]}` });
    expect(out).toContain(
      'src/content/codes/codes.yaml:20: code 55 is listed twice, at lines 1 and 20 (field `id`); the second would replace the first.',
    );
    expect(out).toContain('Keep one entry for code 55: merge what is right into the one at line 1');
  });

  it('an unclosed frontmatter says so, not that title, description and updated are missing', async () => {
    const out = await failingCheck({
      'articles/hardware/open.mdx': `---\ntitle: 打印機卡紙怎麼辦\n${description}\nupdated: 2026-11-24\n\n正文。\n`,
    });
    expect(out).toContain(
      'src/content/articles/hardware/open.mdx: the frontmatter opened with `---` on line 1 is never closed, so none of its fields (title, description, updated…) can be read.',
    );
    expect(out).toContain('Add a line with only `---` after line 4 (the last field), before the article text.');
    expect(out).not.toContain('add a `title:` line');
  });
});

describe('the build runs those checks', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanFixture));

  it(
    'loads the content, checks the flows, and stops at the page checks with the same message',
    { timeout: 240_000 },
    () => {
      const result = buildWithContent(badFlowStart);
      dirs.push(result.dir);
      const out = result.output;
      expect(result.code, out.slice(-2000)).not.toBe(0);
      // The content (frontmatter, schemas, codes) and the flows passed on the way.
      expect(out).toContain('Synced content');
      expect(out).toMatch(/flows: \d+ flows pass their checks/);
      expect(out).toContain(flowStartMessage);
      expect(out).toContain(flowStartFix);
    },
  );
});
