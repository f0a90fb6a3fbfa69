import type { APIRoute } from 'astro';
import { articlePath, getArticles } from '../../../lib/articles';
import { inLang } from '../../../lib/convert';
import type { FallbackPage } from '../../../lib/search/fallback';
import { langs, type Lang } from '../../../i18n/langs.mjs';

export function getStaticPaths() {
  return langs.map((lang) => ({ params: { lang } }));
}

/**
 * The small index search falls back to where Pagefind cannot run (src/lib/search/fallback.ts):
 * every article's title, summary and screen messages, in the page's script.
 */
export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const pages: FallbackPage[] = (await getArticles()).map((a) => ({
    url: articlePath(lang, a.id),
    title: inLang(lang, a.entry.data.title),
    category: a.category,
    summary: inLang(lang, a.entry.data.description),
    messages: a.entry.data.messages.map((m) => inLang(lang, m)),
  }));
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
