import config from 'virtual:pos-help/config';
import { url } from './url';

/** The deployer's settings (site.config.mjs, checked: scripts/site-config.mjs). */
export const site = config;

/** The URL the site is built for: Astro's `site` (site.config.mjs, or POS_HELP_SITE for a test build). */
const siteUrl: string = import.meta.env.SITE ?? site.site;

/** Absolute URL of a site path (under the base path), for hreflang, canonical and QR codes. */
export const absolute = (path: string): string => new URL(url(path), siteUrl).href;

export { url };

/**
 * One value per build: tags Pagefind's entry file (metaCacheTag), so it is fetched once per
 * deployment and the service worker can precache it, instead of once per visit.
 */
export const buildId = String(Date.now());
