/**
 * The path taken, kept in `location.hash` as `#t=network:NO.WIFI` so a reload or a shared link
 * resumes at the same step. Other hashes (heading anchors) are left alone.
 */
const pattern = /^#t=([a-z-]+):?([A-Z0-9_.]*)$/;

/** The events recorded in the hash for `flow`, or null when the hash is not ours. */
export function readHash(hash: string, flow: string): string[] | null {
  const match = pattern.exec(hash);
  if (!match || match[1] !== flow) return null;
  return match[2] ? match[2].split('.').filter(Boolean) : [];
}

/** Does the hash claim to be troubleshooter progress (well-formed or not)? */
export const isOurHash = (hash: string): boolean => hash.startsWith('#t=');

/** The hash for `flow` after `events`. */
export const writeHash = (flow: string, events: string[]): string => `#t=${flow}:${events.join('.')}`;

/**
 * What `hash` asks of a widget showing `flow` after `answers`: nothing (another hash, or the path
 * already shown; `fresh` when nothing is shown yet), the events to go to, or `invalid`
 * (our flow's hash, malformed).
 */
export function hashTarget(
  hash: string,
  flow: string,
  answers: readonly string[],
  fresh: boolean,
): 'none' | 'invalid' | string[] {
  const events = readHash(hash, flow);
  if (events === null) return hash.startsWith(`#t=${flow}`) ? 'invalid' : 'none';
  return !fresh && events.join('.') === answers.join('.') ? 'none' : events;
}

/**
 * Follows the hash for `element` (history="hash"). Two elements of the same flow would both follow
 * one address and move together, so the second is told (README, integrator guide: keep
 * history="hash" on one of them); elements of different flows each follow only their own hash.
 */
export function watchHash(element: HTMLElement, listener: () => void, warn: (message: string) => void): void {
  window.addEventListener('hashchange', listener);
  const flow = element.getAttribute('flow');
  const twins = [...document.querySelectorAll('pos-troubleshooter[history="hash"]')].filter(
    (other) => other !== element && other.getAttribute('flow') === flow,
  );
  if (twins.length)
    warn(
      `another <pos-troubleshooter flow="${flow}"> on this page has history="hash" too: both follow the same address and move together; keep history="hash" on one of them`,
    );
}
