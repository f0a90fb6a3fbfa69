/** The events `<pos-troubleshooter>` dispatches (bubbling, composed), and their details. */

/** Where the widget is: every event carries it. */
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

/**
 * The same event's name without the colon, which Angular's `(event)` template binding cannot
 * parse: `pos-troubleshooter:step` → `pos-troubleshooter-step`. Dispatched right after it.
 */
export const eventAlias = <K extends keyof TroubleshooterEvents>(type: K) =>
  type.replace(':', '-') as TroubleshooterAlias<K>;

/** The colon-free alias type of an event name. */
export type TroubleshooterAlias<K extends string> = K extends `pos-troubleshooter:${infer E}`
  ? `pos-troubleshooter-${E}`
  : never;

/**
 * Dispatches `type` (bubbling, composed) from the element, then its colon-free alias, each with
 * the same detail: `pos-troubleshooter-step` for `pos-troubleshooter:step`, which Angular's
 * `(event)` template binding can name (a colon there stops the app from compiling).
 */
export function dispatch<K extends keyof TroubleshooterEvents>(
  target: HTMLElement,
  type: K,
  detail: TroubleshooterEvents[K],
): void {
  for (const name of [type, eventAlias(type)])
    target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

/** Event type → detail. */
export interface TroubleshooterEvents {
  'pos-troubleshooter:step': StepDetail;
  'pos-troubleshooter:outcome': OutcomeDetail;
  'pos-troubleshooter:summary': OutcomeDetail;
  'pos-troubleshooter:error': ErrorDetail;
}

declare global {
  interface HTMLElementEventMap {
    'pos-troubleshooter:step': CustomEvent<StepDetail>;
    'pos-troubleshooter:outcome': CustomEvent<OutcomeDetail>;
    'pos-troubleshooter:summary': CustomEvent<OutcomeDetail>;
    'pos-troubleshooter:error': CustomEvent<ErrorDetail>;
    'pos-troubleshooter-step': CustomEvent<StepDetail>;
    'pos-troubleshooter-outcome': CustomEvent<OutcomeDetail>;
    'pos-troubleshooter-summary': CustomEvent<OutcomeDetail>;
    'pos-troubleshooter-error': CustomEvent<ErrorDetail>;
  }
}
