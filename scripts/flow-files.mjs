// @ts-check
import { readFileSync } from 'node:fs';
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
