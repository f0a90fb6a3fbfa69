/**
 * The browser floor's polyfills (polyfills.ts) for a page script, fetched only by an engine that
 * lacks one of the methods they provide: a current browser runs the page without downloading
 * them. Keep `complete` in step with what polyfills.ts installs. The embed bundle, one file,
 * still imports polyfills.ts itself.
 */

/** Has this engine every method polyfills.ts installs where missing? */
export function complete(): boolean {
  const shadow = typeof ShadowRoot === 'function' ? ShadowRoot.prototype : undefined;
  return (
    [Element.prototype, Document.prototype, DocumentFragment.prototype].every((p) => 'replaceChildren' in p) &&
    'at' in Array.prototype &&
    'hasOwn' in Object &&
    'replaceAll' in String.prototype &&
    (!shadow || 'adoptedStyleSheets' in shadow)
  );
}

/**
 * Resolves once the polyfills are in place: at once (in a microtask) where none is needed, else
 * when they have loaded. Run the code that needs them, such as defining an element, after it.
 */
export const floorReady = (): Promise<unknown> => (complete() ? Promise.resolve() : import('./polyfills'));
