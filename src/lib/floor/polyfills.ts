/**
 * The few DOM and language methods the page scripts, the widget and the embed bundle use that an
 * engine of the browser floor lacks (README, "Browsers"; the syntax is lowered by the build).
 * Each is installed only where missing, and does only what this code asks of it:
 * - `replaceChildren` (Chromium 86, Safari 14): the widget's views and the search results;
 * - `String.prototype.replaceAll` (Chromium 85, Safari 13.1): flow texts compiled in the browser.
 * Import it first in every entry script.
 */
type Parent = Element | Document | DocumentFragment;

function replaceChildren(this: Parent, ...nodes: (Node | string)[]): void {
  while (this.lastChild) this.removeChild(this.lastChild);
  this.append(...nodes);
}

for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  if (!proto.replaceChildren) proto.replaceChildren = replaceChildren;
}

if (!String.prototype.replaceAll) {
  // The same as replace() with a global pattern: `$&` in the replacement and a function both work.
  String.prototype.replaceAll = function (this: string, search: string | RegExp, replacement: never) {
    if (typeof search === 'string') search = new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
    else if (!search.global) throw new TypeError('replaceAll needs a global RegExp');
    return this.replace(search, replacement);
  };
}

export {};
