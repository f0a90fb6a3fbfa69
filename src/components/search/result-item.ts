/**
 * One search result as a list item: a link (a[data-result]), its category, its excerpt. Built
 * from text nodes only: nothing found or typed reaches the DOM as HTML.
 */
import type { Hit } from '../../lib/search/index-port';

/** Appends Pagefind's excerpt as text, keeping only its <mark> highlights (their text, not their markup). */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  // An inert document: nothing in it runs or loads.
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else target.append(node.textContent ?? '');
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
