/**
 * The iframe route's messages to the host page: ready, step, outcome, error and resize (content
 * height), as `{ type: 'pos-troubleshooter:…', … }`. With `?origin=https://bank.example` they go
 * to that origin only; without it they go to any parent, and outcome summaries (which may hold
 * the numbers a merchant typed) are left out.
 */
export function startFrame(): void {
  const element = document.querySelector('pos-troubleshooter');
  if (!element || window.parent === window) return;
  const given = new URLSearchParams(location.search).get('origin');
  let target: string | null = '*';
  if (given) {
    try {
      target = new URL(given).origin;
    } catch {
      target = null;
      console.warn(
        `[pos-troubleshooter] ?origin="${given}" is not an origin like https://bank.example; no messages are sent`,
      );
    }
  }
  const post = (message: Record<string, unknown>) => {
    if (target) window.parent.postMessage(message, target);
  };
  for (const kind of ['step', 'outcome', 'error'] as const) {
    element.addEventListener(`pos-troubleshooter:${kind}`, (event) => {
      const detail = { ...(event as CustomEvent<Record<string, unknown>>).detail };
      if (target === '*') delete detail.summary;
      post({ type: `pos-troubleshooter:${kind}`, ...detail });
    });
  }
  let last = 0;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ type: 'pos-troubleshooter:resize', height });
    }
  });
  observer.observe(document.documentElement);
  post({ type: 'pos-troubleshooter:ready', flow: element.getAttribute('flow') });
}
