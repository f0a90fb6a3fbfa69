// @ts-check
/**
 * Serves a built site (dist/) over HTTP, as a static host or CDN would: GET and HEAD only, the
 * site's 404 page for missing paths, and the headers the README asks hosts to send
 * (scripts/headers.mjs: caching, Content-Security-Policy, framing).
 * Usage: node scripts/serve.mjs [dir=dist] [port=4321] [prefix=/]
 * A `prefix` (`/pos/help/`) serves a site built for a sub-path there, as a host would; every
 * other path is a 404.
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import siteConfig from '../site.config.mjs';
import { frameAncestors, headersFor } from './headers.mjs';

export { cacheControl } from './headers.mjs';

/**
 * Starts a server for `dir` on `port` (0 picks a free one) and resolves with it once listening.
 * `embedOrigins` (default: site.config.mjs) may frame the iframe route; `prefix` is the path the
 * site is served under (default `/`).
 * @param {string} dir
 * @param {number} port
 * @param {{ embedOrigins?: readonly string[], prefix?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(dir, port, { embedOrigins = siteConfig.embedOrigins ?? [], prefix = '/' } = {}) {
  const base = prefix.replace(/\/?$/, '/');
  frameAncestors(embedOrigins); // a wrong origin in site.config.mjs stops here, with the fix
  const root = path.resolve(dir);
  const assets = sirv(root, {
    dev: true, // reads files on each request: tests rebuild, and deploy a new sw.js, while it runs
    etag: true,
  });
  const notFound = path.join(root, '404.html');
  const server = createServer((req, res) => {
    const requested = new URL(req.url ?? '/', 'http://localhost');
    const inside = requested.pathname.startsWith(base);
    // The site's own path, as the headers table writes it (prefix taken off).
    const pathname = inside ? `/${requested.pathname.slice(base.length)}` : requested.pathname;
    // Every response, whatever writes it, gets the README's headers for its path and status
    // (sirv's dev mode alone would say no-cache for everything).
    const writeHead = res.writeHead.bind(res);
    /** @type {(code: number, headers?: import('node:http').OutgoingHttpHeaders) => import('node:http').ServerResponse} */
    const withHeaders = (code, headers = {}) =>
      writeHead(code, { ...headers, ...headersFor(pathname, code, { embedOrigins }) });
    res.writeHead = /** @type {typeof res.writeHead} */ (/** @type {unknown} */ (withHeaders));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Only GET and HEAD are allowed: this is a static site.\n');
      return;
    }
    const missing = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    };
    if (!inside) return missing();
    req.url = `${pathname}${requested.search}`;
    assets(req, res, missing);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4321);
  const prefix = process.argv[4] ?? '/';
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}/. Run \`npm run build\` first (or \`npm start\`, which builds and serves).`);
    process.exit(1);
  }
  await serve(dir, port, { prefix });
  console.log(`pos-help is served at http://localhost:${port}${prefix} (Ctrl+C stops it)`);
}
