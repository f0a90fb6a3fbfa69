/**
 * The two tiers behind one search port (index-port.ts), and what happens where Pagefind cannot
 * run: engines without WebAssembly reference types (Chromium before 97, Safari before 15, Firefox
 * before 79) and pages whose Content-Security-Policy lacks 'wasm-unsafe-eval'. The quick tier is
 * the site's own index (quick-index.ts), plain JSON that every engine reads; only the full text
 * needs Pagefind, and where it cannot run the full text finds nothing, so search never ends in an
 * error and old engines search exactly as new ones do until the full text is asked for.
 */
import type { SearchIndex } from './index-port';

/**
 * A minimal module that uses a reference type (a function type returning externref): it validates
 * only where WebAssembly has reference types, which Pagefind's index needs.
 */
const referenceTypes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111]);

/** Whether this engine can run Pagefind's WebAssembly (a page's CSP may still forbid compiling it). */
export function canRunPagefind(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(referenceTypes);
  } catch {
    return false;
  }
}

/**
 * The quick tier from `quick`, the full text from `full` (Pagefind), which is opened only when
 * the full text is first asked for, and only where it can run; from its first failure on (a CSP
 * without 'wasm-unsafe-eval', a missing index file) the full text finds nothing.
 */
export function tiers(quick: SearchIndex, full: SearchIndex): SearchIndex {
  let usable = canRunPagefind();
  let opened: Promise<void> | undefined;
  /** Runs `call` on Pagefind while it works; from its first failure on, the full text is not searched. */
  const guard = async <T>(call: () => Promise<T>, none: T): Promise<T> => {
    if (!usable) return none;
    try {
      return await call();
    } catch (error) {
      console.warn('[search] Pagefind cannot run here; the full text is not searched.', error);
      usable = false;
      return none;
    }
  };
  const openFull = () => guard(() => (opened ??= full.loadFullText()), undefined);
  return {
    open: () => quick.open(),
    async search(text, filters) {
      if (filters.tier === 'quick') return quick.search(text, filters);
      await openFull();
      return guard(() => full.search(text, filters), []);
    },
    loadFullText: openFull,
  };
}
