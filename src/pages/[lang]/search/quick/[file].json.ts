import type { APIRoute } from 'astro';
import { articlePath, getArticles } from '../../../../lib/articles';
import { inLang } from '../../../../lib/convert';
import { url } from '../../../../lib/url';
import { buildQuick, fieldWeight, type QuickPage } from '../../../../lib/search/quick-build';
import { flows } from '../../../../machines/registry';
import { t } from '../../../../i18n/ui';
import { langs, type Lang } from '../../../../i18n/langs.mjs';

/** An article's section headings (## to ####), their markdown taken off. */
const headings = (body: string) =>
  [...body.matchAll(/^#{2,4}\s+(.+)$/gm)].map((m) =>
    m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .trim(),
  );

/** The pages of the quick tier in `lang`: every article, and the codes table (a code's own page is found from the code list). */
async function quickPages(lang: Lang): Promise<QuickPage[]> {
  const tr = (text: string) => inLang(lang, text);
  const pages: QuickPage[] = (await getArticles()).map((a) => {
    const d = a.entry.data;
    const flow = d.flow ? flows[d.flow] : undefined;
    const fields = [
      { text: d.title, weight: fieldWeight.title },
      ...d.messages.map((text) => ({ text, weight: fieldWeight.message })),
      ...d.phrases.map((text) => ({ text, weight: fieldWeight.message })),
      ...headings(a.entry.body ?? '').map((text) => ({ text, weight: fieldWeight.heading })),
      { text: d.description, weight: fieldWeight.summary },
      ...(flow ? [flow.title, flow.intro].map((text) => ({ text, weight: fieldWeight.flow })) : []),
    ];
    return {
      url: articlePath(lang, a.id),
      title: tr(d.title),
      category: a.category,
      summary: tr(d.description),
      fields: fields.map((f) => ({ ...f, text: tr(f.text) })),
    };
  });
  const codes = { title: tr(t('codes.title')), summary: tr(t('codes.intro')) };
  pages.push({
    url: url(`/${lang}/codes/`),
    ...codes,
    category: 'codes',
    fields: [
      { text: codes.title, weight: fieldWeight.title },
      { text: codes.summary, weight: fieldWeight.summary },
    ],
  });
  return pages;
}

/**
 * The built tier of each language, made once for all its files in a build; the dev server makes
 * it again for each file asked for, so an edited article is found as it now reads.
 */
const built = new Map<Lang, Promise<Map<string, unknown>>>();
const tier = (lang: Lang) => {
  let files = built.get(lang);
  if (!files || import.meta.env.DEV) built.set(lang, (files = quickPages(lang).then(buildQuick)));
  return files;
};

// The route's name ends in .json, so the dev server serves `meta.json` as a file (a dynamic
// segment holding the extension was taken for a page and sent to `meta.json/`, a 404).
export async function getStaticPaths() {
  const paths = [];
  for (const lang of langs)
    for (const name of (await tier(lang)).keys()) paths.push({ params: { lang, file: name.replace(/\.json$/, '') } });
  return paths;
}

/** One file of the quick search tier (src/lib/search/quick-index.ts): its meta, a shard of terms, or page records. */
export const GET: APIRoute = async ({ params }) => {
  const files = await tier(params.lang as Lang);
  const body = files.get(`${params.file}.json`);
  if (body === undefined) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
