import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import siteConfig from '../../site.config.mjs';
import { headersFor } from '../../scripts/headers.mjs';
import { serve } from '../../scripts/serve.mjs';
import { connect } from 'node:net';
import type { Server } from 'node:http';
import { dist, distFiles } from './dist';

/**
 * deploy/nginx/ run by the real nginx (Debian's package; CI installs it), with its root pointed at
 * dist/: the headers must be those of scripts/headers.mjs, which the README's table states.
 */
const nginxBin = '/usr/sbin/nginx';
const deploy = path.resolve(import.meta.dirname, '../../deploy/nginx');
let prefix: string;
let nginx: ChildProcess;
let base: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The main configuration nginx.conf gives the server block, as Debian's and the Docker image's do. */
const mainConf = (dir: string) => `
worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include pos-help.conf;
}
`;

beforeAll(async () => {
  if (!existsSync(nginxBin)) {
    throw new Error(`${nginxBin} is missing. Install Debian's nginx (apt-get install nginx), as .ci/run does.`);
  }
  prefix = mkdtempSync(path.join(tmpdir(), 'pos-nginx-'));
  const port = await freePort();
  const server = readFileSync(path.join(deploy, 'pos-help.conf'), 'utf8')
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/usr\/share\/nginx\/html;$/m, `$1root ${dist};`);
  expect(server).toContain(`root ${dist};`);
  writeFileSync(path.join(prefix, 'pos-help.conf'), server);
  cpSync(path.join(deploy, 'pos-help'), path.join(prefix, 'pos-help'), { recursive: true });
  writeFileSync(path.join(prefix, 'nginx.conf'), mainConf(prefix));
  const conf = path.join(prefix, 'nginx.conf');
  nginx = spawn(nginxBin, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (d) => (stderr += d));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx stopped: ${stderr}`);
    if (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer on ${base}: ${stderr}`);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const stopped = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await stopped;
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

/** The headers scripts/headers.mjs names, as nginx sent them. */
async function check(pathname: string, status = 200, method = 'GET') {
  const res = await fetch(`${base}${pathname}`, { method, redirect: 'manual' });
  expect(res.status, pathname).toBe(status);
  const expected = headersFor(pathname, status, { embedOrigins: siteConfig.embedOrigins ?? [] });
  for (const [name, value] of Object.entries(expected))
    expect(res.headers.get(name), `${pathname}: ${name}`).toBe(value);
  return res;
}

describe('deploy/nginx on Debian’s nginx', () => {
  it('sends the README’s headers with pages, including the strict CSP', async () => {
    const res = await check('/zh-hans/');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    await check('/');
    await check('/zh-hant/network/');
    await check('/zh-hans/embed/');
    await check('/offline/');
  });

  it('lets only the embedding origins of site.config.mjs frame the iframe route', async () => {
    const res = await check('/zh-hans/embed/network/');
    expect(res.headers.get('x-frame-options')).toBeNull();
    await check('/zh-hant/embed/hardware/');
  });

  it('caches content-hashed files for a year, the service worker never', async () => {
    const files = await distFiles();
    const asset = files.find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
    await check(`/${asset}`);
    const versioned = files.find((f) => /^embed\/pos-troubleshooter\.[0-9a-f]+\.js$/.test(f));
    await check(`/${versioned}`);
    // A flow's data, fetched from banks' pages with its sha384: JSON, cross-origin, immutable.
    const flowFile = files.find((f) => /^embed\/flows\/zh-hans\/network\.[0-9a-f]+\.json$/.test(f));
    expect(flowFile).toBeDefined();
    const flow = await check(`/${flowFile}`);
    expect(flow.headers.get('content-type')).toMatch(/^application\/json/);
    expect(flow.headers.get('access-control-allow-origin')).toBe('*');
    expect(flow.headers.get('cache-control')).toContain('immutable');
    // The quick search tier's files named by their build, and its meta, which names them.
    const shard = files.find((f) => /^zh-hant\/search\/quick\/q-0\.[0-9a-f]+\.json$/.test(f));
    expect(shard).toBeDefined();
    const quick = await check(`/${shard}`);
    expect(quick.headers.get('content-type')).toMatch(/^application\/json/);
    expect(quick.headers.get('cache-control')).toContain('immutable');
    expect((await check('/zh-hant/search/quick/meta.json')).headers.get('cache-control')).toContain('must-revalidate');
    await check('/embed/pos-troubleshooter.js');
    await check('/sw.js');
  });

  it('serves the manifest and the search files with the right types', async () => {
    const manifest = await check('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    const search = await check('/pagefind/pagefind.js');
    expect(search.headers.get('content-type')).toBe('application/javascript');
    // Pagefind's WebAssembly comes gzipped in its own format and is unpacked by pagefind.js.
    const wasm = (await distFiles()).find((f) => /^pagefind\/wasm\.[\w-]+\.pagefind$/.test(f));
    expect(wasm).toBeDefined();
    await check(`/${wasm}`);
  });

  it('answers a missing path with the site’s 404 page, status 404, not cacheable', async () => {
    const res = await check('/zh-hans/no-such-page/', 404);
    expect(await res.text()).toBe(readFileSync(path.join(dist, '404.html'), 'utf8'));
    await check('/zh-hans/embed/no-such-flow/', 404);
  });

  it('answers only GET and HEAD', async () => {
    await check('/zh-hans/', 200, 'HEAD');
    const res = await check('/zh-hans/', 405, 'POST');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('compresses text for browsers that accept gzip', async () => {
    const res = await fetch(`${base}/zh-hans/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('redirects a page path without its slash, keeping the browser’s host and port', async () => {
    const res = await fetch(`${base}/zh-hans/codes`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/zh-hans/codes/');
  });
});

/** Sends a raw request line and headers to `url`'s host and returns the status line and headers. */
function raw(url: string, request: string): Promise<{ status: number; headers: Record<string, string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
  });
}

describe('npm start (scripts/serve.mjs) and deploy/nginx answer alike', () => {
  let node: Server;
  let nodeBase: string;
  beforeAll(async () => {
    node = await serve(dist, 0, { embedOrigins: siteConfig.embedOrigins ?? [] });
    const address = node.address();
    nodeBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => node.close(() => resolve())));

  const compared = [
    'content-security-policy',
    'x-frame-options',
    'x-content-type-options',
    'referrer-policy',
    'cache-control',
    'access-control-allow-origin',
    'cross-origin-resource-policy',
    'service-worker-allowed',
    'location',
    'content-range',
  ];
  /** Status and the compared headers of one request. */
  const answer = async (origin: string, pathname: string, init: RequestInit = {}) => {
    const res = await fetch(`${origin}${pathname}`, { redirect: 'manual', ...init });
    await res.arrayBuffer();
    return { status: res.status, ...Object.fromEntries(compared.map((h) => [h, res.headers.get(h)])) };
  };

  it('sends the same status and headers for pages, redirects, folders, missing paths and ranges', async () => {
    const files = await distFiles();
    const asset = `/${files.find((f) => f.startsWith('_astro/') && f.endsWith('.css'))}`;
    const requests: [string, RequestInit?][] = [
      ['/'],
      ['/zh-hans/'],
      ['/zh-hans/codes'],
      ['/zh-hant/embed/network'],
      ['/zh-hant/embed/network/'],
      ['/404.html'],
      ['/embed/'],
      ['/embed/flows/'],
      ['/pagefind/'],
      ['/_astro/'],
      ['/zh-hans/no-such-page/'],
      ['/sw.js'],
      ['/sw.js', { headers: { Range: 'bytes=-10' } }],
      ['/sw.js', { headers: { Range: 'bytes=0-0' } }],
      [asset, { headers: { Range: 'bytes=10-5' } }],
      [asset, { headers: { Range: 'bytes=999999999-' } }],
      ['/sw.js', { headers: { Range: 'bytes=999999999-' } }],
      ['/sw.js', { headers: { Range: 'bytes=abc' } }],
      ['/zh-hans/', { method: 'POST' }],
    ];
    for (const [pathname, init] of requests) {
      const label = `${init?.method ?? 'GET'} ${pathname} ${JSON.stringify(init?.headers ?? {})}`;
      expect(await answer(nodeBase, pathname, init), label).toEqual(await answer(base, pathname, init));
    }
  });

  it('goes on answering after bad ranges', async () => {
    for (const range of ['bytes=10-5', 'bytes=abc', 'bytes=-0', 'bytes=5-']) {
      const res = await fetch(`${nodeBase}/sw.js`, { headers: { Range: range } });
      await res.arrayBuffer();
      expect(res.status, range).toBe(200);
    }
    expect((await fetch(`${nodeBase}/zh-hans/`)).status).toBe(200);
  });

  it('sends the security headers and no-store on nginx’s own 400 and 414', async () => {
    const bad = await raw(base, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
    const long = await raw(base, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    for (const [name, res, status] of [
      ['missing Host', bad, 400],
      ['long URI', long, 414],
    ] as const) {
      expect(res.status, name).toBe(status);
      expect(res.headers['cache-control'], name).toBe('no-store');
      expect(res.headers['content-security-policy'], name).toMatch(/frame-ancestors 'none'$/);
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
    }
  });
});
