import { defineConfig } from 'vitest/config';
import flowsPlugin from './scripts/vite-plugin-flows.mjs';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [flowsPlugin()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [flowsPlugin()],
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
