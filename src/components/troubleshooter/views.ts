import { h, list } from './dom';
import { format, type Translate } from './strings';
import { summaryFields, type Fields, type SummaryField } from './saved-details';
import { NOT_FIXED } from '../../machines/constants';
import type { OutcomeMeta } from '../../machines/types';
import type { ViewModel } from './controller';

/** Heading tag for a level 2–6. */
export type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** The heading one level below `heading` (at most h6). */
export const subHeading = (heading: HeadingTag): HeadingTag => `h${Math.min(6, Number(heading[1]) + 1)}` as HeadingTag;

/**
 * "Step n · at most m left". Hidden from screen readers: the focused heading's name says it
 * (see `questionView`), so reading on does not repeat it.
 */
export function progressView(tr: Translate, view: ViewModel): HTMLElement {
  return h(
    'p',
    { class: 'progress', part: 'progress', 'aria-hidden': 'true' },
    format(tr, 'widget.step', { n: view.step }),
    view.left ? ` · ${format(tr, 'widget.stepsLeft', { n: view.left })}` : '',
  );
}

/** Back and restart, once there is something to go back to. */
export function navView(tr: Translate, view: ViewModel): HTMLElement {
  if (!view.canGoBack) return h('div', { class: 'nav' });
  return h(
    'div',
    { class: 'nav' },
    h('button', { type: 'button', class: 'secondary', part: 'back', 'data-action': 'back' }, format(tr, 'widget.back')),
    h(
      'button',
      { type: 'button', class: 'secondary', part: 'restart', 'data-action': 'restart' },
      format(tr, 'widget.restart'),
    ),
  );
}

/** A readable error with a way to start over. */
export function errorView(tr: Translate, message: string): HTMLElement[] {
  return [
    errorLine(message),
    h(
      'div',
      { class: 'nav' },
      h('button', { type: 'button', part: 'restart', 'data-action': 'restart' }, format(tr, 'widget.restart')),
    ),
  ];
}

/** One error line (also used as a notice above the flow). */
export const errorLine = (message: string): HTMLElement =>
  h('p', { class: 'error', part: 'error', role: 'alert' }, message);

/**
 * An outcome: its title, what to do now, and (resolved) how to prevent it and "did this fix it?"
 * ("not fixed" is the machine's NOT_FIXED, which every resolved outcome accepts); an escalation
 * carries `escalation()`, the contact and summary block.
 */
export function outcomeView(
  tr: Translate,
  meta: OutcomeMeta,
  heading: HeadingTag,
  escalation: () => HTMLElement,
): { root: HTMLElement; focus: HTMLElement } {
  const sub = subHeading(heading);
  const kind = format(tr, meta.outcome === 'resolved' ? 'widget.outcome.resolved' : 'widget.outcome.escalate');
  // Focus moves to the title, whose name carries the kind shown above it: heard once, together.
  const text = tr(meta.title);
  const label = format(tr, 'widget.announce.outcome', { kind, text });
  const title = h(heading, { tabindex: '-1', 'aria-label': label }, text);
  const root = h(
    'div',
    { part: 'outcome', 'data-outcome': meta.outcome, class: 'outcome' },
    h('p', { class: 'kind', 'aria-hidden': 'true' }, kind),
    title,
    h(sub, { class: 'sub' }, format(tr, 'widget.now')),
    list(meta.steps.map(tr)),
  );
  if (meta.outcome !== 'resolved') {
    root.append(escalation());
    return { root, focus: title };
  }
  if (meta.prevent?.length)
    root.append(h(sub, { class: 'sub' }, format(tr, 'widget.prevent')), list(meta.prevent.map(tr), false)!);
  root.append(
    h(
      'div',
      { class: 'fixed', role: 'group', 'aria-label': format(tr, 'widget.fixed.question') },
      h('p', {}, format(tr, 'widget.fixed.question')),
      h(
        'div',
        { class: 'nav' },
        h('button', { type: 'button', part: 'answer', 'data-action': 'fixed' }, format(tr, 'widget.fixed.yes')),
        h(
          'button',
          { type: 'button', part: 'answer', class: 'secondary', 'data-event': NOT_FIXED },
          format(tr, 'widget.fixed.no'),
        ),
      ),
    ),
  );
  return { root, focus: title };
}

/** "Glad it's fixed", in place of the "did this fix it?" question, with a way to start over. */
export function fixedView(tr: Translate): { root: HTMLElement; focus: HTMLElement } {
  const thanks = h('p', { class: 'thanks', tabindex: '-1' }, format(tr, 'widget.fixed.thanks'));
  const root = h(
    'div',
    { class: 'fixed', part: 'fixed' },
    thanks,
    h(
      'div',
      { class: 'nav' },
      h('button', { type: 'button', part: 'restart', 'data-action': 'restart' }, format(tr, 'widget.restart')),
    ),
  );
  return { root, focus: thanks };
}

/**
 * The question step: heading, what to do, note, one button per answer. Focus moves to the
 * heading, whose name says the step's position before the question ("第 2 步，最多還有 3 步：…").
 */
export function questionView(
  tr: Translate,
  view: ViewModel & { kind: 'question' },
  heading: HeadingTag,
): { root: HTMLElement; focus: HTMLElement } {
  const meta = view.node;
  const text = tr(meta.question);
  const label = format(tr, 'widget.announce.step', { n: view.step, left: view.left, text });
  const title = h(heading, { part: 'question', tabindex: '-1', 'aria-label': label }, text);
  const root = h(
    'div',
    { class: 'step' },
    title,
    list(meta.steps?.map(tr)),
    meta.note ? h('p', { class: 'note' }, tr(meta.note)) : null,
    h(
      'div',
      { class: 'answers', role: 'group', 'aria-label': format(tr, 'widget.answers') },
      ...meta.answers.map((a) => h('button', { type: 'button', part: 'answer', 'data-event': a.event }, tr(a.label))),
    ),
  );
  return { root, focus: title };
}

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

/** Whom to call and what to tell them. */
export function contactView(tr: Translate, meta: OutcomeMeta, heading: HeadingTag, hotline: string): HTMLElement {
  return h(
    'div',
    { class: 'contact' },
    h(heading, { class: 'sub' }, format(tr, 'widget.contact')),
    h('p', {}, meta.contact ? tr(meta.contact) : format(tr, 'widget.contact.default')),
    h('p', {}, hotline ? format(tr, 'widget.hotline', { hotline }) : format(tr, 'widget.hotline.none')),
    meta.tell?.length ? h(heading, { class: 'sub' }, format(tr, 'widget.tell')) : null,
    list(meta.tell?.map(tr), false),
  );
}
