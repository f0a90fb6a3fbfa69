/**
 * The widget's styles, adopted into its shadow root (no <style> element, no style attributes:
 * safe under a strict CSP). Hosts theme it with these custom properties and ::part() names.
 */
export const css = `
:host {
  --_accent: var(--pos-accent, #0b5cad);
  --_accent-text: var(--pos-accent-text, #ffffff);
  --_bg: var(--pos-bg, Canvas);
  --_fg: var(--pos-fg, CanvasText);
  --_muted: var(--pos-muted, color-mix(in srgb, var(--_fg) 70%, var(--_bg)));
  --_line: var(--pos-line, color-mix(in srgb, var(--_fg) 25%, var(--_bg)));
  --_radius: var(--pos-radius, 8px);
  display: block;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.panel {
  /* Reset everything the host page could pass down (fonts, colours, spacing, transforms), then set ours. */
  all: initial;
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
h2:focus, h3:focus, h4:focus { outline: none; }
h2:focus-visible, h3:focus-visible, h4:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.sub { font-size: 1em; margin-top: 1rem; }
ol, ul { margin: 0.25rem 0 0.75rem; padding-inline-start: 1.5rem; }
li { margin: 0.2rem 0; }
p { margin: 0.5rem 0; }
.note { border-inline-start: 4px solid var(--pos-warn, #b35900); padding: 0.25rem 0.75rem; }
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
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
.kind { display: inline-block; font-size: 0.875em; border-radius: 999px; padding: 0 0.75rem; border: 1px solid currentColor; }
[data-outcome='resolved'] .kind { color: var(--pos-ok, #1a7f37); }
[data-outcome='escalate'] .kind { color: var(--pos-warn, #b35900); }
label { display: block; margin: 0.5rem 0 0.25rem; font-size: 0.9375em; }
input, textarea {
  font: inherit;
  color: var(--_fg);
  background: var(--_bg);
  border: 1px solid var(--_muted);
  border-radius: var(--_radius);
  padding: 0.5rem;
  width: 100%;
  min-height: 44px;
  margin: 0;
}
input[type='checkbox'] { width: 1.25rem; height: 1.25rem; min-height: 0; padding: 0; accent-color: var(--_accent); }
.remember label { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; }
.remember .hint { margin-top: 0; }
textarea { min-height: 10rem; resize: vertical; white-space: pre-wrap; }
.hint, .status { color: var(--_muted); font-size: 0.875em; }
.error { border-inline-start: 4px solid var(--pos-warn, #b35900); padding: 0.5rem 0.75rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
::slotted([slot='static']) { display: none; }
:host(:not([data-upgraded])) ::slotted([slot='static']) { display: block; }
@media (prefers-color-scheme: dark) {
  :host { --_accent: var(--pos-accent, #7ab8ff); --_accent-text: var(--pos-accent-text, #0b1220); }
  [data-outcome='resolved'] .kind { color: var(--pos-ok, #56d364); }
  [data-outcome='escalate'] .kind, .note, .error { color: inherit; border-color: var(--pos-warn, #f0a955); }
}
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
