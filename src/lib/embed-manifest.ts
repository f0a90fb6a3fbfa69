import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The embed bundle's file names, size and SRI hash, written by scripts/build/embed.mjs. */
export interface EmbedManifest {
  file: string;
  versioned: string;
  integrity: string;
  bytes: number;
}

/** Reads the manifest of the bundle built at the start of this build (absent in `astro dev`). */
export function readEmbedManifest(): EmbedManifest | undefined {
  const file = path.join(process.cwd(), '.astro/embed/manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EmbedManifest) : undefined;
}
