import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** No Docker engine runs here: the Dockerfile is parsed and checked against the repository. */
const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');

interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

/** Dockerfile instructions, with comments dropped and continuation lines joined. */
function parse(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (!pending) start = i + 1;
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) return;
    const [keyword = '', ...rest] = pending.split(/\s+/);
    out.push({ line: start, keyword: keyword.toUpperCase(), args: rest.join(' ') });
    pending = '';
  });
  return out;
}

const known = new Set(
  'FROM RUN CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL'.split(
    ' ',
  ),
);
const instructions = parse(dockerfile);
const stages = instructions.filter((i) => i.keyword === 'FROM');

/** The README's deploy section, where the build commands are stated. */
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('deploy/Dockerfile', () => {
  it('uses only known instructions, in upper case', () => {
    expect(instructions.length).toBeGreaterThan(0);
    for (const i of instructions) expect(known, `line ${i.line}: ${i.keyword}`).toContain(i.keyword);
    expect(instructions[0]?.keyword).toBe('FROM');
  });

  it('builds with Node in one stage and serves with nginx in the last', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]?.args).toMatch(/^node:(2[2-9]|[3-9]\d)[\w.-]* AS build$/);
    expect(stages[1]?.args).toMatch(/^nginx:[\w.-]+$/);
  });

  it('builds dist/ with the README commands: npm install, then npm run build', () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toEqual(['npm install', 'npm run build']);
    expect(readme).toMatch(/npm install[\s\S]*npm run build/);
  });

  it('copies files that exist, and the built site from the build stage', () => {
    const copies = instructions.filter((i) => i.keyword === 'COPY');
    for (const copy of copies) {
      const parts = copy.args.split(/\s+/);
      const from = parts.find((p) => p.startsWith('--from='));
      const sources = parts.filter((p) => !p.startsWith('--')).slice(0, -1);
      if (from) {
        expect(from).toBe('--from=build');
        expect(sources).toEqual(['/src/dist/']);
      } else {
        for (const source of sources) expect(existsSync(path.join(root, source)), source).toBe(true);
      }
    }
    const targets = copies.map((c) => c.args.split(/\s+/).at(-1));
    expect(targets).toContain('/etc/nginx/conf.d/default.conf');
    expect(targets).toContain('/usr/share/nginx/html/');
  });

  it('builds in the directory the site is copied from', () => {
    expect(instructions.find((i) => i.keyword === 'WORKDIR')?.args).toBe('/src');
  });
});
