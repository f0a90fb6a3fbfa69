import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { copyProject, root } from '../../scripts/project-copy.mjs';

const minimal = path.join(root, 'test/fixtures/content-min');

/** Files to add to or replace in the minimal content, relative to src/content/. */
export type Overlay = Record<string, string>;

/** Writes each file of `overlay` under `dir`'s src/content/, making its folders. */
export function writeOverlay(dir: string, overlay: Overlay): void {
  for (const [file, text] of Object.entries(overlay)) {
    const target = path.join(dir, 'src/content', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * Builds a copy of the site whose content is the minimal fixture plus `overlay`, and returns the
 * build's exit code and output. Used to pin what an author sees when they make a mistake.
 */
export function buildWithContent(overlay: Overlay): { code: number; output: string; dir: string } {
  const dir = copyProject('pos-help-fixture-');
  rmSync(path.join(dir, 'src/content/articles'), { recursive: true, force: true });
  rmSync(path.join(dir, 'src/content/codes'), { recursive: true, force: true });
  cpSync(path.join(minimal, 'articles'), path.join(dir, 'src/content/articles'), { recursive: true });
  cpSync(path.join(minimal, 'codes'), path.join(dir, 'src/content/codes'), { recursive: true });
  writeOverlay(dir, overlay);
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { code: run.status ?? 1, output: `${run.stdout}\n${run.stderr}`, dir };
}

/** Removes a fixture build's folder. */
export function cleanFixture(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
