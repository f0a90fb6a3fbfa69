/**
 * Where "keep the whole help centre" stands for a script, kept across reloads (localStorage):
 * `running` resumes the download on the next page with the control; `done` and `cancelled` show
 * their state there. The device's caches stay the truth for what is stored (offline-save.ts).
 */
export type SaveState = 'running' | 'done' | 'cancelled';

const key = (lang: string) => `pos-help:offline-save:${lang}`;

export function resumeState(lang: string): SaveState | null {
  try {
    const value = localStorage.getItem(key(lang));
    return value === 'running' || value === 'done' || value === 'cancelled' ? value : null;
  } catch {
    return null; // storage blocked: nothing to resume
  }
}

export function setState(lang: string, state: SaveState | null): void {
  try {
    if (state) localStorage.setItem(key(lang), state);
    else localStorage.removeItem(key(lang));
  } catch {
    // storage blocked: the download still works, it just will not resume after a reload
  }
}
