/**
 * One file of a script's offline list, stored in the service worker's cache and checked against
 * its SHA-256 (for offline-save.ts, the "keep the whole help centre" control).
 */
export interface Listed {
  url: string;
  size: number;
  sha: string;
  title?: string;
}
export interface List {
  version: string;
  lang: string;
  bytes: number;
  files: Listed[];
}

/** The site's base path (`/` or `/pos/help/`). */
export const base = import.meta.env.BASE_URL;
export const SHA = 'x-pos-help-sha256';
export const PREFIX = 'pos-help-';
export const abs = (url: string) => new URL(`${base}${url}`, location.origin).href;
export const markerUrl = (lang: string) => abs(`__offline__/saved-${lang}`);

/** Bytes as a merchant reads them: 850 KB, 2.4 MB. */
export const size = (bytes: number) =>
  bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} KB` : `${(bytes / 1e6).toFixed(1)} MB`;

export const hex = (buf: ArrayBuffer) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** Whether a cache already holds this file as listed. */
export async function holds(cache: Cache, file: Listed): Promise<boolean> {
  const res = await cache.match(abs(file.url));
  return res?.headers.get(SHA) === file.sha;
}

/** Fetches a listed file past the worker and stores it, refusing one whose SHA-256 differs. */
export async function store(cache: Cache, file: Listed, signal: AbortSignal): Promise<void> {
  // The header lets the request past the worker (which would store a second copy).
  const res = await fetch(abs(file.url), {
    signal,
    cache: 'no-cache',
    credentials: 'same-origin',
    headers: { 'x-pos-help-save': '1' },
  });
  if (!res.ok) throw new Error(`${res.status} ${file.url}`);
  const body = await res.arrayBuffer();
  const sha = hex(await crypto.subtle.digest('SHA-256', body));
  if (sha !== file.sha) throw new Error(`changed: ${file.url}`);
  const headers = new Headers(res.headers);
  headers.set(SHA, sha);
  await cache.put(abs(file.url), new Response(body, { status: res.status, statusText: res.statusText, headers }));
}
