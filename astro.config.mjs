// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import siteConfig from './site.config.mjs';
import posHelp from './scripts/integration.mjs';
import hansPlugin from './scripts/vite-plugin-hans.mjs';
import flowsPlugin from './scripts/vite-plugin-flows.mjs';

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), posHelp()],
  vite: {
    plugins: [flowsPlugin(), hansPlugin()],
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // MDX in Astro 7 marks its modules with a harmless head-inject directive (STACK.md, trap 6).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          // The server loads every flow file eagerly (src/machines/registry.ts); only the browser's
          // per-flow chunks (src/machines/manifest.ts) need the dynamic imports.
          if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /src\/content\/flows\//.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
});
