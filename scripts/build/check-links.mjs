// @ts-check
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sourceLang } from '../../src/i18n/langs.mjs';

/**
 * Lists every file under `root`, relative, with forward slashes.
 * @param {string} root
 * @returns {Promise<string[]>}
 */
export async function listFiles(root) {
  const out = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out;
}

/** Schemes a page may link to (`href`); anything else (javascript:, data:, vbscript:, file:…) is refused. */
const linkSchemes = /^(https?|mailto|tel):/i;

/**
 * An attribute value as the browser reads it: character references decoded, and the tabs, line
 * breaks and leading spaces it ignores in a URL taken out (so `java&#x73;cript:` is `javascript:`).
 * @param {string} value
 */
const asBrowserReads = (value) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&amp;/gi, '&')
    .replace(/[\t\n\r]/g, '')
    .trim();

/**
 * Internal links and assets a page references (href, src), as written, and the references with a
 * scheme a page must not use: a link (`href`) only to http(s), mailto, tel or this site; an
 * asset (`src`) also to a `data:image/` URL (the print sheets' QR codes).
 * @param {string} html
 * @returns {{ refs: string[], unsafe: string[] }}
 */
export function findRefs(html) {
  const refs = [];
  const unsafe = [];
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const url = asBrowserReads(m[2] ?? '');
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
    if (scheme) {
      const allowed = linkSchemes.test(url) || (m[1] === 'src' && /^data:image\//i.test(url));
      if (!allowed) unsafe.push(url);
      continue;
    }
    if (url.startsWith('#')) continue;
    refs.push(url);
  }
  return { refs, unsafe };
}

/**
 * Does a site-absolute URL resolve to a file in `files` (a Set)? Under a base path
 * (`/pos/help/`), only URLs under it can: a link that leaves it is broken.
 * @param {string} url
 * @param {ReadonlySet<string>} files relative paths, as from listFiles
 * @param {string} [base] the base path, ending in a slash
 * @returns {boolean}
 */
export function resolves(url, files, base = '/') {
  const clean = decodeURI(url.split(/[?#]/)[0]);
  if (!clean.startsWith('/')) return true; // relative links are not used by the site; skip
  if (!clean.startsWith(base)) return false;
  const rel = clean.slice(base.length);
  if (rel === '' || rel.endsWith('/')) return files.has(`${rel}index.html`);
  return files.has(rel) || files.has(`${rel}/index.html`);
}

/**
 * Fails the build when a page links to a page or asset that is not in dist/ (or outside the base
 * path), naming the page and the link, so an author can fix the article that holds it.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 * @param {string} [base] the base path (astro.config.mjs), ending in a slash
 */
export async function checkLinks(dir, logger, base = '/') {
  const root = fileURLToPath(dir);
  const files = new Set(await listFiles(root));
  const broken = [];
  const unsafe = [];
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(path.join(root, file), 'utf8');
    const found = findRefs(html);
    for (const ref of found.refs) {
      if (!resolves(ref, files, base)) broken.push(`${file} links to ${ref}`);
    }
    for (const ref of found.unsafe) unsafe.push(`${file} links to ${ref.slice(0, 80)}`);
  }
  if (unsafe.length) {
    throw new Error(
      `Links a page must not carry (${unsafe.length}):\n  ${unsafe.slice(0, 40).join('\n  ')}\n` +
        'Fix: link only to http(s), mailto: or tel: addresses, or to a page of this site; remove the ' +
        'javascript:, data: or other link from the article (src/content/articles/…) that holds it.',
    );
  }
  if (broken.length) {
    throw new Error(
      `Broken internal links (${broken.length}):\n  ${broken.slice(0, 40).join('\n  ')}\n` +
        'Fix: correct the link in the article (src/content/articles/…) or add the missing page; ' +
        `links are written as /${sourceLang}/{category}/{slug}/ or /${sourceLang}/codes/{code}/.`,
    );
  }
  logger.info(`links: every internal link and asset of ${files.size} files resolves`);
}
