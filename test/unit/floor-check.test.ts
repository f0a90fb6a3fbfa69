import { describe, expect, it } from 'vitest';
import { floorProblems } from '../../scripts/floor-check.mjs';

/** The checker behind test/e2e/floor.test.ts: it must see what the floor engines cannot parse. */
describe('floorProblems', () => {
  it.each([
    ['a?.b', /optional chaining/],
    ['a ?? b', /nullish coalescing/],
    ['a ??= b', /does not parse at ES2020/],
    ['class A { x = 1 }', /does not parse at ES2020/],
    ['class A { #x; m() { return this.#x } }', /does not parse at ES2020/],
    ['const n = 10n', /BigInt/],
    ['export * as ns from "./x.js"', /export \* as name/],
    ['const r = /(?<![a-z])x/', /lookbehind/],
    ['const r = RegExp(`(?<=a)b`, ``)', /lookbehind/],
    ['await x', /does not parse at ES2020/],
  ])('rejects %s', (code, problem) => {
    expect(floorProblems(code).join('\n')).toMatch(problem);
  });

  it('names the line of what it rejects', () => {
    expect(floorProblems('let a = 1;\nlet b = a?.c;')).toEqual([expect.stringMatching(/at line 2:9$/)]);
  });

  it.each([
    'import("./x.js").then((m) => m.default)',
    'export const url = import.meta.url',
    'const { a, ...rest } = o; async function* g() { for await (const x of y) yield x }',
    'try { f() } catch { g() }',
    'const r = /(?<name>[a-z])\\p{L}/su',
    'self.onmessage = (e) => postMessage(e.data)',
  ])('accepts %s', (code) => {
    expect(floorProblems(code)).toEqual([]);
  });
});
