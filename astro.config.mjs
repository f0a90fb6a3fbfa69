// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteConfig } from './scripts/site-config.mjs';
import posHelp from './scripts/integration.mjs';
import themePlugin from './scripts/vite-plugin-theme.mjs';
import virtualModules from './scripts/virtual-modules.mjs';
import { flowDataPath } from './scripts/build/flow-data.mjs';
import langsPlugin from './scripts/vite-plugin-langs.mjs';
import { satteri } from '@astrojs/markdown-satteri';
import markdownBase from './scripts/markdown-base.mjs';
import { floorTargets } from './scripts/floor.mjs';

/**
 * Where the site is served from: `site` in site.config.mjs, which may carry a path
 * (`https://bank.example/pos/help/`); `POS_HELP_SITE` overrides it for a test build.
 */
const site = process.env.POS_HELP_SITE || siteConfig.site;
/** The path of `site`, ending in a slash (`/`, or `/pos/help/`): Astro's `base`, `BASE_URL` in code. */
const base = new URL(site).pathname.replace(/\/?$/, '/');

export default defineConfig({
  site,
  // Every link, asset and script URL goes under the path of `site` (src/lib/url.ts).
  base,
  trailingSlash: 'always',
  // Stylesheets are always files, for the strict CSP (README, "Deploying your own copy").
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Links in articles are written as site paths (/zh-hant/…): they go under `base` too.
  markdown: { processor: satteri({ hastPlugins: [markdownBase(base)] }) },
  integrations: [mdx(), posHelp()],
  vite: {
    // Build-time data for runtime code (scripts/virtual-modules.mjs); the site's widget loads the
    // flow files from the origin that serves it, under the base path (no hashes: scripts/virtual-modules.mjs).
    plugins: [virtualModules({ flowsBase: `${base}${flowDataPath}`, integrity: false }), themePlugin(), langsPlugin()],
    build: {
      // The browser floor (README, "Browsers"): page scripts and CSS are lowered for it.
      target: floorTargets,
      // Strict CSP (no 'unsafe-inline'): every script, stylesheet, font and image is a file, never
      // inlined into the page (Astro inlines small scripts under this limit; data: fonts would
      // break font-src too).
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // MDX in Astro 7 marks its modules with a harmless head-inject directive (STACK.md, trap 6).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
