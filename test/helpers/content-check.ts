/**
 * The build's content checks, run without a build on the minimal content (test/fixtures/content-min)
 * plus an overlay, in the order the build runs them; each is the code the build calls:
 * 1. the unclosed-frontmatter check (scripts/integration.mjs, `astro:config:done`);
 * 2. the content collections of src/content.config.ts: the codes loader's reading of codes.yaml,
 *    then each entry against its collection's schema, reported with Astro's own message;
 * 3. the flow catalogue (src/machines/catalogue.ts; `astro:build:start` and the virtual modules);
 * 4. what the pages check as they are built: the articles (src/lib/articles.ts), then the codes
 *    (src/lib/codes.ts).
 * The first mistake stops it, as it stops the build; `checkContent` returns what the author reads.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { CollectionEntry } from 'astro:content';
import { AstroErrorData } from 'astro/errors';
import { checkFrontmatter } from '../../scripts/build/check-frontmatter.mjs';
import { root } from '../../scripts/project-copy.mjs';
import { collections } from '../../src/content.config';
import { checkArticles } from '../../src/lib/articles';
import { checkCodes } from '../../src/lib/codes';
import { readCodes } from '../../src/lib/content/read-codes';
import { flowsError, readCatalogue } from '../../src/machines/catalogue';
import { writeOverlay, type Overlay } from './fixture-build';

const minimal = path.join(root, 'test/fixtures/content-min');
const articlesDir = 'src/content/articles';
const codesFile = 'src/content/codes/codes.yaml';

/**
 * A folder laid out like the project's content: the minimal articles and codes, the project's
 * own flow files, then `overlay` (paths relative to src/content/). Remove it with `rmSync`.
 */
export function contentRoot(overlay: Overlay): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-help-content-'));
  cpSync(path.join(minimal, 'articles'), path.join(dir, articlesDir), { recursive: true });
  cpSync(path.join(minimal, 'codes'), path.join(dir, 'src/content/codes'), { recursive: true });
  cpSync(path.join(root, 'src/content/flows'), path.join(dir, 'src/content/flows'), { recursive: true });
  writeOverlay(dir, overlay);
  return dir;
}

/** An entry checked against its collection's schema; a mismatch throws Astro's error for it. */
async function parseData<C extends 'articles' | 'codes'>(
  collection: C,
  id: string,
  data: unknown,
  file: string,
): Promise<CollectionEntry<C>['data']> {
  const { schema } = collections[collection];
  if (!schema || typeof schema === 'function') throw new Error(`the ${collection} collection has no schema object`);
  const parsed = await schema.safeParseAsync(data);
  if (parsed.success) return parsed.data as CollectionEntry<C>['data'];
  // With Astro's message, hint and location (astro/dist/content/utils.js, getEntryData).
  const { message, hint } = AstroErrorData.InvalidContentEntryDataError;
  throw Object.assign(new Error(message(collection, id, parsed.error)), { hint, file });
}

/** The articles as the glob loader of src/content.config.ts reads them: id, file and checked data. */
async function loadArticles(dir: string): Promise<CollectionEntry<'articles'>[]> {
  const files = readdirSync(path.join(dir, articlesDir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const entries: CollectionEntry<'articles'>[] = [];
  for (const file of files) {
    const filePath = `${articlesDir}/${file}`;
    // As @astrojs/mdx reads an entry's frontmatter; the id as the glob loader makes it.
    const { frontmatter, content } = parseFrontmatter(readFileSync(path.join(dir, filePath), 'utf8'));
    const id = file.replace(/\.mdx$/, '').replace(/\/index$/, '');
    const data = await parseData('articles', id, frontmatter, path.join(dir, filePath));
    entries.push({ id, collection: 'articles', data, filePath, body: content } as CollectionEntry<'articles'>);
  }
  return entries;
}

/** The codes as the codes loader of src/content.config.ts reads them. */
async function loadCodes(dir: string): Promise<CollectionEntry<'codes'>[]> {
  const entries: CollectionEntry<'codes'>[] = [];
  for (const { id, data } of readCodes(codesFile, readFileSync(path.join(dir, codesFile), 'utf8'))) {
    const parsed = await parseData('codes', id, data, path.join(dir, codesFile));
    entries.push({ id, collection: 'codes', data: parsed } as CollectionEntry<'codes'>);
  }
  return entries;
}

/** An error as the build prints it for the author: message, hint and, if any, the file. */
export function authorText(error: unknown): string {
  const { message, hint, file } = error as Error & { hint?: string; file?: string };
  return [message, hint, file].filter(Boolean).join('\n');
}

/**
 * Runs the build's content checks on the minimal content plus `overlay`; returns what the author
 * reads when one fails (see authorText), or undefined when the content passes them all.
 */
export async function checkContent(overlay: Overlay): Promise<string | undefined> {
  const dir = contentRoot(overlay);
  try {
    checkFrontmatter(dir);
    const [articles, codes] = await Promise.all([loadArticles(dir), loadCodes(dir)]);
    const catalogue = readCatalogue(dir);
    if (catalogue.problems.length) throw flowsError(catalogue.problems);
    checkCodes(codes, checkArticles(articles));
    return undefined;
  } catch (error) {
    return authorText(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
