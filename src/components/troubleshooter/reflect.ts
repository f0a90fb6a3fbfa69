/** The reflected property names of each element class (by prototype). */
const reflected = new WeakMap<object, readonly string[]>();

/**
 * Defines properties that reflect attributes: a string property reads the attribute ('' when
 * absent) and sets it (removes it for ''); a boolean one reads and toggles its presence. The
 * class's connectedCallback first takes over values set before the class was defined
 * (`adoptEarlyProperties`).
 */
export function reflect(
  target: { prototype: HTMLElement },
  strings: readonly string[],
  booleans: readonly string[],
): void {
  reflected.set(target.prototype, [...strings, ...booleans]);
  const connected = (target.prototype as { connectedCallback?: () => void }).connectedCallback;
  Object.defineProperty(target.prototype, 'connectedCallback', {
    configurable: true,
    value(this: HTMLElement) {
      adoptEarlyProperties(this);
      connected?.call(this);
    },
  });
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

/**
 * Takes over the properties a page set on `element` before its class was defined (a bundle
 * loaded later, or a framework that sets properties first): such a value is the instance's own
 * property and hides the accessor, so later changes would be ignored. It is deleted and set
 * again through the accessor, as the custom-elements guidance says.
 */
export function adoptEarlyProperties(element: HTMLElement): void {
  const names = reflected.get(Object.getPrototypeOf(element) as object) ?? [];
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(element, name)) continue;
    const value = (element as unknown as Record<string, unknown>)[name];
    delete (element as unknown as Record<string, unknown>)[name];
    (element as unknown as Record<string, unknown>)[name] = value;
  }
}

/** The heading tag for a `heading-level` attribute: 2–6, default 2. */
export function headingTag(value: string | null): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const level = Number(value ?? 2);
  return `h${Math.min(6, Math.max(2, Number.isFinite(level) ? Math.round(level) : 2))}` as 'h2';
}
