import { h, list } from './dom';
import { format, type Translate } from './strings';
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
