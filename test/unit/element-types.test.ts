import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shipped declarations (src/embed/pos-troubleshooter.d.ts, /embed/pos-troubleshooter.d.ts)
 * compiled as an integrator would: a React 19 TSX file and a Vue 3 SFC that use the element must
 * type-check, and the mistakes in the wrong-usage fixtures must not.
 */
const dir = path.resolve(import.meta.dirname, '../fixtures/frameworks');
const root = path.resolve(import.meta.dirname, '../..');

/** TypeScript's diagnostics for `files`, as `file:line message`. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(
    files.map((f) => path.join(dir, f)),
    {
      strict: true,
      noEmit: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`;
  });
}

const vueTsc = (project: string) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', path.join(dir, project, 'tsconfig.json')],
    {
      encoding: 'utf8',
    },
  );

describe('the element’s TypeScript declarations', { timeout: 120_000 }, () => {
  it('type-check a React 19 component and the element’s own event types, and catch mistakes', () => {
    const errors = typeErrors(['app.tsx', 'in-step.ts', 'wrong.tsx']);
    // Only the wrong-usage file has errors: a missing flow, a wrong history, details read wrongly.
    expect(errors.map((e) => e.split(' ')[0])).toEqual([
      'wrong.tsx:4',
      'wrong.tsx:5',
      'wrong.tsx:6',
      'wrong.tsx:8',
      'wrong.tsx:9',
    ]);
  });

  it('type-check a Vue 3 SFC, and catch a number for flow and a wrong history', () => {
    const run = vueTsc('vue');
    const errors = run.stdout.split('\n').filter((l) => l.includes('error TS'));
    expect(
      errors.filter((l) => !l.includes('/Wrong.vue(')),
      run.stdout + run.stderr,
    ).toEqual([]);
    expect(errors.join('\n')).toMatch(
      /Wrong\.vue\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
    expect(errors.join('\n')).toMatch(/Type '"always"' is not assignable to type '"hash" \| "none" \| undefined'/);
    expect(errors).toHaveLength(2);
  });
});
