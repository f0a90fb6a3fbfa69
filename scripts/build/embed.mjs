// @ts-check
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import hansPlugin from '../vite-plugin-hans.mjs';
import flowsPlugin from '../vite-plugin-flows.mjs';

/**
 * Where the bundle is built before the pages, so the integrator guide can print its SRI hash.
 * @param {string} root
 * @returns {string}
 */
export const embedCache = (root) => path.join(root, '.astro', 'embed');

/**
 * Builds the standalone element: one file, every flow, both scripts, no further request; plus a
 * content-hashed copy and its SRI hash (manifest.json) for integrators who pin a version.
 * @param {string} root
 */
export async function buildEmbed(root) {
  const outDir = embedCache(root);
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [flowsPlugin(), hansPlugin(root)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
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

/**
 * Copies the built bundle into dist/embed/, with the element's custom-elements.json.
 * @param {string} root
 * @param {string} dist
 */
export async function copyEmbed(root, dist) {
  await cp(embedCache(root), path.join(dist, 'embed'), { recursive: true });
  await cp(path.join(root, elementManifest), path.join(dist, 'embed', 'custom-elements.json'));
}
