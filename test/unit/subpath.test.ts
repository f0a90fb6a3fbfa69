import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { resolves } from '../../scripts/build/check-links.mjs';
import markdownBase from '../../scripts/markdown-base.mjs';
import { serve } from '../../scripts/serve.mjs';

const files = ['index.html', '404.html', 'sw.js', 'zh-hant/index.html', 'zh-hant/embed/network/index.html'];

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pos-subpath-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `<!doctype html><title>${file}</title>`);
  }
  server = await serve(dir, 0, { prefix: '/pos/help/' });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('serving a sub-path build under its prefix', () => {
  it('serves the site under the prefix, with the headers of the paths without it', async () => {
    const page = await fetch(`${origin}/pos/help/zh-hant/?q=1`);
    expect(page.status).toBe(200);
    await expect(page.text()).resolves.toContain('zh-hant/index.html');
    const sw = await fetch(`${origin}/pos/help/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const frame = await fetch(`${origin}/pos/help/zh-hant/embed/network/`);
    expect(frame.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
  });

  it('answers every path outside the prefix with the 404 page, not cacheable', async () => {
    for (const outside of ['/', '/zh-hant/', '/sw.js', '/pos/helpers/']) {
      const res = await fetch(`${origin}${outside}`);
      expect(res.status, outside).toBe(404);
      expect(res.headers.get('cache-control'), outside).toBe('no-store');
      await expect(res.text()).resolves.toContain('404.html');
    }
  });
});

describe('links under a base path', () => {
  const built = new Set(['index.html', 'zh-hant/index.html', 'favicon.svg']);

  it('resolve only when they stay under the base path', () => {
    expect(resolves('/pos/help/zh-hant/', built, '/pos/help/')).toBe(true);
    expect(resolves('/pos/help/favicon.svg', built, '/pos/help/')).toBe(true);
    expect(resolves('/zh-hant/', built, '/pos/help/')).toBe(false);
    expect(resolves('/zh-hant/', built)).toBe(true);
  });

  it('in articles get the base path in front of site paths, and only of those', async () => {
    const source = '[碼](/zh-hant/codes/a0/) [外](https://bank.example/) [段](#step) ![圖](/icons/a.png)';
    const { html } = await markdownToHtml(source, { hastPlugins: [markdownBase('/pos/help/')] });
    expect(html).toContain('href="/pos/help/zh-hant/codes/a0/"');
    expect(html).toContain('href="https://bank.example/"');
    expect(html).toContain('href="#step"');
    expect(html).toContain('src="/pos/help/icons/a.png"');
    expect(markdownBase('/')).toBeNull();
  });
});
