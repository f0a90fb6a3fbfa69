import { defineMiddleware } from 'astro:middleware';
import { conversionOf, langFromPath } from './i18n/langs.mjs';
import { htmlInLang } from './lib/convert';
import { withoutBase } from './lib/url';

/**
 * Every page is written once, in the source language. Pages of a converted language (under
 * /zh-hans/) are rendered from the same source and converted here, on their way out, so nothing
 * is ever hand-copied.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const lang = langFromPath(withoutBase(context.url.pathname));
  const isHtml = response.headers.get('content-type')?.includes('text/html');
  if (!lang || !conversionOf(lang) || !isHtml) return response;
  const html = await response.text();
  return new Response(htmlInLang(lang, html), { status: response.status, headers: response.headers });
});
