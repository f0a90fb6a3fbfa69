// @ts-check
/**
 * Build-time data reaches runtime code through these virtual modules, declared here once (their
 * types: src/virtual.d.ts). Used by Astro (astro.config.mjs), Vitest and the embed build
 * (scripts/build/embed.mjs), which differ only in where the browser finds the flow files.
 *
 * - `virtual:pos-help/config`: the deployer's settings from site.config.mjs, checked
 *   (scripts/site-config.mjs), for the server (src/lib/site.ts).
 * - `virtual:pos-help/catalogue`: every flow's model (zh-Hant, with authors' notes) and the shared
 *   texts, for the server and the tests (src/machines/registry.ts); its problems, if any.
 * - `virtual:pos-help/flows`: the list of flows and, per script, each flow's JSON file and its
 *   sha384, with the URL they are under: what the browser needs to load one flow.
 * - `virtual:pos-help/widget-strings`: per script (src/i18n/langs.mjs), a loader of the widget's UI
 *   strings in that script (`virtual:pos-help/widget-strings/{lang}`, key → text, converted at
 *   build time): a page downloads only its own script's strings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runnerImport } from 'vite';
import { langs } from '../src/i18n/langs.mjs';
import { flowData, flowDataDir, forgetFlowData } from './build/flow-data.mjs';
import { isFlowsYaml } from './flow-files.mjs';
import { siteConfig } from './site-config.mjs';

/**
 * What the plugin is told: `flowsBase`, the URL the flow files are under (ending in a slash);
 * `integrity`, whether the browser checks each against its sha384 (the embed bundle, which loads
 * them from another origin; the site's widget loads them from the origin that serves it, whose
 * hashes would cost a kilobyte of incompressible text and protect nothing).
 * @typedef {{ flowsBase: string, integrity: boolean }} VirtualOptions
 */

/**
 * Each module's source, by id.
 * @type {Record<string, (root: string, options: VirtualOptions) => Promise<string>>}
 */
export const virtualModules = {
  'virtual:pos-help/config': async () => `export default ${JSON.stringify(siteConfig)};`,
  'virtual:pos-help/catalogue': async (root) => `export default ${JSON.stringify((await flowData(root)).catalogue)};`,
  'virtual:pos-help/flows': async (root, { flowsBase, integrity }) => {
    const { names, files } = await flowData(root);
    const entries = Object.fromEntries(
      Object.entries(files).map(([lang, byFlow]) => [
        lang,
        Object.fromEntries(
          Object.entries(byFlow).map(([flow, f]) => [
            flow,
            integrity ? { file: f.file, integrity: f.integrity } : { file: f.file },
          ]),
        ),
      ]),
    );
    return `export default ${JSON.stringify({ base: flowsBase, names, files: entries })};`;
  },
  'virtual:pos-help/widget-strings': async () =>
    `export default {${langs.map((lang) => `${JSON.stringify(lang)}: () => import(${JSON.stringify(`virtual:pos-help/widget-strings/${lang}`)})`).join(', ')}};`,
  ...Object.fromEntries(
    langs.map((lang) => [
      `virtual:pos-help/widget-strings/${lang}`,
      /** @param {string} root */
      async (root) => {
        const load = (/** @type {string} */ file) => runnerImport(path.join(root, file), { configFile: false, root });
        const { widgetUi } = /** @type {typeof import('../src/i18n/widget.ts')} */ (
          (await load('src/i18n/widget.ts')).module
        );
        const { translator } = /** @type {typeof import('../src/lib/convert.ts')} */ (
          (await load('src/lib/convert.ts')).module
        );
        const tr = translator(lang);
        const table = Object.fromEntries(Object.entries(widgetUi).map(([key, text]) => [key, tr(text)]));
        return `export default ${JSON.stringify(table)};`;
      },
    ]),
  ),
};

/**
 * The plugin serving `virtualModules`. `flowsBase`: the URL the flow files are under, ending in
 * a slash (the site's: its base path + `embed/flows/`; the embed bundle's: absolute, from `site`).
 * In `astro dev` it also serves the flow files there, and makes them again when a flow file changes.
 * @param {{ root?: string } & VirtualOptions} options
 * @returns {import('vite').Plugin}
 */
export default function virtualModulesPlugin({ root = process.cwd(), flowsBase, integrity }) {
  const prefix = '\0';
  return {
    name: 'pos-help:virtual-modules',
    resolveId: (source) => (Object.hasOwn(virtualModules, source) ? `${prefix}${source}` : undefined),
    async load(id) {
      if (!id.startsWith(prefix) || !Object.hasOwn(virtualModules, id.slice(1))) return undefined;
      for (const dir of ['src/content/flows', 'src/i18n']) this.addWatchFile(path.join(root, dir));
      return virtualModules[id.slice(1)]?.(root, { flowsBase, integrity });
    },
    watchChange(file) {
      if (isFlowsYaml(file)) forgetFlowData(root);
    },
    configureServer(server) {
      server.watcher.on('all', (_event, file) => {
        if (!isFlowsYaml(file)) return;
        forgetFlowData(root);
        for (const id of Object.keys(virtualModules)) {
          const mod = server.moduleGraph.getModuleById(`${prefix}${id}`);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
      });
      // The flow files under the base path, as the build copies them to dist/embed/flows/.
      const base = new URL(flowsBase, 'http://x').pathname;
      server.middlewares.use(async (req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        if (!pathname.startsWith(base) || !/^[a-z-]+\/[a-z0-9-]+\.[0-9a-f]+\.json$/.test(pathname.slice(base.length)))
          return next();
        await flowData(root);
        try {
          const json = await readFile(path.join(flowDataDir(root), pathname.slice(base.length)));
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(json);
        } catch {
          next();
        }
      });
    },
  };
}
