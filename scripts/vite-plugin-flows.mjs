// @ts-check
import { isFlowsYaml, readFlowsYaml } from './flow-files.mjs';

/**
 * Lets code import the YAML files of src/content/flows/ as data: `import x from './network.yaml'`
 * gives the parsed file; `./network.yaml?order` only its `order` (so the flow list can be sorted
 * without loading every flow). Used by Astro, Vitest, the embed bundle and the build scripts.
 * @returns {import('vite').Plugin}
 */
export default function flowsPlugin() {
  return {
    name: 'pos-help:flows',
    enforce: 'pre',
    load(id) {
      const [file = '', query] = id.split('?');
      if (!isFlowsYaml(file)) return undefined;
      this.addWatchFile(file);
      const data = /** @type {{ order?: unknown } | null} */ (readFlowsYaml(file));
      if (query === 'order')
        return `export default ${JSON.stringify(typeof data?.order === 'number' ? data.order : 100)};`;
      return `export default ${JSON.stringify(data)};`;
    },
  };
}
