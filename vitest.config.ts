import { defineConfig } from 'vitest/config';
import virtualModules from './scripts/virtual-modules.mjs';

/** The virtual modules, as the site's build declares them (the flow files under the root). */
const plugins = () => [virtualModules({ flowsBase: '/embed/flows/', integrity: false })];

export default defineConfig({
  test: {
    projects: [
      {
        plugins: plugins(),
        // Astro's own defineCollection (what `astro:content` hands the content config), so the tests
        // check fixture content with the collections of src/content.config.ts, as the build does.
        resolve: { alias: { 'astro:content': 'astro/content/config' } },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: plugins(),
        test: {
          // What the build wrote (dist/, from `npm run build`), read without a browser.
          name: 'dist',
          include: ['test/dist/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/dist/global-setup.ts'],
        },
      },
      {
        plugins: plugins(),
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: CI has two cores.
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
