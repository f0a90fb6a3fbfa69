// @ts-check
/**
 * Serves a built site (dist/) over HTTP, as a static host or CDN would: the site's 404 page for
 * missing paths, and the headers the README asks hosts to send.
 * Usage: node scripts/serve.mjs [dir=dist] [port=4321]
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

/**
 * Starts a server for `dir` on `port` (0 picks a free one) and resolves with it once listening.
 * @param {string} dir
 * @param {number} port
 */
export function serve(dir, port) {
  const root = path.resolve(dir);
  const assets = sirv(root, {
    dev: true, // reads files on each request: tests rebuild, and deploy a new sw.js, while it runs
    etag: true,
    setHeaders(res, pathname) {
      if (pathname === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
      if (pathname.startsWith('/embed/') && pathname.endsWith('.js')) {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      }
    },
  });
  const notFound = path.join(root, '404.html');
  const server = createServer((req, res) => {
    // sirv's dev mode would say no-cache for everything: send the README's caching instead.
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const writeHead = res.writeHead.bind(res);
    /** @type {(code: number, headers?: import('node:http').OutgoingHttpHeaders) => import('node:http').ServerResponse} */
    const withCaching = (code, headers = {}) =>
      writeHead(code, { ...headers, 'Cache-Control': cacheControl(pathname) });
    res.writeHead = /** @type {typeof res.writeHead} */ (/** @type {unknown} */ (withCaching));
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * Caching per path, as the README's deploy table says.
 * @param {string} pathname
 */
export function cacheControl(pathname) {
  if (pathname === '/sw.js') return 'no-cache';
  if (pathname.startsWith('/_astro/') || /^\/embed\/pos-troubleshooter\.[0-9a-f]+\.js$/.test(pathname))
    return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4321);
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}/. Run \`npm run build\` first (or \`npm start\`, which builds and serves).`);
    process.exit(1);
  }
  await serve(dir, port);
  console.log(`pos-help is served at http://localhost:${port}/ (Ctrl+C stops it)`);
}
