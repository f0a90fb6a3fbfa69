import { lastOutcomeKey, readLastOutcome } from '../troubleshooter/saved-details';

/** The stored hand-off, or null when storage is off. */
function stored(): string | null {
  try {
    return localStorage.getItem(lastOutcomeKey);
  } catch {
    return null;
  }
}

/**
 * Fills the repair record from the last troubleshooter outcome when opened from one. A hand-off
 * that is missing, corrupt or expired leaves the record blank (and an unreadable one is removed).
 */
export function fillRecord(): void {
  if (new URL(location.href).searchParams.get('from') !== 'troubleshooter') return;
  const raw = stored();
  const saved = readLastOutcome(raw, Date.now());
  if (!saved) {
    if (raw !== null) localStorage.removeItem(lastOutcomeKey);
    return;
  }
  const set = (field: string, value: string | undefined) => {
    const el = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
    if (el && value) el.textContent = value;
  };
  set('serial', saved.fields.serial);
  set('merchantNo', saved.fields.merchantNo);
  set('terminalNo', saved.fields.terminalNo);
  set('fault', [saved.fault, saved.fields.code].filter(Boolean).join(' / '));
  set('time', saved.time);
  const path = document.querySelector<HTMLElement>('[data-path]');
  if (path && saved.summary) {
    path.textContent = saved.summary;
    document.querySelector<HTMLElement>('[data-path-section]')?.removeAttribute('hidden');
  }
  document.querySelector<HTMLElement>('[data-prefilled]')?.removeAttribute('hidden');
}
