/**
 * The troubleshooter's state, without a DOM: a flow plus the answers given (the events sent)
 * become a view model. A real XState actor runs the flow's machine; the current node and its
 * texts are read from the actor's snapshot (`snapshot.value`, `snapshot.getMeta()`), never from
 * the machine's config. Runs in Node as well as in the browser.
 */
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { stepsLeft } from '../../machines/model';
import type { Flow, OutcomeMeta, QuestionMeta, StepMeta } from '../../machines/types';

/** The event a resolved outcome accepts when its fix did not work (sent by "沒有解決"). */
export { NOT_FIXED } from '../../machines/constants';

/** One answered step, in the flow's own texts (zh-Hant, not yet translated). */
export interface AnsweredStep {
  /** The question (or, for an outcome left by NOT_FIXED, its title). */
  question: string;
  /** The chosen answer's label; for NOT_FIXED or an unknown label, the event itself. */
  answer: string;
  /** The event sent. */
  event: string;
}

interface ViewBase {
  flow: string;
  /** The current state's id. */
  state: string;
  /** State ids from the start to the current state. */
  path: string[];
  /** The events sent so far (what `history=hash` keeps in the URL). */
  answers: string[];
  answered: AnsweredStep[];
  /** 1-based number of the current step. */
  step: number;
  /** The most steps left to an outcome (0 at an outcome). */
  left: number;
  canGoBack: boolean;
}

/** The view model: a question to answer, or an outcome. */
export type ViewModel =
  (ViewBase & { kind: 'question'; node: QuestionMeta }) | (ViewBase & { kind: 'outcome'; node: OutcomeMeta });

/** The actor type of a compiled flow machine. */
type FlowActor = Actor<AnyStateMachine>;

/** Runs one flow: answer, back, restart, resume from a path, and the view model of where it is. */
export class FlowController {
  readonly flow: Flow;
  #actor: FlowActor;
  #events: string[] = [];
  #path: string[] = [];
  #left: Map<string, number>;

  constructor(flow: Flow) {
    this.flow = flow;
    this.#left = stepsLeft(flow.model);
    const started = this.#replay([]);
    if (!started) throw new Error(`flow "${flow.name}" does not start`);
    this.#actor = started.actor;
    this.#path = started.path;
  }

  /** Sends `events` to a fresh actor; the actor and state path, or null when one is not possible. */
  #replay(events: readonly string[]): { actor: FlowActor; path: string[] } | null {
    const actor = createActor(this.flow.machine).start();
    const path = [String(actor.getSnapshot().value)];
    for (const type of events) {
      if (!actor.getSnapshot().can({ type })) {
        actor.stop();
        return null;
      }
      actor.send({ type });
      path.push(String(actor.getSnapshot().value));
    }
    return { actor, path };
  }

  /** Moves to the state after `events` from the start; false (and nothing changes) when they lead nowhere. */
  resume(events: readonly string[]): boolean {
    const next = this.#replay(events);
    if (!next) return false;
    this.#actor.stop();
    this.#actor = next.actor;
    this.#path = next.path;
    this.#events = [...events];
    return true;
  }

  /** Sends one answer; false when the current state does not accept it. */
  answer(event: string): boolean {
    const snapshot = this.#actor.getSnapshot();
    if (!snapshot.can({ type: event })) return false;
    this.#actor.send({ type: event });
    this.#events.push(event);
    this.#path.push(String(this.#actor.getSnapshot().value));
    return true;
  }

  /** Goes back one answer; false at the start. */
  back(): boolean {
    return this.#events.length > 0 && this.resume(this.#events.slice(0, -1));
  }

  /** Starts over. */
  restart(): void {
    this.resume([]);
  }

  /** The events sent so far. */
  get answers(): string[] {
    return [...this.#events];
  }

  /** Where the flow is now. */
  get view(): ViewModel {
    const node = this.#metaOf(this.#path.at(-1)!, this.#actor.getSnapshot().getMeta());
    const state = this.#path.at(-1)!;
    const base: ViewBase = {
      flow: this.flow.name,
      state,
      path: [...this.#path],
      answers: [...this.#events],
      answered: this.#answered(),
      step: this.#events.length + 1,
      left: this.#left.get(state) ?? 0,
      canGoBack: this.#events.length > 0,
    };
    return node.kind === 'outcome' ? { ...base, kind: 'outcome', node } : { ...base, kind: 'question', node };
  }

  /** Stops the actor; the controller is not used after this. */
  stop(): void {
    this.#actor.stop();
  }

  /** The meta of state `id`: from the snapshot's meta when given, else from its state node. */
  #metaOf(id: string, meta?: Record<string, unknown>): StepMeta {
    const key = `${this.flow.machine.id}.${id}`;
    const found = (meta?.[key] ?? this.flow.machine.getStateNodeById(key).meta) as StepMeta | undefined;
    if (!found) throw new Error(`state "${id}" of flow "${this.flow.name}" has no meta`);
    return found;
  }

  #answered(): AnsweredStep[] {
    return this.#events.map((event, i) => {
      const meta = this.#metaOf(this.#path[i]!);
      const label = meta.kind === 'question' ? meta.answers.find((a) => a.event === event)?.label : undefined;
      return { question: meta.kind === 'question' ? meta.question : meta.title, answer: label ?? event, event };
    });
  }
}
