import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowJsonSchemas, schemaText } from '../../src/machines/json-schema';
import { flowNames, startOf } from '../../src/machines/manifest';
import { compileFlow } from '../../src/machines/compile';
import { models } from '../../src/machines/registry';

const dir = path.resolve(import.meta.dirname, '../../src/content/flows');

describe('the flow files', () => {
  it('publish a JSON Schema that matches the zod schema (run `npm run flows:schema` after changing it)', () => {
    for (const [name, schema] of Object.entries(flowJsonSchemas()))
      expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(schemaText(schema));
  });

  it('give the editor a readable message for every name pattern, not the raw regex', () => {
    const patterns: [string, unknown][] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { pattern, patternErrorMessage } = node as { pattern?: string; patternErrorMessage?: unknown };
      if (pattern) patterns.push([pattern, patternErrorMessage]);
      Object.values(node).forEach(walk);
    };
    Object.values(flowJsonSchemas()).forEach(walk);
    expect(patterns.length).toBeGreaterThan(3);
    for (const [pattern, message] of patterns) expect(message, pattern).toMatch(/^write .+ e\.g\. /);
  });

  it('each point the editor at their schema on the first line', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const first = readFileSync(path.join(dir, file), 'utf8').split('\n')[0];
      const schema = file.startsWith('_') ? 'shared.schema.json' : 'flow.schema.json';
      expect(first, file).toBe(`# yaml-language-server: $schema=./${schema}`);
    }
  });

  it('make the list of flows: one per file, in their `order`, then by id', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_'));
    expect([...flowNames].sort()).toEqual(files.map((f) => f.replace(/\.yaml$/, '')).sort());
    const order = new Map(models.map((m) => [m.id, m.order]));
    expect(flowNames[0]).toBe('hardware'); // order 10: the commonest faults first
    for (const [i, name] of flowNames.entries()) {
      if (i === 0) continue;
      const before = flowNames[i - 1]!;
      const [a, b] = [order.get(before)!, order.get(name)!];
      expect(a < b || (a === b && before < name), `${before} (order ${a}) before ${name} (order ${b})`).toBe(true);
    }
  });

  it('begin at another question when asked (the element’s `start`), and refuse a start that is not one', () => {
    const model = models.find((m) => m.id === 'hardware')!;
    expect(compileFlow(model).machine.config.initial).toBe('identifyingSymptom');
    expect(compileFlow(model, startOf(model, 'checkingPaper')).machine.config.initial).toBe('checkingPaper');
    for (const start of ['resolvedClock', '__proto__', 'constructor', 'nowhere'])
      expect(() => startOf(model, start), start).toThrow(`start "${start}" is not a question of flow "hardware"`);
  });
});
