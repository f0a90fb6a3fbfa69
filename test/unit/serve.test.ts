import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameCsp, headersFor, isFrameRoute, pageCsp } from '../../scripts/headers.mjs';
import { serve } from '../../scripts/serve.mjs';

const files: Record<string, string> = {
  'index.html': '<!doctype html><title>root</title>',
  '404.html': '<!doctype html><title>not found</title>',
  'sw.js': 'self.addEventListener("install", () => {});',
  '_astro/page.abc123.css': 'body{}',
  'embed/pos-troubleshooter.js': '/* latest */',
  'embed/pos-troubleshooter.0123abcd.js': '/* versioned */',
  'zh-hant/search/quick/meta.json': '{"v":"0123abcd"}',
  'zh-hant/search/quick/q-0.0123abcd.json': '{}',
  'zh-hans/index.html': '<!doctype html><title>home</title>',
  'zh-hans/embed/index.html': '<!doctype html><title>guide</title>',
  'zh-hans/embed/network/index.html': '<!doctype html><title>frame</title>',
};

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pos-serve-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  server = await serve(dir, 0, { embedOrigins: ['https://portal.bank.example'] });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the iframe route and its frame-ancestors', () => {
  it('recognises /{lang}/embed/{flow}/ and nothing else as the iframe route', () => {
    expect(isFrameRoute('/zh-hans/embed/network/')).toBe(true);
    expect(isFrameRoute('/zh-hant/embed/hardware/index.html')).toBe(true);
    expect(isFrameRoute('/zh-hans/embed/')).toBe(false);
    expect(isFrameRoute('/embed/pos-troubleshooter.js')).toBe(false);
    expect(isFrameRoute('/zh-hans/network/')).toBe(false);
  });

  it('lets the site itself and the listed origins frame it, or anyone with *', () => {
    expect(frameCsp([])).toMatch(/frame-ancestors 'self'$/);
    expect(frameCsp(['https://a.example', 'https://b.example'])).toMatch(
      /frame-ancestors 'self' https:\/\/a\.example https:\/\/b\.example$/,
    );
    expect(frameCsp(['*'])).toMatch(/frame-ancestors \*$/);
  });

  it('refuses an embedding origin that is not scheme and host, naming the fix', () => {
    expect(() => frameCsp(['https://portal.bank.example/pos/'])).toThrow(
      /embedOrigins lists "https:\/\/portal\.bank\.example\/pos\/", which is not an origin/,
    );
    expect(() => frameCsp(["https://a.example; script-src 'unsafe-inline'"])).toThrow(/not an origin/);
  });

  it('never lets a missing page under the route be framed', () => {
    expect(headersFor('/zh-hans/embed/nope/', 404, { embedOrigins: ['*'] })).toMatchObject({
      'Content-Security-Policy': pageCsp,
      'X-Frame-Options': 'DENY',
    });
  });
});

describe('npm start (scripts/serve.mjs)', () => {
  it('sends the strict CSP and refuses framing on pages', async () => {
    const res = await fetch(`${base}/zh-hans/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  it('lets the embedding origins frame the iframe route, and only it', async () => {
    const frame = await fetch(`${base}/zh-hans/embed/network/`);
    expect(frame.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' https:\/\/portal\.bank\.example$/,
    );
    expect(frame.headers.get('x-frame-options')).toBeNull();
    const guide = await fetch(`${base}/zh-hans/embed/`);
    expect(guide.headers.get('content-security-policy')).toBe(pageCsp);
    expect(guide.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers a missing path with the 404 page, status 404, not cacheable', async () => {
    const res = await fetch(`${base}/zh-hans/no-such-page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not found');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe(pageCsp);
  });

  it('answers only GET and HEAD, with 405 and Allow otherwise', async () => {
    const head = await fetch(`${base}/zh-hans/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await fetch(`${base}/zh-hans/`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('caches content-hashed files for a year and the service worker not at all', async () => {
    const hashed = await fetch(`${base}/_astro/page.abc123.css`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const quick = await fetch(`${base}/zh-hant/search/quick/q-0.0123abcd.json`);
    expect(quick.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await fetch(`${base}/zh-hant/search/quick/meta.json`);
    expect(meta.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
    expect(sw.headers.get('content-security-policy')).toBe(pageCsp);
  });

  it('lets other origins load the embed bundle', async () => {
    const latest = await fetch(`${base}/embed/pos-troubleshooter.js`);
    expect(latest.headers.get('access-control-allow-origin')).toBe('*');
    expect(latest.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(latest.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const versioned = await fetch(`${base}/embed/pos-troubleshooter.0123abcd.js`);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a revalidation with 304 and the same headers', async () => {
    const first = await fetch(`${base}/zh-hans/`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${base}/zh-hans/`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(pageCsp);
  });
});

describe('npm start answers bad requests and goes on answering', () => {
  const body = files['sw.js']!;
  const get = (pathname: string, range?: string) =>
    fetch(`${base}${pathname}`, { headers: range ? { Range: range } : {}, redirect: 'manual' });

  it('sends whole files whatever the Range, and goes on answering after a malformed one', async () => {
    for (const range of [
      'bytes=10-5',
      'bytes=-10',
      'bytes=abc',
      'bytes=0-0',
      `bytes=${body.length}-`,
      'bytes=0-1, 3-4',
    ]) {
      const res = await get('/sw.js', range);
      expect(res.status, range).toBe(200);
      expect(await res.text(), range).toBe(body);
      expect(res.headers.get('content-range'), range).toBeNull();
    }
    const hashed = await get('/_astro/page.abc123.css', 'bytes=10-5');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await hashed.text()).toBe(files['_astro/page.abc123.css']);
    expect((await get('/zh-hans/')).status).toBe(200);
  });

  it('answers as nginx does: a directory without its slash is redirected, one without a page and /404.html are 404s', async () => {
    const frame = await get('/zh-hans/embed/network');
    expect(frame.status).toBe(301);
    expect(frame.headers.get('location')).toBe('/zh-hans/embed/network/');
    for (const pathname of ['/404.html', '/embed/', '/_astro/', '/zh-hans/%E0%A4%A/']) {
      const res = await get(pathname);
      expect(res.status, pathname).toBe(404);
      expect(res.headers.get('cache-control'), pathname).toBe('no-store');
    }
  });
});
