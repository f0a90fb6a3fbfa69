/** Creates an element with attributes and children; text goes in as text, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | false | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    el.append(child);
  }
  return el;
}

/** A numbered list of texts, or nothing when there are none. */
export function list(
  items: string[] | undefined,
  ordered = true,
  attrs: Record<string, string> = {},
): HTMLElement | null {
  if (!items?.length) return null;
  return h(ordered ? 'ol' : 'ul', attrs, ...items.map((text) => h('li', {}, text)));
}
