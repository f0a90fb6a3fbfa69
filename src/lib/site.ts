import config from '../../site.config.mjs';
import { langTag, type Lang } from './taxonomy';

/** The deployer's settings (site.config.mjs). */
export const site = config;

/** The other language of the pair. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh-hant' ? 'zh-hans' : 'zh-hant');

/** Absolute URL of a site path, for hreflang, canonical and QR codes. */
export const absolute = (path: string): string => new URL(path, site.site).href;

export { langTag };

/**
 * One value per build: tags Pagefind's entry file (metaCacheTag), so it is fetched once per
 * deployment and the service worker can precache it, instead of once per visit.
 */
export const buildId = String(Date.now());
