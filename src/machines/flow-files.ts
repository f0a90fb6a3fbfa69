/**
 * Where the browser gets each flow file's data: one chunk per flow, imported when a page shows
 * that flow. The embed bundle replaces this module with src/embed/flow-files.ts (see
 * scripts/build/embed.mjs), which imports the same data from files beside the bundle.
 */
import type { FlowFile } from './schema.ts';

/** Loaders of the flow files, by path (`../content/flows/{flow}.yaml`). */
export const flowFiles: Record<string, () => Promise<FlowFile>> = import.meta.glob<FlowFile>(
  ['../content/flows/*.yaml', '!../content/flows/_*.yaml'],
  { import: 'default' },
);
