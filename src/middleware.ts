import { defineMiddleware } from 'astro:middleware';
import { htmlToHans } from './lib/convert';
import { withoutBase } from './lib/url';

/**
 * Every page is written once in zh-Hant. Pages under /zh-hans/ are rendered from the same
 * source and converted here, on their way out, so nothing Simplified is ever hand-copied.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const isHans = withoutBase(context.url.pathname).startsWith('/zh-hans/');
  const isHtml = response.headers.get('content-type')?.includes('text/html');
  if (!isHans || !isHtml) return response;
  const html = await response.text();
  return new Response(htmlToHans(html), { status: response.status, headers: response.headers });
});
