/**
 * The site's base path (`/`, or the path of `site` in site.config.mjs, e.g. `/pos/help/`), always
 * ending in a slash: Astro's `base` (astro.config.mjs). Browser scripts write
 * `import.meta.env.BASE_URL` inline instead of importing this module, which would become a
 * shared chunk, one more request on every page.
 */
export const base: string = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/**
 * A site path (`/zh-hant/codes/`, as DESIGN.md writes URLs) as served: under the base path when
 * the site lives under one. Every link, asset and fetch of the site goes through it.
 */
export const url = (path: string): string => `${base}${path.replace(/^\//, '')}`;

/** The site path of a served pathname (the base path taken off), e.g. `/zh-hans/` for `/pos/help/zh-hans/`. */
export const withoutBase = (pathname: string): string =>
  pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
