import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../scripts/build/check-links.mjs';

/** The built site folder. */
export const dist = path.resolve(import.meta.dirname, '../../dist');

/** Every file in dist/, relative, with forward slashes. */
export const distFiles = (): Promise<string[]> => listFiles(dist);

/** Reads a built file as text. */
export const readDist = (file: string): string => readFileSync(path.join(dist, file), 'utf8');

/** The visible text of an HTML document, roughly: scripts, styles and tags removed. */
export function textOf(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}
