import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { articleCategories, isArticleCategory, type ArticleCategory } from './taxonomy';
import { flowList, getFlow } from '../machines/registry';
import { url } from './url';

/** An article with its place in the site. */
export interface Article {
  /** `hardware` for a category's main article, `hardware/printer` for a further one. */
  id: string;
  category: ArticleCategory;
  /** Undefined for the category's main article. */
  slug: string | undefined;
  entry: CollectionEntry<'articles'>;
}

const sourceOf = (entry: CollectionEntry<'articles'>) => entry.filePath ?? `src/content/articles/${entry.id}.mdx`;

/** Turns a collection entry into an article, or explains which file is misplaced. */
function toArticle(entry: CollectionEntry<'articles'>): Article {
  const parts = entry.id.replace(/\/index$/, '').split('/');
  const [category, slug] = parts;
  if (!isArticleCategory(category) || parts.length > 2) {
    throw new AstroError(
      `${sourceOf(entry)}: "${category}" is not a category, so this article has no page.`,
      `Move the file into one of src/content/articles/{${articleCategories.join(',')}}/ (index.mdx for the category's main article).`,
    );
  }
  return { id: slug ? `${category}/${slug}` : category, category, slug, entry };
}

let cache: Promise<Article[]> | undefined;

/**
 * Every article, in reading order (category order, then the main article, then `order`),
 * checked: each category has its main article, and every `related` id names an article.
 */
export function getArticles(): Promise<Article[]> {
  cache ??= (async () => checkArticles(await getCollection('articles')))();
  return cache;
}

/**
 * The articles of the collection's `entries`, checked and in reading order (getArticles); the
 * first mistake throws an AstroError naming the file, the field and the fix. Exported for the
 * tests, which run it on fixture content without a build.
 */
export function checkArticles(entries: CollectionEntry<'articles'>[]): Article[] {
  const list = entries.map(toArticle);
  const ids = new Set(list.map((a) => a.id));
  for (const category of articleCategories) {
    if (!ids.has(category)) {
      throw new AstroError(
        `The category "${category}" has no main article, so /{lang}/${category}/ would be missing.`,
        `Add src/content/articles/${category}/index.mdx.`,
      );
    }
  }
  for (const article of list) {
    for (const rel of article.entry.data.related) {
      if (!ids.has(rel)) {
        throw new AstroError(
          `${sourceOf(article.entry)}: field \`related\` names "${rel}", which is not an article.`,
          `Use one of: ${[...ids].sort().join(', ')}.`,
        );
      }
    }
  }
  for (const article of list) checkFlowStart(article);
  const rank = (a: Article) => articleCategories.indexOf(a.category) * 10_000 + (a.slug ? 1 + a.entry.data.order : 0);
  return list.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** Checks that `flowStart:` names a node of the article's flow, and only comes with `flow:`. */
function checkFlowStart(article: Article): void {
  const { flow: name, flowStart } = article.entry.data;
  if (!flowStart) return;
  const flow = name ? getFlow(name) : undefined;
  if (!flow)
    throw new AstroError(
      `${sourceOf(article.entry)}: field \`flowStart\` is set but the page names no flow.`,
      `Add \`flow:\` (one of ${flowList.map((f) => f.name).join(', ')}), or remove \`flowStart\`.`,
    );
  const questions = flow.model.nodes.filter((n) => n.meta.kind !== 'outcome').map((n) => n.id);
  if (!questions.includes(flowStart))
    throw new AstroError(
      `${sourceOf(article.entry)}: field \`flowStart\` names "${flowStart}", which is not a question of the flow "${name}".`,
      `Use a question or step of src/content/flows/${name}.yaml: ${questions.join(', ')}.`,
    );
}

/** The article that carries a flow (the first, in reading order, that names it); undefined if none does. */
export async function flowArticle(name: string): Promise<Article | undefined> {
  return (await getArticles()).find((a) => a.entry.data.flow === name && !a.entry.data.flowStart);
}

/** Looks up an article by id; undefined when there is none. */
export async function findArticle(id: string): Promise<Article | undefined> {
  return (await getArticles()).find((a) => a.id === id);
}

/** The path of an article under a language: /zh-hant/hardware/printer/. */
export function articlePath(lang: string, id: string): string {
  return url(`/${lang}/${id}/`);
}
