// @ts-check
/**
 * npm run pdf: prints every page under /{lang}/print/ but the print centre itself (each procedure
 * sheet, the booklet, the blank repair record, and any sheet added later), in every language, to
 * dist/pdf/ with Chromium (A4). Needs a built site (npm run build).
 */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launchChromium } from './chromium.mjs';
import { langs } from '../src/i18n/langs.mjs';

const dist = path.resolve('dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No built site in dist/. Run `npm run build` first.');
  process.exit(1);
}
/** The print pages the build wrote for `lang`: every folder of dist/{lang}/print/ with a page. */
const printed = (/** @type {string} */ lang) =>
  readdirSync(path.join(dist, lang, 'print'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dist, lang, 'print', d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
const sheets = langs.flatMap((lang) => printed(lang).map((name) => ({ lang, name })));
const server = await serve(dist, 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchChromium();
const context = await browser.newContext({ serviceWorkers: 'block' });
mkdirSync(path.join(dist, 'pdf'), { recursive: true });
for (const { lang, name } of sheets) {
  const page = await context.newPage();
  await page.goto(`${base}/${lang}/print/${name}/`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const file = path.join(dist, 'pdf', `${lang}-${name}.pdf`);
  writeFileSync(file, pdf);
  console.log(`${path.relative(process.cwd(), file)}  ${(pdf.length / 1024).toFixed(0)} KiB`);
  await page.close();
}
await browser.close();
server.close();
