// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';

const opens = /^(?:\uFEFF|\s*\n)?---/;
// As Astro reads frontmatter (@astrojs/internal-helpers): from the opening `---` to the next line starting `---`.
const closed = /(?:^\uFEFF?|^\s*\n)---[\s\S]*?\n---/;
const field = /^(?:[A-Za-z_][\w-]*\s*:|\s+\S|-\s|\s*$)/;

/**
 * Stops the build when an article opens its frontmatter with `---` and never closes it. Astro
 * would read such a file as having no frontmatter and report title, description and updated as
 * missing, which sends the author looking in the wrong place.
 * @param {string} root the project folder
 * @param {string} [dir] the articles folder, relative to `root`
 */
export function checkFrontmatter(root, dir = 'src/content/articles') {
  const files = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.mdx'),
  );
  for (const file of files.sort()) {
    const text = readFileSync(path.join(root, dir, file), 'utf8');
    if (!opens.test(text) || closed.test(text)) continue;
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => l.startsWith('---'));
    // The fields end where a line stops looking like one (`key: value`, an indented or list line).
    let last = start;
    while (last + 1 < lines.length && field.test(lines[last + 1] ?? '')) last += 1;
    while (last > start && !(lines[last] ?? '').trim()) last -= 1;
    const name = `${dir}/${file.split(path.sep).join('/')}`;
    throw new AstroError(
      `${name}: the frontmatter opened with \`---\` on line ${start + 1} is never closed, so none of its fields (title, description, updated…) can be read.`,
      `Add a line with only \`---\` after line ${last + 1} (the last field), before the article text.`,
    );
  }
  return files.length;
}
