import type { APIRoute } from 'astro';
import { t } from '../i18n/ui';
import { commonTag, langs } from '../i18n/langs.mjs';
import { inLang } from '../lib/convert';
import { site, url } from '../lib/site';

/** The install manifest, from the deployer's config; names in every language. */
export const GET: APIRoute = () => {
  const manifest = {
    name: langs.map((lang) => inLang(lang, site.deployerName)).join('｜'),
    short_name: site.shortName,
    description: langs.map((lang) => inLang(lang, t('site.tagline'))).join(' '),
    lang: commonTag,
    start_url: url('/'),
    scope: url('/'),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: site.colors.accent,
    icons: [
      { src: url('/icons/icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: url('/icons/icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: url('/icons/maskable-192.png'), sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: url('/icons/maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
