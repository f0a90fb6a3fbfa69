import type { APIRoute } from 'astro';
import { t } from '../i18n/ui';
import { toHans } from '../lib/convert';
import { site, url } from '../lib/site';

/** The install manifest, from the deployer's config; names in both scripts. */
export const GET: APIRoute = () => {
  const manifest = {
    name: `${site.deployerName}｜${toHans(site.deployerName)}`,
    short_name: site.shortName,
    description: `${t('site.tagline')} ${toHans(t('site.tagline'))}`,
    lang: 'zh',
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
