import { buildIndex } from './build/pagefind.mjs';
const t0 = Date.now();
await buildIndex(new URL(`file://${process.argv[2]}/dist/`), { info: (m) => console.log(m) });
console.log('node api', (Date.now() - t0) / 1000, 's');
