import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const contentDir = path.resolve(import.meta.dirname, '../../src/content');

/** Ids of every article on disk: `hardware`, `hardware/printer`, … */
export function getArticleIds(): string[] {
  const dir = path.join(contentDir, 'articles');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) =>
      f
        .split(path.sep)
        .join('/')
        .replace(/\.mdx$/, '')
        .replace(/\/index$/, ''),
    );
}

/** The article source (frontmatter and body) by id. */
export function readArticle(id: string): string {
  const file = id.includes('/') ? `${id}.mdx` : `${id}/index.mdx`;
  return readFileSync(path.join(contentDir, 'articles', file), 'utf8');
}

/** Every response code entry as written in codes.yaml. */
export function getCodes(): { id: string; display: string[]; meaning: string; article: string; common?: boolean }[] {
  return parse(readFileSync(path.join(contentDir, 'codes/codes.yaml'), 'utf8'));
}

/** Every response code id. */
export const getCodeIds = (): string[] => getCodes().map((c) => String(c.id));

/**
 * The id of the article that carries flow `name` whole (it names the flow without `flowStart:`),
 * as src/lib/articles.ts `flowArticle` picks it: a category's main article first.
 */
export function flowPageId(name: string): string {
  const carriers = getArticleIds().filter((id) => {
    const front = readArticle(id).split(/^---$/m)[1] ?? '';
    return new RegExp(`^flow: ${name}$`, 'm').test(front) && !/^flowStart:/m.test(front);
  });
  const id = carriers.find((a) => !a.includes('/')) ?? carriers.sort()[0];
  if (!id) throw new Error(`no article carries flow "${name}"`);
  return id;
}
