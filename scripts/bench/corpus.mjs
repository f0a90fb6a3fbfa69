// @ts-check
/** The bench's synthetic corpora: the project with its articles copied, same shape, more pages. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyProject } from '../project-copy.mjs';
import { files } from './measure.mjs';

/**
 * A copy of the project whose articles are multiplied `factor` times (synthetic, same shape).
 * @param {number} factor
 */
export function syntheticCorpus(factor) {
  const dir = copyProject(`pos-help-bench-${factor}x-`);
  const articles = path.join(dir, 'src/content/articles');
  const originals = files(articles).filter((f) => f.endsWith('.mdx'));
  for (let copy = 1; copy < factor; copy++) {
    for (const file of originals) {
      const [category, name] = file.split('/');
      // A copy carries no troubleshooter: without `flow:`, a `flowStart:` would name a start in no
      // flow, which the build refuses (src/content.config.ts).
      const text = readFileSync(path.join(articles, file), 'utf8')
        .replace(/^flow: .*\n/m, '')
        .replace(/^flowStart: .*\n/m, '')
        .replace(/^related: .*$/m, 'related: []')
        .replace(/^title: (.*)$/m, `title: $1（${copy}）`);
      writeFileSync(
        path.join(
          articles,
          category,
          `${name.replace('.mdx', '')}-copy-${copy}.mdx`.replace('index-copy', 'main-copy'),
        ),
        text,
      );
    }
  }
  return { dir, articles: originals.length * factor };
}
