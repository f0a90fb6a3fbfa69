/**
 * <pos-troubleshooter>: runs one flow machine as a step-by-step troubleshooter.
 *
 * Attributes: `flow` (required: a file name in src/content/flows/), `lang` (zh-Hant |
 * zh-Hans; default: the nearest `lang` in the page), `history` (`hash` keeps the path in
 * location.hash; default none), `hotline` (number shown on escalations), `heading-level` (2–6,
 * default 2), `remember` (boolean: offer "remember on this device" for the typed fields, kept in
 * this page's localStorage for 30 days, with a clear button; without it nothing is kept).
 * Events (bubbling, composed; detail { flow, state, path, answers }): `pos-troubleshooter:step`,
 * `pos-troubleshooter:outcome` (+ outcome, summary), `pos-troubleshooter:summary` (+ outcome,
 * summary: sent again, 500 ms after the merchant stops editing the fields),
 * `pos-troubleshooter:error` (+ message).
 * On the site, `record-url` links each outcome to a repair record filled from this device.
 * `start` begins at that node of the flow (a question's id) instead of the flow's first.
 * Parts: question, answer, back, restart, outcome (data-outcome), summary, summary-text, copy,
 * remember, clear, record, progress, error. Slots: `static` (the server-rendered flow, shown
 * when printing), `escalation` (the host's own wording on every escalation).
 * CSS properties: --pos-accent, --pos-accent-text, --pos-bg, --pos-fg, --pos-muted, --pos-line,
 * --pos-font, --pos-font-size, --pos-radius, --pos-ok, --pos-warn.
 */
import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import type { Flow } from '../../machines/types';
import { h, list } from './dom';
import { isOutcome, readStates, stepsLeft, type FlowState } from '../../machines/model';
import { flowNames, isFlowName, loadFlow } from '../../machines/manifest';
import { isOurHash, readHash, writeHash } from './history';
import { format, translatorFor, type Translate } from './strings';
import { notFixedEvent } from '../../machines/compile';
import { widgetUi } from '../../i18n/widget';
import { styleSheet } from './styles';
import { forgetExpired } from './device-storage';
import { later } from './later';
import type { Fields } from './saved-details';
import { buildSummary } from './summary';
import { summaryPanel } from './summary-panel';
import { contactView, questionView, type HeadingTag } from './views';

let uidCounter = 0;

export class PosTroubleshooter extends HTMLElement {
  static observedAttributes = ['flow', 'lang'];

  #root: ShadowRoot | undefined;
  #panel!: HTMLElement;
  #live!: HTMLElement;
  #flow: Flow | undefined;
  #states = new Map<string, FlowState>();
  #left = new Map<string, number>();
  #tr: Translate = (t) => t;
  #events: string[] = [];
  #actor: AnyActorRef | undefined;
  #fields: Fields = {};
  #summaryEvent = later(500);
  #uid = `pt${++uidCounter}`;
  #generation = 0;
  #onHashChange = () => this.#fromHash();

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
      if (this.#history) window.addEventListener('hashchange', this.#onHashChange);
      if (this.hasAttribute('remember')) forgetExpired();
      void this.#load();
    } catch (error) {
      this.#fail(String(error));
    }
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#summaryEvent.cancel();
    this.#actor?.stop();
    this.#actor = undefined;
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (this.#root && this.isConnected && oldValue !== newValue) void this.#load();
  }

  get #history(): boolean {
    return this.getAttribute('history') === 'hash';
  }

  get #heading(): HeadingTag {
    const level = Number(this.getAttribute('heading-level') ?? 2);
    return `h${Math.min(6, Math.max(2, Number.isFinite(level) ? Math.round(level) : 2))}` as HeadingTag;
  }

  /** The script to show: the attribute, else the nearest lang in the page; Hant or Hans. */
  get #lang(): { tag: 'zh-Hant' | 'zh-Hans'; given: string | null } {
    const given = this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null;
    return { tag: given && /^zh-(hant|tw|hk|mo)/i.test(given) ? 'zh-Hant' : 'zh-Hans', given };
  }

  async #load(): Promise<void> {
    this.#summaryEvent.flush();
    const generation = ++this.#generation;
    this.#flow = undefined;
    this.#actor?.stop();
    this.#actor = undefined;
    const name = this.getAttribute('flow') ?? '';
    const lang = this.#lang;
    this.#tr = await translatorFor(lang.tag).catch(() => (t: string) => t);
    if (generation !== this.#generation) return;
    this.#panel.setAttribute('aria-label', format(this.#tr, 'widget.region'));
    this.#panel.replaceChildren(h('p', { class: 'status' }, format(this.#tr, 'widget.loading')));
    if (!isFlowName(name)) {
      this.#fail(
        format(this.#tr, 'widget.error.flow', { flow: name, known: flowNames.join('、') }),
        `unknown flow "${name}"; known flows: ${flowNames.join(', ')}`,
      );
      return;
    }
    try {
      const flow = await loadFlow(name, this.getAttribute('start'));
      if (!flow) throw new Error('not in the manifest');
      this.#flow = flow;
    } catch (error) {
      if (generation === this.#generation)
        this.#fail(format(this.#tr, 'widget.error.load'), `flow "${name}" failed to load: ${String(error)}`);
      return;
    }
    if (generation !== this.#generation) return;
    const machine = this.#flow.machine as AnyStateMachine;
    this.#states = new Map(readStates(machine).map((s) => [s.id, s]));
    this.#left = stepsLeft(machine);
    if (!lang.given || !/^zh/i.test(lang.given)) {
      this.#emit('error', {
        message: `no Chinese lang on the element or page (got "${lang.given ?? ''}"); showing zh-Hans`,
      });
    }
    if (this.#history && isOurHash(location.hash)) this.#fromHash();
    else this.#go([], false);
  }

  /** Resumes from the hash; a hash that points nowhere starts over with a message. */
  #fromHash(): void {
    if (!this.#flow) return;
    const events = readHash(location.hash, this.#flow.name);
    const mine = location.hash.startsWith(`#t=${this.#flow.name}`);
    if (events === null && !mine) {
      if (!this.#actor) this.#go([], false); // not troubleshooter progress, or another widget's
      return;
    }
    if (events && events.join('.') === this.#events.join('.') && this.#actor) return;
    if (!events || !this.#go(events, true)) {
      this.#go([], false);
      this.#notice(
        format(this.#tr, 'widget.error.hash'),
        `hash "${location.hash}" does not lead anywhere in flow "${this.#flow.name}"; started over`,
      );
      history.replaceState(null, '', writeHash(this.#flow.name, []));
    }
  }

  /** Replays `events` on a fresh actor; false when one of them is not possible. */
  #go(events: string[], focus: boolean): boolean {
    const flow = this.#flow!;
    const actor = createActor(flow.machine).start();
    for (const type of events) {
      if (!actor.getSnapshot().can({ type })) {
        actor.stop();
        return false;
      }
      actor.send({ type });
    }
    this.#summaryEvent.flush();
    this.#actor?.stop();
    this.#actor = actor;
    this.#events = [...events];
    this.#render(focus);
    return true;
  }

  /** State ids from the start to the current state. */
  #path(): string[] {
    const ids = [String(this.#flow!.machine.config.initial)];
    for (const e of this.#events) ids.push(this.#states.get(ids.at(-1)!)!.on[e]!);
    return ids;
  }

  #current(): FlowState {
    return this.#states.get(this.#path().at(-1)!)!;
  }

  #answered(): { question: string; answer: string }[] {
    const path = this.#path();
    return this.#events.map((e, i) => {
      const meta = this.#states.get(path[i]!)!.meta;
      const label =
        meta.kind === 'question'
          ? (meta.answers.find((a) => a.event === e)?.label ?? e)
          : e === notFixedEvent
            ? widgetUi['widget.fixed.no']
            : e;
      return { question: this.#tr(meta.kind === 'question' ? meta.question : meta.title), answer: this.#tr(label) };
    });
  }

  #render(focus: boolean): void {
    const tr = this.#tr;
    const state = this.#current();
    const n = this.#events.length + 1;
    const left = this.#left.get(state.id) ?? 0;
    const progress = h(
      'p',
      { class: 'progress', part: 'progress' },
      format(tr, 'widget.step', { n }),
      left ? ` · ${format(tr, 'widget.stepsLeft', { n: left })}` : '',
    );
    const nav = h(
      'div',
      { class: 'nav' },
      this.#events.length
        ? h(
            'button',
            { type: 'button', class: 'secondary', part: 'back', 'data-action': 'back' },
            format(tr, 'widget.back'),
          )
        : null,
      this.#events.length
        ? h(
            'button',
            { type: 'button', class: 'secondary', part: 'restart', 'data-action': 'restart' },
            format(tr, 'widget.restart'),
          )
        : null,
    );
    let focusTarget: HTMLElement;
    let announce: string;
    if (isOutcome(state.meta)) {
      const view = this.#outcomeView(state);
      focusTarget = view.focus;
      announce = format(tr, 'widget.announce.outcome', { text: tr(state.meta.title) });
      this.#panel.replaceChildren(progress, view.root, nav);
    } else {
      const view = questionView(tr, state.meta, this.#heading);
      focusTarget = view.focus;
      announce = format(tr, 'widget.announce.step', { n, text: tr(state.meta.question) });
      this.#panel.replaceChildren(progress, view.root, nav);
    }
    this.#live.textContent = announce;
    if (focus) focusTarget.focus();
    const detail = { flow: this.#flow!.name, state: state.id, path: this.#path(), answers: [...this.#events] };
    if (isOutcome(state.meta))
      this.#emit('outcome', { ...detail, outcome: state.meta.outcome, summary: this.#summaryText() });
    else this.#emit('step', detail);
  }

  #outcomeView(state: FlowState): { root: HTMLElement; focus: HTMLElement } {
    const tr = this.#tr;
    const meta = state.meta;
    if (!isOutcome(meta)) throw new Error('not an outcome');
    const heading = this.#heading;
    const sub = `h${Math.min(6, Number(heading[1]) + 1)}` as HeadingTag;
    const title = h(heading, { tabindex: '-1' }, tr(meta.title));
    const escalation = h(
      'div',
      { class: 'escalation' },
      contactView(tr, meta, sub, this.getAttribute('hotline') ?? ''),
      h('slot', { name: 'escalation' }),
    );
    const build = (fields: Fields) =>
      buildSummary({
        tr,
        flowTitle: tr(this.#flow!.title),
        outcome: meta,
        steps: this.#answered(),
        fields,
        time: new Date(),
      });
    const summary = summaryPanel({
      tr,
      heading: sub,
      uid: this.#uid,
      fields: this.#fields,
      offerRemember: this.hasAttribute('remember'),
      recordUrl: this.getAttribute('record-url'),
      fault: tr(meta.title),
      build,
      onFields: (fields) => {
        this.#fields = fields;
        const detail = { answers: [...this.#events], outcome: 'escalate', summary: build(fields) };
        this.#summaryEvent.schedule(() => this.#emit('summary', detail));
      },
      announce: (text) => (this.#live.textContent = text),
    });
    this.#fields = summary.fields;
    escalation.append(summary.root);
    const root = h(
      'div',
      { part: 'outcome', 'data-outcome': meta.outcome, class: 'outcome' },
      h(
        'p',
        { class: 'kind' },
        format(tr, meta.outcome === 'resolved' ? 'widget.outcome.resolved' : 'widget.outcome.escalate'),
      ),
      title,
      h(sub, { class: 'sub' }, format(tr, 'widget.now')),
      list(meta.steps.map(tr)),
    );
    if (meta.outcome === 'resolved') {
      if (meta.prevent?.length)
        root.append(h(sub, { class: 'sub' }, format(tr, 'widget.prevent')), list(meta.prevent.map(tr), false)!);
      const thanks = h('p', { class: 'status', role: 'status' });
      const ask = h(
        'div',
        { class: 'fixed', role: 'group', 'aria-label': format(tr, 'widget.fixed.question') },
        h('p', {}, format(tr, 'widget.fixed.question')),
        h(
          'div',
          { class: 'nav' },
          h('button', { type: 'button', part: 'answer', 'data-action': 'fixed' }, format(tr, 'widget.fixed.yes')),
          h(
            'button',
            { type: 'button', part: 'answer', class: 'secondary', 'data-event': notFixedEvent },
            format(tr, 'widget.fixed.no'),
          ),
        ),
      );
      root.append(ask, thanks);
    } else {
      root.append(escalation);
    }
    return { root, focus: title };
  }

  #summaryText(): string {
    const state = this.#current();
    if (!isOutcome(state.meta)) return '';
    return buildSummary({
      tr: this.#tr,
      flowTitle: this.#tr(this.#flow!.title),
      outcome: state.meta,
      steps: this.#answered(),
      fields: this.#fields,
      time: new Date(),
    });
  }

  #onClick(event: Event): void {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    if (!this.#flow) {
      if (button.dataset.action === 'restart') void this.#load();
      return;
    }
    const answer = button.dataset.event;
    const action = button.dataset.action;
    if (answer) this.#navigate([...this.#events, answer]);
    else if (action === 'back') this.#navigate(this.#events.slice(0, -1));
    else if (action === 'restart') this.#navigate([]);
    else if (action === 'fixed') this.#onFixed(button);
  }

  /** "Yes, fixed": a thank-you. "Not fixed" is an answer (NOT_FIXED) that the machine takes to an escalation. */
  #onFixed(button: HTMLElement): void {
    const outcome = button.closest('.outcome')!;
    const status = outcome.querySelector<HTMLElement>('[role="status"]')!;
    status.textContent = format(this.#tr, 'widget.fixed.thanks');
    this.#emit('step', {
      flow: this.#flow!.name,
      state: this.#current().id,
      path: this.#path(),
      answers: [...this.#events],
      fixed: true,
    });
  }

  /** Moves to `events`; with history on, through the hash so Back and shared links work. */
  #navigate(events: string[]): void {
    if (this.#history) {
      const hash = writeHash(this.#flow!.name, events);
      if (location.hash !== hash) {
        history.pushState(null, '', hash);
      }
    }
    this.#go(events, true);
  }

  #notice(message: string, log: string): void {
    this.#panel.prepend(h('p', { class: 'error', part: 'error', role: 'alert' }, message));
    console.warn(`[pos-troubleshooter] ${log}`);
    this.#emit('error', { message: log });
  }

  /** Shows a readable message instead of the flow, with a way to start over. */
  #fail(message: string, log = message): void {
    this.#panel?.replaceChildren(
      h('p', { class: 'error', part: 'error', role: 'alert' }, message),
      h(
        'div',
        { class: 'nav' },
        h('button', { type: 'button', part: 'restart', 'data-action': 'restart' }, format(this.#tr, 'widget.restart')),
      ),
    );
    console.warn(`[pos-troubleshooter] ${log}`);
    this.#emit('error', { message: log });
  }

  #emit(kind: 'step' | 'outcome' | 'summary' | 'error', detail: Record<string, unknown>): void {
    const base = {
      flow: this.#flow?.name ?? this.getAttribute('flow') ?? '',
      state: this.#actor ? this.#current().id : '',
      path: this.#actor ? this.#path() : [],
    };
    this.dispatchEvent(
      new CustomEvent(`pos-troubleshooter:${kind}`, { bubbles: true, composed: true, detail: { ...base, ...detail } }),
    );
  }
}

/** Registers the element once, whatever loads it first (site script or embed bundle). */
export function definePosTroubleshooter(): void {
  if (!customElements.get('pos-troubleshooter')) customElements.define('pos-troubleshooter', PosTroubleshooter);
}
