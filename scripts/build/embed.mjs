// @ts-check
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import virtualModulesPlugin from '../virtual-modules.mjs';
import { flowDataDir, flowDataPath } from './flow-data.mjs';
import { floorTargets } from '../floor.mjs';

/**
 * Where the bundle is built before the pages, so the integrator guide can print its SRI hash.
 * @param {string} root
 * @returns {string}
 */
export const embedCache = (root) => path.join(root, '.astro', 'embed');

/**
 * Where the embed bundle loads flows from: `embed/flows/` under `site` (site.config.mjs, with its
 * path), built in, so no other script on a bank's page can point it elsewhere.
 * @param {string} site
 */
export const embedFlowsBase = (site) => new URL(flowDataPath, site.replace(/\/?$/, '/')).href;

/**
 * Builds the standalone element: one script with both scripts' UI strings, and the URL and
 * sha384 of every flow's JSON file (per script) built in; a page then fetches the one flow it
 * shows, checked against that hash. Plus a content-hashed copy of the bundle and its SRI hash
 * (manifest.json) for integrators who pin a version: pinning it pins the flows too.
 * @param {string} root
 * @param {string} site the site's absolute URL (astro.config.mjs `site`)
 */
export async function buildEmbed(root, site) {
  const outDir = embedCache(root);
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    plugins: [virtualModulesPlugin({ root, flowsBase: embedFlowsBase(site), integrity: true })],
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
  const manifest = {
    file: 'pos-troubleshooter.js',
    versioned,
    integrity,
    bytes: code.length,
    flows: embedFlowsBase(site),
  };
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The element's Custom Elements Manifest (its public API), shipped beside the bundle. */
export const elementManifest = 'custom-elements.json';

/** The element's TypeScript declarations, shipped beside the bundle as pos-troubleshooter.d.ts. */
export const elementTypes = 'src/embed/pos-troubleshooter.d.ts';

/**
 * Copies the built bundle into dist/embed/, with the element's custom-elements.json, and the flow
 * files (scripts/build/flow-data.mjs) into dist/embed/flows/{lang}/, where the site's widget and
 * the embed bundle both load them.
 * @param {string} root
 * @param {string} dist
 */
export async function copyEmbed(root, dist) {
  await cp(embedCache(root), path.join(dist, 'embed'), { recursive: true });
  await cp(flowDataDir(root), path.join(dist, flowDataPath), { recursive: true });
  await cp(path.join(root, elementManifest), path.join(dist, 'embed', 'custom-elements.json'));
  await cp(path.join(root, elementTypes), path.join(dist, 'embed', 'pos-troubleshooter.d.ts'));
}
