/**
 * <pos-troubleshooter>: one flow as a step-by-step troubleshooter; its public API is in
 * custom-elements.json (repository root). Attributes, properties, lifecycle and events only: the
 * flow's state is a FlowController (controller.ts), the DOM is built by views.ts.
 */
import { defaultLang, htmlLang, matchLang } from '../../i18n/langs.mjs';
import { flowNames, isFlowName, loadFlow } from '../../machines/manifest';
import { loadFailure } from './load-failure';
import { FlowController, type ViewModel } from './controller';
import { forgetExpired } from './device-storage';
import { h } from './dom';
import { dispatch } from './events';
import { hashTarget, isOurHash, watchHash, writeHash } from './history';
import { later } from './later';
import type { Fields } from './saved-details';
import { failText, format, translatorFor, type Translate } from './strings';
import { styleSheet } from './styles';
import { summaryOf } from './summary';
import { escalationBlock, loadSummaryForm } from './escalation';
import { reflect, headingTag } from './reflect';
import { errorLine, errorView, fixedView, navView, outcomeView, progressView, questionView, subHeading } from './views';
import type { HeadingTag } from './views';

let uidCounter = 0;

export class PosTroubleshooter extends HTMLElement {
  static observedAttributes = ['flow', 'lang', 'start'];

  #root: ShadowRoot | undefined;
  #panel!: HTMLElement;
  #live!: HTMLElement;
  #run: FlowController | undefined;
  #tr: Translate = (t) => t;
  #fields: Fields = {};
  #summaryEvent = later(500);
  #uid = `pt${++uidCounter}`;
  #generation = 0;
  #onHashChange = () => this.#fromHash();

  /** Properties reflecting attributes (`reflect` below the class). */
  declare flow: string;
  declare history: string;
  declare start: string;
  declare hotline: string;
  declare remember: boolean;

  connectedCallback(): void {
    try {
      if (!this.#root) {
        this.#root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        this.#root.adoptedStyleSheets = [styleSheet()];
        this.#live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
        this.#panel = h('div', { class: 'panel', part: 'container', role: 'region', 'aria-label': '…' });
        this.#root.replaceChildren(this.#panel, this.#live, h('slot', { name: 'static' }));
        this.#panel.addEventListener('click', (e) => this.#onClick(e));
      }
      if (this.history === 'hash') watchHash(this, this.#onHashChange, (message) => this.#warn(message));
      if (this.remember) forgetExpired();
      void this.#load();
    } catch (error) {
      this.#fail(failText(this.#tr, 'other', this), String(error));
    }
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#summaryEvent.cancel();
    this.#run?.stop();
    this.#run = undefined;
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (this.#root && this.isConnected && oldValue !== newValue) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.#summaryEvent.flush();
      const generation = ++this.#generation;
      this.dataset.upgraded = ''; // the widget takes the static flow's place (global.css) until #fail
      this.#run?.stop();
      this.#run = undefined;
      const name = this.flow;
      // The script: the attribute, else the nearest lang in the page.
      const given = this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null;
      const lang = matchLang(given);
      this.#tr = await translatorFor(lang ?? defaultLang).catch(() => (t: string) => t);
      if (generation !== this.#generation) return;
      this.#panel.setAttribute('aria-label', format(this.#tr, 'widget.region'));
      this.#panel.replaceChildren(h('p', { class: 'status' }, format(this.#tr, 'widget.loading')));
      if (!isFlowName(name)) {
        const message = format(this.#tr, 'widget.error.flow', { flow: name, known: flowNames.join('、') });
        return this.#fail(message, `unknown flow "${name}"; known flows: ${flowNames.join(', ')}`);
      }
      let run: FlowController;
      try {
        // The flow's file in the widget's script, as data checked against its built-in sha384.
        run = new FlowController(await loadFlow(name, lang ?? defaultLang, this.getAttribute('start')));
      } catch (error) {
        if (generation === this.#generation) this.#fail(...loadFailure(this.#tr, name, error, this));
        return;
      }
      if (generation !== this.#generation) return run.stop();
      this.#run = run;
      if (!lang) {
        const message = `no Chinese lang on the element or page (got "${given ?? ''}"); showing ${htmlLang(defaultLang)}`;
        dispatch(this, 'pos-troubleshooter:error', { ...this.#where(), message });
      }
      if (this.history === 'hash' && isOurHash(location.hash)) this.#fromHash(true);
      else this.#render(false);
    } catch (error) {
      this.#fail(failText(this.#tr, 'other', this), String(error));
    }
  }

  /** Resumes from the hash; a hash that points nowhere starts over with a message. */
  #fromHash(fresh = false): void {
    const run = this.#run;
    if (!run) return;
    const target = hashTarget(location.hash, run.flow.name, run.answers, fresh);
    if (target === 'none') return fresh ? this.#render(false) : undefined; // not ours, or shown
    this.#summaryEvent.flush();
    if (target !== 'invalid' && run.resume(target)) return this.#render(true);
    run.restart();
    this.#render(false);
    this.#panel.prepend(errorLine(format(this.#tr, 'widget.error.hash')));
    this.#warn(`hash "${location.hash}" does not lead anywhere in flow "${run.flow.name}"; started over`);
    history.replaceState(null, '', writeHash(run.flow.name, []));
  }

  #render(focus: boolean): void {
    const run = this.#run!;
    const view = run.view;
    const tr = this.#tr;
    const heading = headingTag(this.getAttribute('heading-level'));
    this.#summaryEvent.flush();
    const shown =
      view.kind === 'outcome'
        ? outcomeView(tr, view.node, heading, () => this.#escalation(view, heading))
        : questionView(tr, view, heading);
    this.#panel.replaceChildren(progressView(tr, view), shown.root, navView(tr, view));
    // The focused heading's name says the step (views.ts); the live region is for status only.
    this.#live.textContent = '';
    if (focus) shown.focus.focus();
    const detail = { ...this.#where(), answers: view.answers };
    if (view.kind === 'outcome')
      dispatch(this, 'pos-troubleshooter:outcome', { ...detail, outcome: view.node.outcome, summary: this.#summary() });
    else dispatch(this, 'pos-troubleshooter:step', detail);
  }

  /** Contact, the host's slot and the summary form (escalation.ts) of an outcome. */
  #escalation(view: ViewModel & { kind: 'outcome' }, heading: HeadingTag): HTMLElement {
    return escalationBlock(
      {
        tr: this.#tr,
        meta: view.node,
        hotline: this.hotline,
        heading: subHeading(heading),
        uid: this.#uid,
        fields: this.#fields,
        offerRemember: this.remember,
        recordUrl: this.getAttribute('record-url'),
        fault: this.#tr(view.node.title),
        build: (fields) => this.#summary(fields),
        onFields: (fields) => {
          this.#fields = fields;
          const detail = { ...this.#where(), answers: view.answers, outcome: 'escalate' as const };
          const summary = this.#summary(fields);
          this.#summaryEvent.schedule(() => dispatch(this, 'pos-troubleshooter:summary', { ...detail, summary }));
        },
        announce: (text) => (this.#live.textContent = text),
      },
      (fields) => (this.#fields = fields),
      (log) => this.#warn(log),
    );
  }

  /** The summary text of the current outcome ('' on a question). */
  #summary(fields: Fields = this.#fields): string {
    const view = this.#run?.view;
    return view?.kind === 'outcome' ? summaryOf(this.#tr, this.#run!.flow.title, view, fields) : '';
  }

  #onClick(event: Event): void {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    const run = this.#run;
    const action = button.dataset.action;
    if (!run) {
      if (action === 'restart') void this.#load();
      return;
    }
    const answer = button.dataset.event;
    if (answer) this.#navigate([...run.answers, answer]);
    else if (action === 'back') this.#navigate(run.answers.slice(0, -1), true);
    else if (action === 'restart') this.#navigate([], true);
    else if (action === 'fixed') this.#onFixed(button);
  }

  /** "解決了" on a resolved outcome: says so, offers to start over, and sends the step event. */
  #onFixed(button: HTMLElement): void {
    const shown = fixedView(this.#tr);
    button.closest('.fixed')?.replaceWith(shown.root);
    shown.focus.focus(); // reads the thanks: no live announcement to repeat it
    dispatch(this, 'pos-troubleshooter:step', { ...this.#where(), answers: this.#run!.answers, fixed: true });
  }

  /**
   * Moves to `events`; with history on, through the hash so Back and shared links work: an answer
   * adds an entry, back and restart (`replace`) rewrite the current one instead of piling up.
   */
  #navigate(events: string[], replace = false): void {
    const run = this.#run!;
    if (this.history === 'hash') {
      const hash = writeHash(run.flow.name, events);
      if (location.hash !== hash) history[replace ? 'replaceState' : 'pushState'](null, '', hash);
    }
    this.#summaryEvent.flush();
    void loadSummaryForm().catch(() => undefined); // an answer: the form may soon be needed
    if (run.resume(events)) this.#render(true);
  }

  /** Shows a readable message and a way to start over, with the static flow again below it. */
  #fail(message: string, log = message): void {
    this.#panel?.replaceChildren(...errorView(this.#tr, message));
    delete this.dataset.upgraded;
    this.#warn(log);
  }

  #warn(log: string): void {
    console.warn(`[pos-troubleshooter] ${log}`);
    dispatch(this, 'pos-troubleshooter:error', { ...this.#where(), message: log });
  }

  /** Where the widget is, for every event's detail. */
  #where(): { flow: string; state: string; path: string[] } {
    const view = this.#run?.view;
    return { flow: this.#run?.flow.name ?? this.flow, state: view?.state ?? '', path: view?.path ?? [] };
  }
}

reflect(PosTroubleshooter, ['flow', 'history', 'start', 'hotline'], ['remember']);

export { floorReady } from '../../lib/floor/ready'; // for page scripts: polyfills only where missing

/** Registers the element once, whatever loads it first (site script or embed bundle). */
export function definePosTroubleshooter(): void {
  if (!customElements.get('pos-troubleshooter')) customElements.define('pos-troubleshooter', PosTroubleshooter);
}
