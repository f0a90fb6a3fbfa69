// @ts-check
import { isFlowsYaml, readFlowsYaml } from './flow-files.mjs';

/**
 * Lets code import the YAML files of src/content/flows/ as data: `import x from './network.yaml'`
 * gives the parsed file; `./network.yaml?order` only its `order` (so the flow list can be sorted
 * without loading every flow). Used by Astro, Vitest, the embed bundle and the build scripts.
 * Code for the browser (the widget, the embed bundle) gets the flow without the nodes'
 * `description`s: they are notes for authors and tests, and no merchant reads them.
 * @returns {import('vite').Plugin}
 */
export default function flowsPlugin() {
  return {
    name: 'pos-help:flows',
    enforce: 'pre',
    load(id, options) {
      const [file = '', query] = id.split('?');
      if (!isFlowsYaml(file)) return undefined;
      this.addWatchFile(file);
      const data = /** @type {{ order?: unknown } | null} */ (readFlowsYaml(file));
      if (query === 'order')
        return `export default ${JSON.stringify(typeof data?.order === 'number' ? data.order : 100)};`;
      if (!options?.ssr) withoutDescriptions(data);
      return `export default ${JSON.stringify(data)};`;
    },
  };
}

/**
 * Takes the authors' notes out of a parsed flow file, in place.
 * @param {unknown} data
 */
export function withoutDescriptions(data) {
  const nodes = /** @type {{ nodes?: Record<string, { description?: unknown }> } | null} */ (data)?.nodes;
  if (nodes && typeof nodes === 'object') for (const node of Object.values(nodes)) delete node?.description;
}
