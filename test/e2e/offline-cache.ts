import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';

/** Visits `path` at `origin` and waits until the service worker (installed) controls the page. */
export async function underServiceWorker(page: Page, origin: string, path = '/zh-hant/'): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every URL path the site's caches hold on this device (both versions, if two). */
export const cachedPaths = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
    return paths;
  });

/** Names of the site's caches on this device. */
export const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());

/**
 * Replaces a stored entry's body with `body`, keeping its headers (and the hash they carry), as
 * a damaged disk or an interrupted write would leave it. Returns whether there was an entry.
 */
export const corrupt = (page: Page, path: string, body = 'garbage'): Promise<boolean> =>
  page.evaluate(
    async ({ path, body }) => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const url = new URL(path, location.origin).href;
        const res = await cache.match(url);
        if (res) {
          await cache.put(url, new Response(body, { headers: res.headers }));
          return true;
        }
      }
      return false;
    },
    { path, body },
  );

/** Deletes a stored entry. Returns whether there was one. */
export const forget = (page: Page, path: string): Promise<boolean> =>
  page.evaluate(async (path) => {
    let found = false;
    for (const name of await caches.keys())
      found = (await (await caches.open(name)).delete(new URL(path, location.origin).href)) || found;
    return found;
  }, path);

/** The body a stored entry holds now, or null. */
export const storedText = (page: Page, path: string): Promise<string | null> =>
  page.evaluate(async (path) => {
    const res = await caches.match(new URL(path, location.origin).href);
    return res ? res.text() : null;
  }, path);

/** Sets the storage quota of `origin` for this browser context (Chromium, over CDP). */
export async function limitQuota(context: BrowserContext, page: Page, origin: string, bytes: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

/**
 * A server in front of `origin` that holds each response `ms` milliseconds, so a download of the
 * whole site takes long enough to watch, cancel and reload in the middle of.
 */
export async function slowProxy(origin: string, ms: number): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(origin);
  const server: Server = createServer((req, res) => {
    setTimeout(() => {
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }, ms);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
