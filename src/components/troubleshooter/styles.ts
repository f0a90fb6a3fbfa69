/**
 * The widget's styles, adopted into its shadow root (no <style> element, no style attributes:
 * safe under a strict CSP). Hosts theme it with these custom properties and ::part() names.
 *
 * Colours follow the page's colour scheme: `.panel` resets what the page passes down (`all:
 * initial`) except `color-scheme` and the text locale (`-webkit-locale`, which picks glyph shapes),
 * and the default colours are `light-dark()` pairs, resolved by that scheme. Every default pair
 * keeps text at 4.5:1 and borders and focus rings at 3:1 (test/e2e/widget-a11y.test.ts). Browsers
 * without `light-dark()` keep the light panel.
 */
export const css = `
:host {
  --_accent: var(--pos-accent, light-dark(#0b5cad, #7ab8ff));
  --_accent-text: var(--pos-accent-text, light-dark(#fff, #0b1220));
  --_ok: var(--pos-ok, light-dark(#1a7f37, #56d364));
  --_warn: var(--pos-warn, light-dark(#b35900, #f0a955));
  --_bg: var(--pos-bg, Canvas);
  --_fg: var(--pos-fg, CanvasText);
  --_muted: var(--pos-muted, color-mix(in srgb, var(--_fg) 70%, var(--_bg)));
  --_line: var(--pos-line, color-mix(in srgb, var(--_fg) 50%, var(--_bg)));
  --_radius: var(--pos-radius, 8px);
  display: block;
}
@supports not (color: light-dark(red, red)) {
  :host { --_accent: var(--pos-accent, #0b5cad); --_accent-text: var(--pos-accent-text, #fff); --_ok: var(--pos-ok, #1a7f37); --_warn: var(--pos-warn, #b35900); }
  .panel { color-scheme: light; }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.panel {
  /* Reset everything the host page could pass down (fonts, colours, spacing, transforms), then set ours. */
  all: initial;
  color-scheme: inherit;
  -webkit-locale: inherit;
  display: block;
  color: var(--_fg);
  font-family: var(--pos-font, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
  font-size: var(--pos-font-size, 16px);
  line-height: 1.6;
  text-align: start;
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  background: var(--_bg);
  padding: 1rem;
  margin: 0;
}
.progress { color: var(--_muted); font-size: 0.875em; margin: 0 0 0.25rem; }
h2, h3, h4 { line-height: 1.4; margin: 0.25rem 0 0.75rem; font-size: 1.2em; }
.sub { font-size: 1em; margin-top: 1rem; }
ol, ul { margin: 0.25rem 0 0.75rem; padding-inline-start: 1.5rem; }
li { margin: 0.2rem 0; }
p { margin: 0.5rem 0; }
.note { border-inline-start: 4px solid var(--_warn); padding: 0.25rem 0.75rem; }
.answers { display: flex; flex-direction: column; gap: 0.5rem; margin: 1rem 0 0.5rem; }
button {
  font: inherit;
  cursor: pointer;
  min-height: 44px;
  padding: 0.5rem 1rem;
  border-radius: var(--_radius);
  border: 1px solid var(--_accent);
  background: var(--_accent);
  color: var(--_accent-text);
  text-align: start;
  margin: 0;
  width: auto;
  letter-spacing: normal;
  text-transform: none;
}
button.secondary { background: transparent; color: var(--_fg); border-color: var(--_line); }
a { color: var(--_accent); }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
.kind { display: inline-block; font-size: 0.875em; border-radius: 999px; padding: 0 0.75rem; border: 1px solid currentColor; }
[data-outcome='resolved'] .kind { color: var(--_ok); }
[data-outcome='escalate'] .kind { color: var(--_warn); }
.hint, .status { color: var(--_muted); font-size: 0.875em; }
.error { border-inline-start: 4px solid var(--_warn); padding: 0.5rem 0.75rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
::slotted([slot='static']) { display: none; }
:host(:not([data-upgraded])) ::slotted([slot='static']) { display: block; }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: appear 160ms ease-out; }
  @keyframes appear { from { opacity: 0.4; } to { opacity: 1; } }
}
@media print {
  .panel { display: none; }
  ::slotted([slot='static']) { display: block; }
}
`;

let sheet: CSSStyleSheet | undefined;

/** The shared constructable stylesheet (one per document). */
export function styleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
