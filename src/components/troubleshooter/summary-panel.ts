/**
 * The escalation summary, wired: typed fields refresh the text, are remembered only when the
 * merchant ticks "remember on this device" (and the host allows it), can be cleared, and are
 * handed to the repair-record page when the merchant opens it. A chunk of its own, loaded when an
 * outcome escalates (escalation.ts).
 */
import { h } from './dom';
import { forgetAll, loadRemembered, saveRemembered, setItem } from './device-storage';
import { lastOutcomeKey, summaryFields, writeLastOutcome, type Fields } from './saved-details';
import { format, type Translate } from './strings';
import { summaryView } from './escalation-views';
import type { HeadingTag } from './views';

export { adoptFormStyles } from './escalation-views';

/** What the panel needs from the element. */
export interface SummaryPanelOptions {
  tr: Translate;
  heading: HeadingTag;
  uid: string;
  /** The fields typed so far on this page. */
  fields: Fields;
  /** The host lets the widget keep fields on this device (the `remember` attribute). */
  offerRemember: boolean;
  /** The repair-record page to link to, or null (embedded: no link, no hand-off). */
  recordUrl: string | null;
  /** The outcome's title, for the repair record. */
  fault: string;
  /** The summary text for these fields. */
  build: (fields: Fields) => string;
  /** Called whenever the merchant changes the fields (typing, clearing). */
  onFields: (fields: Fields) => void;
  /** Says a text in the widget's live region. */
  announce: (text: string) => void;
}

/**
 * Builds the summary part of an escalation and wires it up. Returns it with the fields it shows:
 * those typed on this page, else (when the host allows) those remembered on this device.
 */
export function summaryPanel(options: SummaryPanelOptions): { root: HTMLElement; fields: Fields } {
  const { tr, build, onFields } = options;
  const saved = options.offerRemember ? loadRemembered() : null;
  let fields: Fields = Object.keys(options.fields).length ? options.fields : (saved ?? {});
  const view = summaryView(tr, options.heading, fields, options.uid, {
    offered: options.offerRemember,
    checked: saved !== null,
  });
  const refresh = () => (view.text.value = build(fields));
  const keep = () => {
    if (view.remember?.checked) saveRemembered(fields);
  };

  for (const f of summaryFields) {
    view.inputs[f].addEventListener('input', () => {
      fields = { ...fields, [f]: view.inputs[f].value };
      keep();
      refresh();
      onFields(fields);
    });
  }
  view.remember?.addEventListener('change', () => {
    if (view.remember!.checked) keep();
    else forgetAll();
  });
  view.clear?.addEventListener('click', () => {
    forgetAll();
    fields = {};
    for (const f of summaryFields) view.inputs[f].value = '';
    view.remember!.checked = false;
    refresh();
    onFields(fields);
    options.announce(format(tr, 'widget.cleared'));
  });
  view.copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(view.text.value);
      view.status.textContent = format(tr, 'widget.copied');
    } catch {
      view.text.select();
      view.status.textContent = format(tr, 'widget.copyFailed');
    }
  });
  refresh();
  const recordUrl = safeRecordUrl(options.recordUrl);
  if (!recordUrl) return { root: view.root, fields };
  const link = h('a', { href: recordUrl, part: 'record', target: '_blank' }, format(tr, 'widget.printRecord'));
  const handOff = () =>
    setItem(
      lastOutcomeKey,
      writeLastOutcome({
        summary: view.text.value,
        fault: options.fault,
        time: new Date().toLocaleString(),
        fields,
        savedAt: Date.now(),
        remember: view.remember?.checked ?? false,
      }),
    );
  link.addEventListener('click', handOff);
  link.addEventListener('auxclick', handOff);
  return { root: h('div', {}, view.root, h('p', {}, link)), fields };
}

/**
 * `record-url` when it is an http(s) address or relative to the page; otherwise null (and a
 * warning), so a hand-edited attribute can never turn the link into javascript:, data: or vbscript:.
 */
export function safeRecordUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value, document.baseURI);
    if (protocol === 'http:' || protocol === 'https:') return value;
  } catch {
    // not a URL at all
  }
  console.warn(
    `[pos-troubleshooter] record-url "${value.slice(0, 80)}" is not an http(s) or relative URL; the link is left out`,
  );
  return null;
}
