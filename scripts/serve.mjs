// @ts-check
/**
 * Serves a built site (dist/) over HTTP, as a static host or CDN would: GET and HEAD only, the
 * site's 404 page for missing paths, and the headers the README asks hosts to send
 * (scripts/headers.mjs: caching, Content-Security-Policy, framing).
 * Usage: node scripts/serve.mjs [dir=dist] [port=4321] [prefix=/]
 * A `prefix` (`/pos/help/`) serves a site built for a sub-path there, as a host would; every
 * other path is a 404. It answers as deploy/nginx does (test/e2e/nginx.test.ts sends both the
 * same requests): a directory without its slash is redirected, one without a page is a 404, so
 * is /404.html itself, and `Range` is ignored (a whole file, 200), as RFC 9110 allows: sirv passed
 * any range to fs.createReadStream, so `bytes=10-5` stopped the server and `bytes=-10` sent the
 * wrong bytes, while nginx's own 416 repeats every header, year-long caching included.
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { siteConfig } from './site-config.mjs';
import { frameAncestors, headersFor } from './headers.mjs';

/**
 * Starts a server for `dir` on `port` (0 picks a free one) and resolves with it once listening.
 * `embedOrigins` (default: site.config.mjs) may frame the iframe route; `prefix` is the path the
 * site is served under (default `/`).
 * @param {string} dir
 * @param {number} port
 * @param {{ embedOrigins?: readonly string[], prefix?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(dir, port, { embedOrigins = siteConfig.embedOrigins, prefix = '/' } = {}) {
  const base = prefix.replace(/\/?$/, '/');
  frameAncestors(embedOrigins); // a wrong origin passed in stops here, with the fix
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
    let file;
    try {
      file = resolveFile(root, decodeURIComponent(pathname));
    } catch {
      return missing(); // a malformed %-escape names no file
    }
    if (pathname === '/404.html') return missing();
    if (file?.redirect) {
      res.statusCode = 301;
      res.setHeader('Location', `${base}${pathname.slice(1)}/${requested.search}`);
      return res.end();
    }
    req.url = `${pathname}${requested.search}`;
    delete req.headers.range; // whole files only, as deploy/nginx (max_ranges 0)
    try {
      assets(req, res, missing);
    } catch (error) {
      failed(res, error);
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * The file a path names, as sirv and nginx look it up (`/a/` → `/a/index.html`, `/a` → `/a`,
 * `/a.html`), or `{ redirect }` for a directory asked for without its slash (nginx answers 301).
 * @param {string} root
 * @param {string} pathname decoded
 * @returns {{ abs: string, redirect?: undefined } | { redirect: true, abs?: undefined } | undefined}
 */
function resolveFile(root, pathname) {
  const abs = path.join(root, pathname);
  if (abs !== root && !abs.startsWith(root + path.sep)) return undefined;
  const isFile = (/** @type {string} */ p) => existsSync(p) && statSync(p).isFile();
  if (pathname.endsWith('/'))
    return isFile(path.join(abs, 'index.html')) ? { abs: path.join(abs, 'index.html') } : undefined;
  if (isFile(abs)) return { abs };
  if (isFile(`${abs}.html`)) return { abs: `${abs}.html` };
  if (existsSync(abs) && statSync(abs).isDirectory()) return { redirect: true };
  return undefined;
}

/**
 * A file that could not be read: 500 if nothing was sent yet, else the connection is closed; the
 * server goes on answering either way.
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} error
 */
function failed(res, error) {
  console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
  if (res.headersSent) return res.destroy();
  res.statusCode = 500;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('The file could not be read.\n');
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
