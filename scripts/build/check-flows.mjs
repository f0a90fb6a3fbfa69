// @ts-check
import path from 'node:path';
import { runnerImport } from 'vite';

/**
 * Runs the flow checks of src/machines/check.ts over every registered flow before the pages are
 * built; an authoring mistake stops the build naming the flow, the state and the fix.
 * @param {string} root
 */
export async function checkFlows(root) {
  /** @param {string} file relative to `root` */
  const load = async (file) => (await runnerImport(path.join(root, file), { configFile: false, root })).module;
  const { flows } = await load('src/machines/registry.ts');
  const { assertFlows } = await load('src/machines/check.ts');
  assertFlows(flows);
  return Object.keys(flows).length;
}
