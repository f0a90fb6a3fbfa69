// @ts-check
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { langs } from '../../src/i18n/langs.mjs';
import { offlineFiles, total } from './offline-files.mjs';

/** @typedef {import('./offline-files.mjs').OfflineFile} OfflineFile */

/**
 * Generates /sw.js over the finished dist/ (after Pagefind wrote its index), and one list per
 * script of every file it can keep, `offline/{lang}.json`, which the "keep the whole help centre"
 * control reads (src/components/offline-save.ts). What is stored when: scripts/build/offline-files.mjs;
 * how: scripts/build/sw-template.js. Under a base path (`/pos/help/`) every URL is under it, and
 * the worker's scope is its folder, the base path.
 * @param {URL} dir
 * @param {{ info(msg: string): void }} logger
 * @param {string} [base] the base path (astro.config.mjs), ending in a slash
 * @returns {Promise<{ version: string, firstVisit: Record<string, { files: number, bytes: number }>, whole: Record<string, { files: number, bytes: number }> }>}
 */
export async function buildServiceWorker(dir, logger, base = '/') {
  const root = fileURLToPath(dir);
  const { shell, byLang } = offlineFiles(root, langs);
  /** @param {OfflineFile[]} list */
  const pairs = (list) => list.map((f) => [f.url, f.sha]);
  const version = createHash('sha256')
    .update(JSON.stringify([shell, byLang]))
    .digest('hex')
    .slice(0, 16);
  const offlineTitle = shell.find((f) => f.url === 'offline/')?.title ?? 'offline';
  const config = {
    version,
    base,
    offlineTitle,
    shell: pairs(shell),
    essentials: Object.fromEntries(langs.map((l) => [l, pairs(byLang[l].essentials)])),
  };
  const template = readFileSync(fileURLToPath(new URL('./sw-template.js', import.meta.url)), 'utf8');
  writeFileSync(path.join(root, 'sw.js'), `self.__OFFLINE__ = ${JSON.stringify(config)};\n${template}`);

  mkdirSync(path.join(root, 'offline'), { recursive: true });
  /** @type {Record<string, { files: number, bytes: number }>} */
  const firstVisit = {};
  /** @type {Record<string, { files: number, bytes: number }>} */
  const whole = {};
  for (const lang of langs) {
    const first = [...shell, ...byLang[lang].essentials];
    const files = [...first, ...byLang[lang].rest];
    firstVisit[lang] = total(first);
    whole[lang] = total(files);
    writeFileSync(
      path.join(root, 'offline', `${lang}.json`),
      JSON.stringify({ version, lang, bytes: whole[lang].bytes, files }),
    );
  }
  const mb = (/** @type {number} */ n) => `${(n / 1e6).toFixed(2)} MB`;
  logger.info(
    `service worker: first visit ${langs.map((l) => `${l} ${firstVisit[l].files} files ${mb(firstVisit[l].bytes)}`).join(', ')}; whole site ${langs.map((l) => `${l} ${mb(whole[l].bytes)}`).join(', ')}`,
  );
  return { version, firstVisit, whole };
}
