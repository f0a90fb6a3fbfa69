/**
 * From a checked flow file to its model (types.ts `FlowModel`): each node's texts with every
 * `{ shared: id }` resolved, its answers' targets, and the escalation generated for each resolved
 * outcome that did not fix the problem. Imports no zod: the checks (check.ts) use it too.
 */
import { DEFAULT_NOT_FIXED, DEFAULT_ORDER, NOT_FIXED, STEP_EVENT, notFixedId } from './constants.ts';
import type { FlowFile, FlowFileInput, FlowNode, SharedTexts } from './schema.ts';
import type { Answer, FlowModel, ModelNode, StepMeta } from './types.ts';

type Text = string | { shared: string };

/** Resolves `contact`: a text, or a shared entry's contact (which may name another entry). */
export function resolveContact(value: Text, shared: SharedTexts, seen: ReadonlySet<string> = new Set()): string {
  if (typeof value === 'string') return value;
  const next = Object.hasOwn(shared, value.shared) ? shared[value.shared]!.contact : undefined;
  return next === undefined || seen.has(value.shared)
    ? ''
    : resolveContact(next, shared, new Set([...seen, value.shared]));
}

/** Resolves `tell`: texts, with each `{ shared: id }` replaced by that entry's list. */
export function resolveTell(items: Text[], shared: SharedTexts, seen: ReadonlySet<string> = new Set()): string[] {
  return items.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : seen.has(item.shared) || !Object.hasOwn(shared, item.shared)
        ? []
        : resolveTell(shared[item.shared]!.tell ?? [], shared, new Set([...seen, item.shared])),
  );
}

/** The answers of a node, in order, with their targets (none for an outcome). */
export function answersOf(node: FlowNode): { event: string; label: string; next: string }[] {
  if (node.kind === 'question') return Object.entries(node.answers).map(([event, a]) => ({ event, ...a }));
  if (node.kind === 'step') return [{ event: STEP_EVENT, ...node.done }];
  return [];
}

/** The meta (texts) of one node, as the widget, the no-JS view and the print sheet read it. */
export function metaOf(node: FlowNode, shared: SharedTexts): StepMeta {
  if (node.kind === 'outcome') {
    const meta: StepMeta = { kind: 'outcome', outcome: node.outcome, title: node.title, steps: node.steps };
    if (node.prevent) meta.prevent = node.prevent;
    if (node.contact) meta.contact = resolveContact(node.contact, shared);
    if (node.tell) meta.tell = resolveTell(node.tell, shared);
    return meta;
  }
  const answers: Answer[] = answersOf(node).map(({ event, label }) => ({ event, label }));
  const question = node.kind === 'question' ? node.question : node.title;
  return {
    kind: 'question',
    question,
    ...(node.steps ? { steps: node.steps } : {}),
    ...(node.note ? { note: node.note } : {}),
    answers,
  };
}

/**
 * An outcome's steps as one clause for a sentence: each without its closing punctuation, joined
 * with 「；」 (so a text reads 「（重新開機；檢查網線）」, never 「。；」 or 「。）」).
 */
export const stepsClause = (steps: readonly string[]): string =>
  steps.map((s) => s.replace(/[。．.！!？?；;，,、\s]+$/u, '')).join('；');

/**
 * The escalation generated for a resolved outcome that did not fix the problem, worded by the
 * `_shared.yaml` entry the flow names in `notFixed:` (the checks make sure it has a title, steps,
 * contact and tell): in one pass, `{outcome}` becomes the outcome's title and `{steps}` its steps,
 * so a placeholder inside the outcome's own texts is left as written.
 */
export function notFixedMeta(
  node: Extract<FlowNode, { kind: 'outcome' }>,
  entry: SharedTexts[string] | undefined,
  shared: SharedTexts,
): StepMeta {
  const values: Record<string, string> = { outcome: node.title, steps: stepsClause(node.steps) };
  const fill = (t: string) => t.replace(/\{(outcome|steps)\}/g, (_, key: string) => values[key]!);
  return {
    kind: 'outcome',
    outcome: 'escalate',
    title: fill(entry?.title ?? node.title),
    steps: (entry?.steps ?? []).map(fill),
    contact: entry?.contact ? resolveContact(entry.contact, shared) : '',
    tell: resolveTell(entry?.tell ?? [], shared).map(fill),
  };
}

/** The model of a checked flow file (`id` is its file name): one node per node, plus the escalations. */
export function modelOf(id: string, file: FlowFile | FlowFileInput, shared: SharedTexts): FlowModel {
  const notFixedEntry = file.notFixed ?? DEFAULT_NOT_FIXED;
  const entry = Object.hasOwn(shared, notFixedEntry) ? shared[notFixedEntry] : undefined;
  const nodes = Object.entries(file.nodes).flatMap(([nodeId, node]): ModelNode[] => {
    const base = {
      id: nodeId,
      meta: metaOf(node, shared),
      ...(node.description ? { description: node.description } : {}),
    };
    if (node.kind === 'outcome' && node.outcome === 'resolved') {
      // A resolved outcome waits for "did this fix it?": NOT_FIXED leads to its own escalation.
      const escalation: ModelNode = {
        id: notFixedId(nodeId),
        meta: notFixedMeta(node, entry, shared),
        on: {},
        final: true,
        description: `Generated: ${nodeId} did not fix the problem.`,
      };
      return [{ ...base, on: { [NOT_FIXED]: escalation.id }, final: false }, escalation];
    }
    if (node.kind === 'outcome') return [{ ...base, on: {}, final: true }];
    return [{ ...base, on: Object.fromEntries(answersOf(node).map((a) => [a.event, a.next])), final: false }];
  });
  return { id, title: file.title, intro: file.intro, order: file.order ?? DEFAULT_ORDER, start: file.start, nodes };
}
