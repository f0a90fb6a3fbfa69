/**
 * The escalation's summary form (fields, remember, the copyable text): loaded with summary-panel.ts
 * only when an outcome escalates (escalation.ts), so a troubleshooter page does not download it
 * before it is needed.
 */
import { h } from './dom';
import { format, type Translate } from './strings';
import { summaryFields, type Fields, type SummaryField } from './saved-details';
import type { HeadingTag } from './views';

/** The parts of the summary view that are wired up. */
export interface SummaryParts {
  root: HTMLElement;
  inputs: Record<SummaryField, HTMLInputElement>;
  text: HTMLTextAreaElement;
  copy: HTMLButtonElement;
  status: HTMLElement;
  /** "Remember on this device" and "clear", when the host lets the widget keep fields. */
  remember: HTMLInputElement | null;
  clear: HTMLButtonElement | null;
}

/** Inputs for the escalation summary plus the copyable text; `remember` offers keeping them. */
export function summaryView(
  tr: Translate,
  heading: HeadingTag,
  fields: Fields,
  uid: string,
  remember: { offered: boolean; checked: boolean },
): SummaryParts {
  const keys = {
    serial: 'widget.field.serial',
    merchantNo: 'widget.field.merchantNo',
    terminalNo: 'widget.field.terminalNo',
    code: 'widget.field.code',
  } as const;
  const inputs = {} as Record<SummaryField, HTMLInputElement>;
  const rows = summaryFields.map((f) => {
    const input = h('input', {
      id: `${uid}-${f}`,
      type: 'text',
      name: f,
      autocomplete: 'off',
      inputmode: f === 'code' ? 'text' : 'latin',
      spellcheck: 'false',
    });
    input.value = fields[f] ?? '';
    inputs[f] = input;
    return h('div', {}, h('label', { for: `${uid}-${f}` }, format(tr, keys[f])), input);
  });
  const keep = remember.offered ? rememberView(tr, uid, remember.checked) : null;
  const text = h('textarea', { id: `${uid}-text`, readonly: true, rows: '10', part: 'summary-text' });
  const copy = h('button', { type: 'button', part: 'copy' }, format(tr, 'widget.copy'));
  const status = h('p', { class: 'status', role: 'status' });
  const root = h(
    'div',
    { part: 'summary', class: 'summary' },
    h(heading, { class: 'sub' }, format(tr, 'widget.summary.title')),
    h('p', { class: 'hint' }, format(tr, 'widget.summary.hint')),
    ...rows,
    keep?.root,
    h('label', { for: `${uid}-text` }, format(tr, 'widget.summary.title')),
    text,
    h('div', { class: 'nav' }, copy, keep?.clear),
    status,
  );
  return { root, inputs, text, copy, status, remember: keep?.box ?? null, clear: keep?.clear ?? null };
}

/** The "remember on this device" checkbox with its hint, and the button that clears what was kept. */
function rememberView(
  tr: Translate,
  uid: string,
  checked: boolean,
): { root: HTMLElement; box: HTMLInputElement; clear: HTMLButtonElement } {
  const box = h('input', {
    id: `${uid}-remember`,
    type: 'checkbox',
    name: 'remember',
    part: 'remember',
    'aria-describedby': `${uid}-remember-hint`,
  });
  box.checked = checked;
  const root = h(
    'div',
    { class: 'remember' },
    h('label', { for: `${uid}-remember` }, box, ' ', format(tr, 'widget.remember')),
    h('p', { class: 'hint', id: `${uid}-remember-hint` }, format(tr, 'widget.remember.hint')),
  );
  const clear = h('button', { type: 'button', class: 'secondary', part: 'clear' }, format(tr, 'widget.clear'));
  return { root, box, clear };
}

/** The form's styles, adopted with it (the rest of the widget's: styles.ts, which they follow). */
const formCss = `
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
`;

let formSheet: CSSStyleSheet | undefined;

/** Adds the form's styles to the widget's shadow root `root`, once. */
export function adoptFormStyles(root: Node): void {
  if (!(root instanceof ShadowRoot)) return;
  if (!formSheet) {
    formSheet = new CSSStyleSheet();
    formSheet.replaceSync(formCss);
  }
  if (!root.adoptedStyleSheets.includes(formSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, formSheet];
}
