import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { files } from '../../scripts/bench/measure.mjs';

// Issue 13: a component that grows past this is doing more than one thing; split it.
const limit = 250;

describe('components', () => {
  it(`keeps every file in src/components/ at ${limit} lines or fewer`, () => {
    const dir = path.resolve('src/components');
    const over = files(dir)
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > limit);
    expect(over).toEqual([]);
  });
});
