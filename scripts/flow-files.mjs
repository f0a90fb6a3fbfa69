// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Where flow files live, relative to the project root. */
export const flowsDir = 'src/content/flows';

/** Is `file` (absolute) a flow file or the shared texts, i.e. a YAML file in src/content/flows/? */
export const isFlowsYaml = (/** @type {string} */ file) =>
  file.endsWith('.yaml') && path.dirname(file).split(path.sep).join('/').endsWith(`/${flowsDir}`);

/**
 * Reads a YAML file of src/content/flows/, naming the file and line when it is not valid YAML.
 * @param {string} file absolute path
 * @returns {unknown}
 */
export function readFlowsYaml(file) {
  try {
    return parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${path.relative(process.cwd(), file)} is not valid YAML: ${message}`);
  }
}

/**
 * The flows, read from the folder (the manifest for Node scripts): one `{flow}.yaml` per flow;
 * files starting with `_` hold shared texts. Sorted by the files' `order`, then name.
 * @param {string} root project root
 * @returns {{ name: string, file: string, order: number }[]}
 */
export function listFlows(root) {
  const dir = path.join(root, flowsDir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .map((f) => {
      const file = path.join(dir, f);
      const data = /** @type {{ order?: unknown } | null} */ (readFlowsYaml(file));
      const order = typeof data?.order === 'number' ? data.order : 100;
      return { name: f.replace(/\.yaml$/, ''), file, order };
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
