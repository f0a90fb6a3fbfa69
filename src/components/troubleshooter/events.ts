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
  }
}
