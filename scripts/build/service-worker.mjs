// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { generateSW } from 'workbox-build';

/**
 * Generates /sw.js over the finished dist/ (after Pagefind wrote its index): precaches every
 * page in both scripts, CSS, JS, Pagefind's index, wasm and worker, the embed bundle and icons.
 * A precached page is served from the device (the update bar offers a new version); any other
 * navigation goes to the network, so a mistyped address gets the host's 404 and a page added by
 * a later deploy is served. Only when the network fails does it get the offline page.
 * Under a base path (`/pos/help/`) every precached URL and the fallback go under it; the worker's
 * scope is its folder, the base path.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 * @param {string} [base] the base path (astro.config.mjs), ending in a slash
 */
export async function buildServiceWorker(dir, logger, base = '/') {
  const root = fileURLToPath(dir);
  const { count, size, warnings } = await generateSW({
    globDirectory: root,
    globPatterns: ['**/*.{html,css,js,json,svg,png,webmanifest}', 'pagefind/**/*'],
    // The flows' data files (embed/flows/{lang}/{flow}.{hash}.json) are precached: the site's widget
    // loads them, offline too.
    globIgnores: ['sw.js', 'workbox-*.js', 'pdf/**', '404.html', 'embed/pos-troubleshooter.*.js'],
    swDest: path.join(root, 'sw.js'),
    directoryIndex: 'index.html',
    modifyURLPrefix: base === '/' ? {} : { '': base },
    // Not navigateFallback: that answers every uncached navigation with the offline page, online too.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `${base}offline/index.html` } },
      },
    ],
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
