/**
 * An outcome's escalation block: whom to call (always, at once), the host's `escalation` slot,
 * then the summary form. The form (summary-panel.ts, escalation-views.ts) is a chunk of its own,
 * fetched when an outcome escalates or, to be ready, at the merchant's first answer: a
 * troubleshooter page does not download it before any interaction. The service worker keeps it
 * with the shell's scripts (scripts/build/offline-files.mjs), so it also loads offline.
 */
import { loadRemembered } from './device-storage';
import { h } from './dom';
import { format } from './strings';
import { contactView, errorLine } from './views';
import type { SummaryPanelOptions } from './summary-panel';
import type { Fields } from './saved-details';
import type { OutcomeMeta } from '../../machines/types';

let form: Promise<typeof import('./summary-panel')> | undefined;

/** Starts loading the summary form (once; again after a failure). */
export function loadSummaryForm(): Promise<typeof import('./summary-panel')> {
  if (!form)
    form = import('./summary-panel').catch((error: unknown) => {
      form = undefined;
      throw error;
    });
  return form;
}

/**
 * The block, with the form in place once it has loaded. `shown` gets the fields the form shows at
 * once, before the form has loaded (so the outcome event's summary carries them): those typed on
 * this page, else those remembered on this device. A form that cannot load leaves whom to call in
 * view and says why in Chinese; `failed` gets the reason for the console and the error event.
 */
export function escalationBlock(
  options: SummaryPanelOptions & { meta: OutcomeMeta; hotline: string },
  shown: (fields: Fields) => void,
  failed: (log: string) => void,
): HTMLElement {
  const { tr } = options;
  const remembered = Object.keys(options.fields).length || !options.offerRemember ? null : loadRemembered();
  shown(remembered ?? options.fields);
  const place = h('div');
  loadSummaryForm().then(
    ({ summaryPanel, adoptFormStyles }) => {
      if (!place.isConnected) return; // the merchant has moved on
      adoptFormStyles(place.getRootNode());
      const panel = summaryPanel(options);
      place.replaceWith(panel.root);
      shown(panel.fields);
    },
    (error: unknown) => {
      if (!place.isConnected) return;
      place.replaceWith(errorLine(format(tr, 'widget.error.summary')));
      failed(`the summary form failed to load: ${String(error)}`);
    },
  );
  const contact = contactView(tr, options.meta, options.heading, options.hotline);
  return h('div', { class: 'escalation' }, contact, h('slot', { name: 'escalation' }), place);
}
