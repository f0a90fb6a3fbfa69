import * as pagefind from 'pagefind';
import { cpSync, readdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import path from 'node:path';
const dir = `/tmp/pfx-quick`;
rmSync(dir, { recursive: true, force: true });
cpSync('dist', dir, { recursive: true, filter: (s) => !s.includes('/pagefind') });
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
for (const f of walk(dir).filter((f) => f.endsWith('.html'))) {
  let s = readFileSync(f, 'utf8');
  s = s.replace(/<section class="messages"[\s\S]*?<\/section>/, (m) => m.replace(/<li>/g, '<li data-keep>'));
  s = s.replace(/<li><a href="#ts-/g, '<li data-keep><a href="#ts-');
  s = s.replace(/<(p|li|td|blockquote|pre)(?=[\s>])(?![^>]*(class="lead"|data-keep))/g, '<$1 data-pagefind-ignore');
  writeFileSync(f, s);
}
const { index } = await pagefind.createIndex({ excludeSelectors: ['[data-pagefind-ignore]', '.sr-only', 'nav', 'button', 'form'] });
await index.addDirectory({ path: dir });
await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
await pagefind.close();
const idx = walk(path.join(dir, 'pagefind/index')).filter((f) => f.includes('zh-hans'));
console.log(idx.length, 'chunks', idx.map((f) => statSync(f).size).join(' '), 'total', idx.reduce((s, f) => s + statSync(f).size, 0));
const fr = walk(path.join(dir, 'pagefind/fragment')).filter((f) => f.includes('zh-hans'));
console.log('fragments', fr.length, fr.reduce((s, f) => s + statSync(f).size, 0));
