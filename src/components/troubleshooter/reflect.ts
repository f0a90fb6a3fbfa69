/**
 * Defines properties that reflect attributes: a string property reads the attribute ('' when
 * absent) and sets it (removes it for ''); a boolean one reads and toggles its presence.
 */
export function reflect(
  target: { prototype: HTMLElement },
  strings: readonly string[],
  booleans: readonly string[],
): void {
  for (const name of strings)
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute(name) ?? '';
      },
      set(this: HTMLElement, value: unknown) {
        if (value === null || value === undefined || value === '') this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
    });
  for (const name of booleans)
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.hasAttribute(name);
      },
      set(this: HTMLElement, value: unknown) {
        this.toggleAttribute(name, Boolean(value));
      },
    });
}

/** The heading tag for a `heading-level` attribute: 2–6, default 2. */
export function headingTag(value: string | null): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const level = Number(value ?? 2);
  return `h${Math.min(6, Math.max(2, Number.isFinite(level) ? Math.round(level) : 2))}` as 'h2';
}
