/**
 * Content loader for the response codes: like Astro's `file()`, but a broken file fails the build
 * (see read-codes.ts) instead of logging one line and going on with cached data or no codes.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readCodes } from './read-codes';

/** Loads the YAML list at `file` (relative to the project root), one entry per code. */
export function codesLoader(file: string): Loader {
  return {
    name: 'codes-loader',
    load: async ({ config, store, parseData, watcher, logger }: LoaderContext) => {
      const filePath = fileURLToPath(new URL(file, config.root));
      const sync = async () => {
        const items = readCodes(file, await readFile(filePath, 'utf8'));
        store.clear();
        for (const { id, data } of items) {
          store.set({ id, data: await parseData({ id, data, filePath }), filePath: file });
        }
      };
      await sync();
      // In `astro dev`, a mistake while editing is reported and the last good data stays.
      watcher?.add(filePath);
      watcher?.on('change', (changed) => {
        if (changed === filePath) sync().catch((error: unknown) => logger.error(String(error)));
      });
    },
  };
}
