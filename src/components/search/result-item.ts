/**
 * One search result as a list item: a link (a[data-result]), its category, its excerpt. Built
 * from text nodes only: nothing found or typed reaches the DOM as HTML.
 */
import type { Hit } from '../../lib/search/index-port';

/** Appends Pagefind's excerpt as text, keeping only its <mark> highlights (their text, not their markup), adjacent ones merged. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  // An inert document: nothing in it runs or loads.
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  let last: HTMLElement | undefined;
  for (const node of doc.body.childNodes) {
    const text = node.textContent ?? '';
    if (node.nodeName === 'MARK') {
      // Pagefind marks each character of a Chinese word on its own (打印 / 機 / 缺 / 紙): adjacent
      // marks become one, so a screen reader reads the word whole.
      if (last) last.textContent += text;
      else {
        last = document.createElement('mark');
        last.textContent = text;
        target.append(last);
      }
    } else if (text) {
      last = undefined;
      target.append(text);
    }
  }
}

/** The list item for a hit; `category` is the line under the title (the category's name). */
export function resultItem(hit: Hit, category: string): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = hit.url;
  a.dataset.result = '';
  a.textContent = hit.title;
  const meta = document.createElement('p');
  meta.className = 'muted';
  meta.textContent = category;
  const excerpt = document.createElement('p');
  if (hit.code) excerpt.textContent = hit.excerpt;
  else appendExcerpt(excerpt, hit.excerpt);
  li.append(a, meta, excerpt);
  return li;
}
