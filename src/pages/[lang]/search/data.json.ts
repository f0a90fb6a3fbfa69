import type { APIRoute } from 'astro';
import { flows } from '../../../machines/registry';
import { ui } from '../../../i18n/ui';
import { getArticles } from '../../../lib/articles';
import { codePath, getCodes } from '../../../lib/codes';
import { inLang } from '../../../lib/convert';
import { buildCharMap } from '../../../lib/search/charmap';
import type { SearchData } from '../../../lib/search/query';
import { synonyms } from '../../../lib/search/synonyms';
import { filler } from '../../../lib/search/filler';
import { langName, langs, type Lang } from '../../../i18n/langs.mjs';

export function getStaticPaths() {
  return langs.map((lang) => ({ params: { lang } }));
}

/** What the search page needs besides Pagefind: the code list, the character map, synonyms, filler words. */
export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const [articles, codes] = await Promise.all([getArticles(), getCodes()]);
  const texts = [
    ...articles.flatMap((a) => [
      a.entry.body ?? '',
      a.entry.data.title,
      a.entry.data.description,
      ...a.entry.data.messages,
      ...a.entry.data.phrases,
    ]),
    ...codes.flatMap((c) => [c.data.meaning, ...c.data.display, ...c.data.steps, c.data.actor]),
    ...Object.values(flows).map((f) => JSON.stringify(f.model) + f.title + f.intro),
    ...Object.values(ui),
    ...synonyms.flat(),
    ...filler,
    ...langs.map(langName),
  ];
  const data: SearchData = {
    // Each code's URL and title are made from its id and meaning in the browser: 1.5 kB less to load.
    codes: codes.map((c) => ({
      id: c.id,
      meaning: inLang(lang, c.data.meaning),
      display: c.data.display.map((d) => inLang(lang, d)),
    })),
    codePages: codePath(lang, 'x').replace(/x\/$/, ''),
    chars: buildCharMap(texts, lang),
    synonyms: synonyms.map((row) => [...new Set(row.map((w) => inLang(lang, w)))]),
    filler: [...new Set(filler.map((w) => inLang(lang, w)))],
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
