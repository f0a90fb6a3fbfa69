import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { getArticles, type Article } from './articles';
import { url } from './url';

/** A response code entry. */
export type Code = CollectionEntry<'codes'>;

/** Sort key that puts 00–99 first, then letters, as terminals list them. */
const sortKey = (id: string) => (/^\d\d$/.test(id) ? `0${id}` : `1${id}`);

let cache: Promise<Code[]> | undefined;

/** Every response code, sorted, checked: each names an article that exists. */
export function getCodes(): Promise<Code[]> {
  cache ??= (async () => {
    const [codes, articles] = await Promise.all([getCollection('codes'), getArticles()]);
    return checkCodes(codes, articles);
  })();
  return cache;
}

/**
 * The codes, sorted, once each is checked to name one of `articles` (getCodes); a code that does
 * not throws an AstroError naming the code, the field and the fix. Exported for the tests.
 */
export function checkCodes(codes: Code[], articles: Article[]): Code[] {
  const ids = new Set(articles.map((a) => a.id));
  for (const code of codes) {
    if (!ids.has(code.data.article)) {
      throw new AstroError(
        `src/content/codes/codes.yaml: code ${code.id}, field \`article\` names "${code.data.article}", which is not an article.`,
        `Use one of: ${[...ids].sort().join(', ')}.`,
      );
    }
  }
  return codes.sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)));
}

/** The path of a code page: /zh-hant/codes/a0/. */
export function codePath(lang: string, id: string): string {
  return url(`/${lang}/codes/${id.toLowerCase()}/`);
}
