/**
 * Types shared by every flow machine. A flow is a pure decision tree: each non-final state is a
 * step the merchant reads (optional instructions, then one question), each answer is an event,
 * each final state an outcome. Texts are zh-Hant; zh-Hans is derived at build time.
 */

/** One answer button: the event it sends and its label. */
export interface Answer {
  /** Event type sent when chosen, UPPER_SNAKE, e.g. `YES`, `ALL_CARDS`. */
  event: string;
  /** Label on the button, short, in zh-Hant. */
  label: string;
}

/** Meta of a step (a non-final state). */
export interface QuestionMeta {
  kind: 'question';
  /** The question, as the step's heading. */
  question: string;
  /** Numbered things to do or check before answering (optional). */
  steps?: string[];
  /** A warning or tip shown beside the steps (optional). */
  note?: string;
  /** The answers, in the order shown; each event must be a transition of the state. */
  answers: Answer[];
}

/** Meta of an outcome (a final state). */
export interface OutcomeMeta {
  kind: 'outcome';
  /** `resolved`: the merchant can fix it now; `escalate`: someone else must act. */
  outcome: 'resolved' | 'escalate';
  /** Heading of the outcome. */
  title: string;
  /** What to do now, in order. */
  steps: string[];
  /** resolved: how to keep it from happening again. */
  prevent?: string[];
  /** escalate: whom to contact, e.g. 收單機構（給你裝機的銀行或支付公司）客服. */
  contact?: string;
  /** escalate: what to tell them, item by item. */
  tell?: string[];
}

/** Meta of any state of a flow. */
export type StepMeta = QuestionMeta | OutcomeMeta;

/** One node of a flow model: its texts, its answers' targets, whether it ends the flow. */
export interface ModelNode {
  /** The node's id, e.g. `checkingSignal` (a generated "not fixed" escalation: `{id}NotFixed`). */
  id: string;
  meta: StepMeta;
  /** Event → id of the node it leads to (empty at an escalation). */
  on: Record<string, string>;
  /** An end of the flow (an escalation; a resolved outcome still waits for "did it fix it?"). */
  final: boolean;
  /** For authors and tests (not in the files the browser loads). */
  description?: string;
}

/**
 * A flow as plain, JSON-serialisable data: what the catalogue (catalogue.ts) makes of a checked flow
 * file, with every shared text resolved and the "not fixed" escalations generated. The browser
 * loads it as a JSON file (one per flow and script); print sheets, the no-JavaScript view, search
 * data and tests read it; XState machines are compiled from it where a flow runs.
 */
export interface FlowModel {
  /** The flow's id: its file name in src/content/flows/, e.g. `network`. */
  id: string;
  /** Title of the troubleshooter, e.g. 網絡故障排查. */
  title: string;
  /** One or two sentences: when to use it. */
  intro: string;
  /** Position among the flows in lists (smaller first). */
  order: number;
  /** Id of the node the flow starts at. */
  start: string;
  /** Every node, in the order the file lists them (each generated escalation after its outcome). */
  nodes: ModelNode[];
}

/** A compiled flow: its machine plus the texts that introduce it (zh-Hant). */
export interface Flow {
  /** The flow's id: its file name in src/content/flows/, e.g. `network`. */
  name: string;
  /** Title of the troubleshooter, e.g. 網絡故障排查. */
  title: string;
  /** One or two sentences: when to use it. */
  intro: string;
  /** Position among the flows in lists (smaller first). */
  order: number;
  /** The XState machine (pure: no invoke, after or network). */
  machine: import('xstate').AnyStateMachine;
  /** The model the machine was compiled from. */
  model: FlowModel;
}
