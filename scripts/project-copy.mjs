// @ts-check
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A buildable copy of the project in a new temporary folder (sources, scripts, config; the
 * project's node_modules linked, not copied), for builds that change content: the bench's
 * synthetic corpora and the tests' bad-content fixtures. Returns the folder.
 * @param {string} prefix
 */
export function copyProject(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of [
    'src',
    'scripts',
    'public',
    'astro.config.mjs',
    'site.config.mjs',
    'tsconfig.json',
    'custom-elements.json',
    'package.json',
  ])
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
