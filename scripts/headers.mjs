// @ts-check
/**
 * The HTTP headers the README's deploy table asks hosts to send, in one place: `npm start`
 * (scripts/serve.mjs) sends them, and the nginx test checks deploy/nginx/ sends the same.
 */
import { langFromPath } from '../src/i18n/langs.mjs';
import { webOrigin } from './site-config.mjs';

/** The Content-Security-Policy every response carries, less its `frame-ancestors`. */
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** The CSP of every page except the iframe route: nobody may frame it. */
export const pageCsp = `${cspBase}; frame-ancestors 'none'`;

/**
 * The `frame-ancestors` sources of the iframe route: the site itself (the integrator guide's
 * demo) plus `embedOrigins` from site.config.mjs; `*` lets any site frame it.
 * @param {readonly string[]} embedOrigins
 */
export function frameAncestors(embedOrigins) {
  for (const origin of embedOrigins) {
    if (origin !== '*' && !webOrigin.test(origin)) {
      throw new Error(
        `site.config.mjs: embedOrigins lists "${origin}", which is not an origin. Write it as scheme and host, like 'https://portal.bank.example' (no path, no trailing slash).`,
      );
    }
  }
  if (embedOrigins.includes('*')) return '*';
  return ["'self'", ...embedOrigins].join(' ');
}

/**
 * The CSP of the iframe route `/{lang}/embed/{flow}/`.
 * @param {readonly string[]} embedOrigins
 */
export const frameCsp = (embedOrigins) => `${cspBase}; frame-ancestors ${frameAncestors(embedOrigins)}`;

/**
 * Whether `pathname` is the iframe route `/{lang}/embed/{flow}/` (not the guide `/{lang}/embed/`).
 * @param {string} pathname
 */
export const isFrameRoute = (pathname) =>
  langFromPath(pathname) !== undefined && /^\/[^/]+\/embed\/[a-z0-9-]+\/(index\.html)?$/.test(pathname);

/**
 * Whether `pathname` is a flow's data file, `/embed/flows/{lang}/{flow}.{hash}.json` (content-hashed).
 * @param {string} pathname
 */
const isFlowFile = (pathname) => /^\/embed\/flows\/[a-z-]+\/[a-z0-9-]+\.[0-9a-f]+\.json$/.test(pathname);

/**
 * Whether `pathname` is a file of the quick search tier named by its build,
 * `/{lang}/search/quick/{q|r}-{n}.{version}.json` (src/lib/search/quick-index.ts); its meta is not.
 * @param {string} pathname
 */
const isQuickFile = (pathname) => /^\/[a-z-]+\/search\/quick\/[qr]-\d+\.[0-9a-f]+\.json$/.test(pathname);

/**
 * Caching per path, as the README's deploy table says. Only for successful responses: a 404 is
 * never cacheable (see `headersFor`).
 * @param {string} pathname
 */
function cacheControl(pathname) {
  if (pathname === '/sw.js') return 'no-cache';
  if (
    pathname.startsWith('/_astro/') ||
    /^\/embed\/pos-troubleshooter\.[0-9a-f]+\.js$/.test(pathname) ||
    isFlowFile(pathname) ||
    isQuickFile(pathname)
  )
    return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

/**
 * Every header the README's table asks for on a response to `pathname` with `status`.
 * @param {string} pathname
 * @param {number} status
 * @param {{ embedOrigins: readonly string[] }} options
 * @returns {Record<string, string>}
 */
export function headersFor(pathname, status, { embedOrigins }) {
  const frame = status < 400 && isFrameRoute(pathname);
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Security-Policy': frame ? frameCsp(embedOrigins) : pageCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': status < 400 ? cacheControl(pathname) : 'no-store',
  };
  // X-Frame-Options cannot list origins: old browsers get DENY everywhere but the iframe route.
  if (!frame) headers['X-Frame-Options'] = 'DENY';
  if (status < 400 && pathname === '/sw.js') headers['Service-Worker-Allowed'] = '/';
  // The bundle and the flow files it fetches (with `integrity`, so in CORS mode) from banks' pages.
  if (pathname.startsWith('/embed/') && (pathname.endsWith('.js') || isFlowFile(pathname))) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  return headers;
}
