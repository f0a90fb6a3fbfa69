/**
 * TypeScript declarations for <pos-troubleshooter> (/embed/pos-troubleshooter.d.ts, beside the
 * bundle): the element and its tag, its events and their details, and the element's props in
 * React 19 JSX and in Vue 3 templates. The API itself is described in custom-elements.json;
 * test/unit/element-types.test.ts keeps this file in step with the element's own types.
 *
 * Use: copy the file into your project (or reference it with `/// <reference path="…" />`). The
 * React and Vue sections only add to those libraries' types when they are installed.
 */

/** Where the widget is: every event's detail carries it. */
export interface TroubleshooterDetail {
  /** The flow's id. */
  flow: string;
  /** The current state's id ('' before a flow is running). */
  state: string;
  /** State ids from the start to the current state. */
  path: string[];
}

/** `pos-troubleshooter:step`: a new question; `fixed: true` when the merchant says a fix worked. */
export interface StepDetail extends TroubleshooterDetail {
  answers: string[];
  fixed?: true;
}

/** `pos-troubleshooter:outcome` and `pos-troubleshooter:summary`. */
export interface OutcomeDetail extends TroubleshooterDetail {
  answers: string[];
  outcome: 'resolved' | 'escalate';
  /** The plain-text summary for the hotline. */
  summary: string;
}

/** `pos-troubleshooter:error`. */
export interface ErrorDetail extends TroubleshooterDetail {
  message: string;
}

/** Every event of the element, by name: each comes as named and as its colon-free alias (for Angular). */
export interface PosTroubleshooterEventMap {
  'pos-troubleshooter:step': CustomEvent<StepDetail>;
  'pos-troubleshooter:outcome': CustomEvent<OutcomeDetail>;
  'pos-troubleshooter:summary': CustomEvent<OutcomeDetail>;
  'pos-troubleshooter:error': CustomEvent<ErrorDetail>;
  'pos-troubleshooter-step': CustomEvent<StepDetail>;
  'pos-troubleshooter-outcome': CustomEvent<OutcomeDetail>;
  'pos-troubleshooter-summary': CustomEvent<OutcomeDetail>;
  'pos-troubleshooter-error': CustomEvent<ErrorDetail>;
}

/** The attributes, as a framework template writes them. */
export interface PosTroubleshooterAttributes {
  /** The flow to show (required), e.g. `network`. */
  flow: string;
  /** `zh-Hans` or `zh-Hant`; default: the nearest `lang` in the page. */
  lang?: 'zh-Hans' | 'zh-Hant' | (string & {});
  /** `hash` keeps the path in location.hash (one element per page); default `none`. */
  history?: 'hash' | 'none';
  /** The node to begin at. */
  start?: string;
  /** Your hotline, shown at escalations. */
  hotline?: string;
  /** Heading level of the steps (2–6). */
  'heading-level'?: string | number;
  /** Offer to keep the merchant's typed details on the device. */
  remember?: boolean;
  /** An http(s) or relative address of a repair-record page. */
  'record-url'?: string;
}

/** The element. */
export interface PosTroubleshooterElement extends HTMLElement {
  flow: string;
  history: string;
  start: string;
  hotline: string;
  remember: boolean;
  addEventListener<K extends keyof PosTroubleshooterEventMap>(
    type: K,
    listener: (this: PosTroubleshooterElement, event: PosTroubleshooterEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: PosTroubleshooterElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof PosTroubleshooterEventMap>(
    type: K,
    listener: (this: PosTroubleshooterElement, event: PosTroubleshooterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** React 19 event props: `on` + the event's name, as React 19 passes them to custom elements. */
export interface PosTroubleshooterReactEvents {
  'onpos-troubleshooter:step'?: (event: CustomEvent<StepDetail>) => void;
  'onpos-troubleshooter:outcome'?: (event: CustomEvent<OutcomeDetail>) => void;
  'onpos-troubleshooter:summary'?: (event: CustomEvent<OutcomeDetail>) => void;
  'onpos-troubleshooter:error'?: (event: CustomEvent<ErrorDetail>) => void;
}

/** Vue 3 listeners (`@pos-troubleshooter:step` in a template). */
export interface PosTroubleshooterVueEvents {
  'onPos-troubleshooter:step'?: (event: CustomEvent<StepDetail>) => void;
  'onPos-troubleshooter:outcome'?: (event: CustomEvent<OutcomeDetail>) => void;
  'onPos-troubleshooter:summary'?: (event: CustomEvent<OutcomeDetail>) => void;
  'onPos-troubleshooter:error'?: (event: CustomEvent<ErrorDetail>) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-troubleshooter': PosTroubleshooterElement;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'pos-troubleshooter': PosTroubleshooterAttributes &
        PosTroubleshooterReactEvents & {
          id?: string;
          class?: string;
          className?: string;
          slot?: string;
          hidden?: boolean;
          key?: string | number | null;
          ref?: import('react').Ref<PosTroubleshooterElement>;
          children?: import('react').ReactNode;
          style?: import('react').CSSProperties;
        };
    }
  }
}

declare module 'vue' {
  interface GlobalComponents {
    'pos-troubleshooter': import('vue').DefineComponent<PosTroubleshooterAttributes & PosTroubleshooterVueEvents>;
  }
}
