// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { generateSW } from 'workbox-build';

/**
 * Generates /sw.js over the finished dist/ (after Pagefind wrote its index): precaches every
 * page in both scripts, CSS, JS, Pagefind's index, wasm and worker, the embed bundle and icons;
 * anything else that is navigated to offline gets the offline page.
 * Under a base path (`/pos/help/`) every precached URL and the fallback go under it; the worker's
 * scope is its folder, the base path.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 * @param {string} [base] the base path (astro.config.mjs), ending in a slash
 */
export async function buildServiceWorker(dir, logger, base = '/') {
  const root = fileURLToPath(dir);
  const under = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const { count, size, warnings } = await generateSW({
    globDirectory: root,
    globPatterns: ['**/*.{html,css,js,json,svg,png,webmanifest}', 'pagefind/**/*'],
    globIgnores: ['sw.js', 'workbox-*.js', 'pdf/**', '404.html', 'embed/pos-troubleshooter.*.js'],
    swDest: path.join(root, 'sw.js'),
    directoryIndex: 'index.html',
    modifyURLPrefix: base === '/' ? {} : { '': base },
    navigateFallback: `${base}offline/index.html`,
    navigateFallbackDenylist: [new RegExp(`^${under}pagefind/`), new RegExp(`^${under}embed/.*\\.js$`)],
    // Pagefind asks for pagefind-entry.json?ts=…; the search page keeps q and category in the URL.
    ignoreURLParametersMatching: [/^ts$/, /^q$/, /^category$/, /^from$/, /^origin$/, /^utm_/],
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
  for (const w of warnings) logger.info(`service worker: ${w}`);
  logger.info(`service worker: precaches ${count} files, ${(size / 1024).toFixed(0)} KiB`);
  return { count, size };
}
