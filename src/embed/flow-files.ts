/**
 * The embed bundle's stand-in for src/machines/flow-files.ts: each flow's data is a small module
 * beside the bundle (`flows/{flow}.{hash}.js`, written by scripts/build/embed.mjs), imported when
 * an element shows that flow. The bundle stays the same size however many flows there are; a
 * bank's page downloads the bundle and the one flow it shows, from the bundle's own origin, which
 * its `script-src` already allows. The names carry a hash of their content, so a pinned (SRI)
 * copy of the bundle always loads the flow data it was built with.
 */
import chunks from 'virtual:pos-embed-flows';
import type { FlowFile } from '../machines/schema';

/** The bundle's file name, content-hashed or not, as scripts/build/embed.mjs writes it. */
const bundleName = /\/pos-troubleshooter(\.[0-9a-f]+)?\.js(?:[?#]|$)/;

/**
 * The bundle's own URL, found while it runs: `document.currentScript` for a classic script; for
 * `<script type="module">` (where that is null) the script element or the resource that loaded
 * a file of the bundle's name; the page's base URL as a last resort.
 */
function bundleUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  const script = scripts.find((s) => bundleName.test(s.src));
  if (script) return script.src;
  const loaded = performance.getEntriesByType('resource').find((e) => bundleName.test(e.name));
  return loaded?.name ?? document.baseURI;
}

const base = bundleUrl();

/** Loaders of the flow files, by path (`../content/flows/{flow}.yaml`), as in flow-files.ts. */
export const flowFiles: Record<string, () => Promise<FlowFile>> = Object.fromEntries(
  Object.entries(chunks).map(([path, file]) => [
    path,
    async () => ((await import(/* @vite-ignore */ new URL(file, base).href)) as { default: FlowFile }).default,
  ]),
);
