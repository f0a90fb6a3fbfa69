// @ts-check
/**
 * The browser floor: the oldest engines the site, the widget, the embed bundle and offline work
 * in (README, "Browsers"). One list for the build targets (astro.config.mjs, the embed bundle,
 * the service worker, Pagefind's copy) and for the test that parses every shipped script.
 */

/** esbuild / Vite / Rolldown targets. */
export const floorTargets = ['chrome78', 'safari13', 'firefox78'];
