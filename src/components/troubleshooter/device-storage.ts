/**
 * localStorage access that never throws: storage may be off (private mode), full, or blocked in
 * a third-party frame. What is kept, and for how long, is decided in saved-details.ts.
 */
import { detailsKey, lastOutcomeKey, readDetails, readLastOutcome, writeDetails, type Fields } from './saved-details';

/** The stored text under `key`, or null. */
export function getItem(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key` when storage allows. */
export function setItem(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage off or full: the text stays in the form */
  }
}

/** Removes `key` when storage allows. */
export function removeItem(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* storage off: nothing was kept */
  }
}

/** The remembered fields, or null; a corrupt, old-format or expired value is removed. */
export function loadRemembered(now = Date.now()): Fields | null {
  const raw = getItem(detailsKey);
  const fields = readDetails(raw, now);
  if (raw !== null && !fields) removeItem(detailsKey);
  return fields;
}

/** Remembers `fields` on this device from `now`. */
export const saveRemembered = (fields: Fields, now = Date.now()): void =>
  setItem(detailsKey, writeDetails(fields, now));

/** Forgets everything the widget kept on this device: remembered fields and the repair-record hand-off. */
export function forgetAll(): void {
  removeItem(detailsKey);
  removeItem(lastOutcomeKey);
}

/** Removes what has expired or does not parse, so nothing outlives its time on a device that returns. */
export function forgetExpired(now = Date.now()): void {
  loadRemembered(now);
  const handOff = getItem(lastOutcomeKey);
  if (handOff !== null && !readLastOutcome(handOff, now)) removeItem(lastOutcomeKey);
}
