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
    dev: true, // no caching of file lists: tests rebuild between runs
    setHeaders(res, pathname) {
      if (pathname === '/sw.js') {
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Service-Worker-Allowed', '/');
      }
      if (pathname.startsWith('/embed/') && pathname.endsWith('.js')) {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      }
    },
  });
  const notFound = path.join(root, '404.html');
  const server = createServer((req, res) => {
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
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
