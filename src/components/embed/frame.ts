/**
 * The iframe route's messages to the host page: ready, step, outcome, summary, error and resize
 * (content height), as `{ type: 'pos-troubleshooter:…', … }`. With `?origin=https://bank.example`
 * they go to that origin only; without it they go to any parent, and summaries (which may hold
 * the numbers a merchant typed) are left out. An `?origin=` that is not an http(s) origin
 * (javascript:, data:, about:blank…) sends nothing.
 */
export function startFrame(): void {
  const element = document.querySelector('pos-troubleshooter');
  if (!element || window.parent === window) return;
  const given = new URLSearchParams(location.search).get('origin');
  let target: string | null = '*';
  if (given) {
    target = originOf(given);
    if (!target) {
      console.warn(
        `[pos-troubleshooter] ?origin="${given}" is not an origin like https://bank.example; no messages are sent`,
      );
    }
  }
  const post = (message: Record<string, unknown>) => {
    if (target) window.parent.postMessage(message, target);
  };
  for (const kind of ['step', 'outcome', 'summary', 'error'] as const) {
    element.addEventListener(`pos-troubleshooter:${kind}`, (event) => {
      const detail: Record<string, unknown> = { ...(event as CustomEvent<object>).detail };
      if (target === '*' && kind === 'summary') return;
      if (target === '*') delete detail.summary;
      post({ type: `pos-troubleshooter:${kind}`, ...detail });
    });
  }
  let last = 0;
  const resize = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ type: 'pos-troubleshooter:resize', height });
    }
  };
  // Safari before 13.1 has no ResizeObserver: measure after each step and on resize instead.
  if (typeof ResizeObserver === 'function') new ResizeObserver(resize).observe(document.documentElement);
  else {
    for (const kind of ['step', 'outcome', 'error'])
      element.addEventListener(`pos-troubleshooter:${kind}`, () => requestAnimationFrame(resize));
    window.addEventListener('resize', resize);
    requestAnimationFrame(resize);
  }
  post({ type: 'pos-troubleshooter:ready', flow: element.getAttribute('flow') });
}

/** The http(s) origin named by `given`, or null (not a URL, or an opaque "null" origin). */
export function originOf(given: string): string | null {
  try {
    const url = new URL(given);
    return /^https?:$/.test(url.protocol) && url.origin !== 'null' ? url.origin : null;
  } catch {
    return null;
  }
}
