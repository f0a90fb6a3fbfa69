/** Key under which the troubleshooter leaves its last outcome for the repair record (this device only). */
export const lastOutcomeKey = 'pos-help:last-outcome';

/** What the troubleshooter saves at an outcome. */
export interface LastOutcome {
  summary: string;
  fault: string;
  time: string;
  fields: Partial<Record<'serial' | 'merchantNo' | 'terminalNo' | 'code', string>>;
}

/** Fills the repair record from the last troubleshooter outcome when opened from one. */
export function fillRecord(): void {
  if (new URL(location.href).searchParams.get('from') !== 'troubleshooter') return;
  let saved: LastOutcome | undefined;
  try {
    saved = JSON.parse(localStorage.getItem(lastOutcomeKey) ?? 'null') ?? undefined;
  } catch {
    saved = undefined;
  }
  if (!saved) return;
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
  if (path) path.textContent = saved.summary;
  document.querySelector<HTMLElement>('[data-path-section]')?.removeAttribute('hidden');
  document.querySelector<HTMLElement>('[data-prefilled]')?.removeAttribute('hidden');
}
