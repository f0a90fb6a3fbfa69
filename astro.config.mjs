// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import siteConfig from './site.config.mjs';
import posHelp from './scripts/integration.mjs';
import hansPlugin from './scripts/vite-plugin-hans.mjs';

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), posHelp()],
  vite: {
    plugins: [hansPlugin()],
    build: {
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
