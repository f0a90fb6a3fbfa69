// @ts-check
import path from 'node:path';
import { runnerImport } from 'vite';
import { flowsDir, listFlows, readFlowsYaml } from '../flow-files.mjs';
import flowsPlugin from '../vite-plugin-flows.mjs';

/**
 * Runs the flow checks of src/machines/ over every file in src/content/flows/ before the pages are
 * built; authoring mistakes stop the build with one AstroError naming each file, node, field and fix.
 * @param {string} root
 * @returns {Promise<number>} how many flows passed
 */
export async function checkFlows(root) {
  const { module } = await runnerImport(path.join(root, 'src/machines/load.ts'), {
    configFile: false,
    root,
    plugins: [flowsPlugin()],
  });
  const { loadFlows, flowsError } = /** @type {typeof import('../../src/machines/load.ts')} */ (module);
  const sources = listFlows(root).map((f) => ({
    name: f.name,
    file: path.relative(root, f.file).split(path.sep).join('/'),
    data: readFlowsYaml(f.file),
  }));
  const shared = path.join(root, flowsDir, '_shared.yaml');
  const { flows, problems } = loadFlows(sources, { file: `${flowsDir}/_shared.yaml`, data: readFlowsYaml(shared) });
  if (problems.length) throw flowsError(problems);
  return flows.length;
}
