// @ts-check
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import hansPlugin from '../vite-plugin-hans.mjs';
import flowsPlugin, { withoutDescriptions } from '../vite-plugin-flows.mjs';
import { listFlows, readFlowsYaml } from '../flow-files.mjs';
import { floorTargets } from '../floor.mjs';

/**
 * Where the bundle is built before the pages, so the integrator guide can print its SRI hash.
 * @param {string} root
 * @returns {string}
 */
export const embedCache = (root) => path.join(root, '.astro', 'embed');

/**
 * The flows of the embed bundle, one file each beside it (`flows/{flow}.{hash}.js`, the flow's
 * data without authors' notes): src/embed/flow-files.ts stands in for src/machines/flow-files.ts,
 * and `virtual:pos-embed-flows` tells it the files' names. The bundle imports a flow's file when
 * an element shows it, so its size does not grow with the number of flows.
 * @param {string} root
 * @returns {import('vite').Plugin}
 */
export function embedFlowsPlugin(root) {
  const id = 'virtual:pos-embed-flows';
  const real = path.join(root, 'src/machines/flow-files.ts');
  const standIn = path.join(root, 'src/embed/flow-files.ts');
  /** @type {{ path: string, fileName: string, source: string }[]} */
  let files = [];
  return {
    name: 'pos-help:embed-flows',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === id) return `\0${id}`;
      if (!importer || !source.includes('flow-files')) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? standIn : undefined;
    },
    load(moduleId) {
      if (moduleId !== `\0${id}`) return undefined;
      files = listFlows(root).map(({ name, file }) => {
        this.addWatchFile(file);
        const data = readFlowsYaml(file);
        withoutDescriptions(data);
        const source = `export default ${JSON.stringify(data)};\n`;
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
        return { path: `../content/flows/${name}.yaml`, fileName: `flows/${name}.${hash}.js`, source };
      });
      return `export default ${JSON.stringify(Object.fromEntries(files.map((f) => [f.path, f.fileName])))};`;
    },
    generateBundle() {
      for (const { fileName, source } of files) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/**
 * Builds the standalone element: one script, both scripts' texts, and each flow in its own small
 * file beside it (loaded when shown, from the bundle's origin); plus a content-hashed copy and its
 * SRI hash (manifest.json) for integrators who pin a version.
 * @param {string} root
 */
export async function buildEmbed(root) {
  const outDir = embedCache(root);
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    plugins: [embedFlowsPlugin(root), flowsPlugin(), hansPlugin(root)],
    build: {
      outDir,
      emptyOutDir: true,
      // The browser floor (README, "Browsers"), as the pages.
      target: floorTargets,
      minify: true,
      sourcemap: false,
      lib: {
        entry: path.join(root, 'src/embed/entry.ts'),
        formats: ['iife'],
        name: 'PosTroubleshooterBundle',
        fileName: () => 'pos-troubleshooter.js',
      },
    },
  });
  const file = path.join(outDir, 'pos-troubleshooter.js');
  const code = await readFile(file);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const versioned = `pos-troubleshooter.${hash}.js`;
  await writeFile(path.join(outDir, versioned), code);
  const manifest = { file: 'pos-troubleshooter.js', versioned, integrity, bytes: code.length };
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The element's Custom Elements Manifest (its public API), shipped beside the bundle. */
export const elementManifest = 'custom-elements.json';

/** The element's TypeScript declarations, shipped beside the bundle as pos-troubleshooter.d.ts. */
export const elementTypes = 'src/embed/pos-troubleshooter.d.ts';

/**
 * Copies the built bundle into dist/embed/, with the element's custom-elements.json.
 * @param {string} root
 * @param {string} dist
 */
export async function copyEmbed(root, dist) {
  await cp(embedCache(root), path.join(dist, 'embed'), { recursive: true });
  await cp(path.join(root, elementManifest), path.join(dist, 'embed', 'custom-elements.json'));
  await cp(path.join(root, elementTypes), path.join(dist, 'embed', 'pos-troubleshooter.d.ts'));
}
