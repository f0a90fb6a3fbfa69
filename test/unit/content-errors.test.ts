import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/project-copy.mjs';
import { buildWithContent, cleanFixture } from '../helpers/fixture-build';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanFixture));

/** Builds the minimal site plus `overlay` and returns the build's output; the build must fail. */
function failingBuild(overlay: Record<string, string>): string {
  const result = buildWithContent(overlay);
  dirs.push(result.dir);
  expect(result.code, result.output.slice(-2000)).not.toBe(0);
  return result.output;
}

const minimalCodes = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/content-min/codes/codes.yaml'),
  'utf8',
);
const article = (front: string) => `---\n${front}\nupdated: 2026-11-24\n---\n\n正文。\n`;
const description = 'description: 這是一篇用來測試構建錯誤提示的文章，內容只有一句話。';

describe('an author mistake fails the build with file, field and fix', { timeout: 60_000 }, () => {
  it('the minimal content builds', () => {
    const result = buildWithContent({});
    dirs.push(result.dir);
    expect(result.code, result.output.slice(-2000)).toBe(0);
  });

  it('a missing title names the file and the title field', () => {
    const out = failingBuild({ 'articles/hardware/no-title.mdx': article(description) });
    expect(out).toContain('hardware/no-title.mdx');
    expect(out).toMatch(/title/);
    expect(out).toContain('add a `title:` line');
  });

  it('a title that is too short names the field and the length to write', () => {
    const out = failingBuild({ 'articles/hardware/short.mdx': article(`title: 卡紙\n${description}`) });
    expect(out).toContain('hardware/short.mdx');
    expect(out).toContain('the title is too short: write 4–40 characters');
  });

  it('an unknown category names the file and the folders to use', () => {
    const out = failingBuild({ 'articles/printers/jam.mdx': article(`title: 卡紙怎麼辦\n${description}`) });
    expect(out).toContain('"printers" is not a category');
    expect(out).toContain('Move the file into one of src/content/articles/');
  });

  it('a flow that has no flow file names the field and the known flows', () => {
    const out = failingBuild({
      'articles/hardware/index.mdx': article(`title: 硬件故障\n${description}\nflow: printer`),
    });
    expect(out).toContain('hardware/index.mdx');
    expect(out).toContain(
      '`flow: printer` names no flow file: write one of hardware, software, network, security, apply, transactions, payment-methods (files in src/content/flows/)',
    );
  });

  it('a flowStart that is not a question of the flow names the file, the field and the nodes to use', () => {
    const out = failingBuild({
      'articles/hardware/printer.mdx': article(
        `title: 測試打印機\n${description}\nflow: hardware\nflowStart: checkingPapr`,
      ),
    });
    expect(out).toContain('hardware/printer.mdx: field `flowStart` names "checkingPapr"');
    expect(out).toContain('Use a question or step of src/content/flows/hardware.yaml: identifyingSymptom,');
  });

  it('a misspelt target in a flow file fails the build naming the file, node, field and fix', () => {
    const flow = readFileSync(path.join(root, 'src/content/flows/network.yaml'), 'utf8');
    const out = failingBuild({
      'flows/network.yaml': flow.replace('next: restartingTerminal }', 'next: restartingTermnal }'),
    });
    expect(out).toContain(
      'src/content/flows/network.yaml, node "checkingSignal", field `answers.YES.next`: answer YES leads to "restartingTermnal", which is not a node of this flow.',
    );
    expect(out).toContain('did you mean "restartingTerminal"? Correct the id.');
  });

  it('a related id that is not an article names the file, field and the ids to use', () => {
    const out = failingBuild({
      'articles/network/index.mdx': article(`title: 網絡故障\n${description}\nrelated: [network/modem]`),
    });
    expect(out).toContain('field `related` names "network/modem"');
    expect(out).toContain('Use one of:');
  });

  it('a code naming an article that does not exist names the code and field', () => {
    const out = failingBuild({
      'codes/codes.yaml': `- id: '96'\n  meaning: 系統異常\n  display: [交換中心異常]\n  class: C\n  actor: 銀聯\n  steps: [等十分鐘再試。]\n  confidence: high\n  source: current\n  article: network/outage\n`,
    });
    expect(out).toContain('code 96, field `article` names "network/outage"');
  });

  it('a link to a missing page or code page names the page and the link', () => {
    const out = failingBuild({
      'articles/provider/index.mdx':
        article(`title: 查支付機構資質\n${description}`) + '\n[看代碼 ZZ](/zh-hant/codes/zz/)\n',
    });
    expect(out).toContain('zh-hant/provider/index.html links to /zh-hant/codes/zz/');
    expect(out).toContain('Fix: correct the link in the article');
  });

  it('invalid YAML in the code list names the file, the line, the field and the fix', () => {
    const out = failingBuild({ 'codes/codes.yaml': minimalCodes.replace('display: [密碼錯]', 'display: [密碼錯') });
    expect(out).toContain(
      'src/content/codes/codes.yaml:3: this is not valid YAML (field `display`, code 55): Flow sequence in block collection must be sufficiently indented and end with a ].',
    );
    expect(out).toContain(
      'Fix line 3 of src/content/codes/codes.yaml: indent every field two spaces under its `- id:`',
    );
  });

  it('a code listed twice names both lines', () => {
    const out = failingBuild({ 'codes/codes.yaml': `${minimalCodes}${minimalCodes.split('- id: A0')[0]}` });
    expect(out).toContain(
      'src/content/codes/codes.yaml:20: code 55 is listed twice, at lines 1 and 20 (field `id`); the second would replace the first.',
    );
    expect(out).toContain('Keep one entry for code 55: merge what is right into the one at line 1');
  });

  it('an unclosed frontmatter says so, not that title, description and updated are missing', () => {
    const out = failingBuild({
      'articles/hardware/open.mdx': `---\ntitle: 打印機卡紙怎麼辦\n${description}\nupdated: 2026-11-24\n\n正文。\n`,
    });
    expect(out).toContain(
      'src/content/articles/hardware/open.mdx: the frontmatter opened with `---` on line 1 is never closed, so none of its fields (title, description, updated…) can be read.',
    );
    expect(out).toContain('Add a line with only `---` after line 4 (the last field), before the article text.');
    expect(out).not.toContain('add a `title:` line');
  });
});
