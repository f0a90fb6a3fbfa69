/**
 * The few DOM and language methods the page scripts, the widget and the embed bundle use that an
 * engine of the browser floor lacks (README, "Browsers"; the syntax is lowered by the build).
 * Each is installed only where missing, and does only what this code asks of it:
 * - `Array.prototype.at` (Chromium 92, Safari 15.4, Firefox 90): the widget's path;
 * - `replaceChildren` (Chromium 86, Safari 14): the widget's views and the search results;
 * - `String.prototype.replaceAll` (Chromium 85, Safari 13.1): flow texts compiled in the browser;
 * - `Object.hasOwn` (Chromium 93, Safari 15.4, Firefox 92): the widget's lookups of flows, nodes
 *   and strings (found by the Chromium 78 and 86 tests after the flow catalogue landed);
 * - constructable stylesheets (`new CSSStyleSheet()`, `adoptedStyleSheets`: Safari 16.4, Firefox
 *   101): the widget's shadow root gets a <style> with the same text instead. A page whose CSP
 *   has no 'unsafe-inline' for styles blocks that <style>: the widget then works, unstyled.
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

if (!Array.prototype.at) {
  Array.prototype.at = function <T>(this: T[], index: number): T | undefined {
    const i = Math.trunc(index) || 0;
    return this[i < 0 ? i + this.length : i];
  };
}

if (!Object.hasOwn) {
  Object.defineProperty(Object, 'hasOwn', {
    configurable: true,
    writable: true,
    value: (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key),
  });
}

if (!String.prototype.replaceAll) {
  // The same as replace() with a global pattern: `$&` in the replacement and a function both work.
  String.prototype.replaceAll = function (this: string, search: string | RegExp, replacement: never) {
    if (typeof search === 'string') search = new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
    else if (!search.global) throw new TypeError('replaceAll needs a global RegExp');
    return this.replace(search, replacement);
  };
}

// A function, so TypeScript does not take the `in` test to rule the prototype out.
const adopts = (proto: object) => 'adoptedStyleSheets' in proto;
const shadowProto: ShadowRoot | undefined = typeof ShadowRoot === 'function' ? ShadowRoot.prototype : undefined;
if (shadowProto && !adopts(shadowProto)) {
  const texts = new WeakMap<object, string>();
  const styles = new WeakMap<ShadowRoot, HTMLStyleElement>();
  const adopted = new WeakMap<ShadowRoot, CSSStyleSheet[]>();
  class Sheet {
    replaceSync(text: string): void {
      texts.set(this, text);
    }
  }
  Object.defineProperty(window, 'CSSStyleSheet', { configurable: true, writable: true, value: Sheet });
  /** Keeps the root's <style> first, whatever the widget puts in the root. */
  const keep = (root: ShadowRoot) => {
    const style = styles.get(root);
    if (style && root.firstChild !== style) root.insertBefore(style, root.firstChild);
  };
  Object.defineProperty(shadowProto, 'adoptedStyleSheets', {
    configurable: true,
    get(this: ShadowRoot) {
      return adopted.get(this) ?? [];
    },
    set(this: ShadowRoot, sheets: CSSStyleSheet[]) {
      adopted.set(this, sheets);
      const style = styles.get(this) ?? document.createElement('style');
      styles.set(this, style);
      style.textContent = sheets.map((sheet) => texts.get(sheet) ?? '').join('\n');
      keep(this);
    },
  });
  const parent = shadowProto as ParentNode;
  const replace = parent.replaceChildren;
  parent.replaceChildren = function (this: ShadowRoot, ...nodes: (Node | string)[]) {
    replace.apply(this, nodes);
    keep(this);
  };
}

export {};
