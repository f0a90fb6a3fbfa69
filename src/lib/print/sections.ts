/**
 * What a printed flowchart shows, before any layout: the whole flow as one graph, or, for a flow
 * too big to print legibly in one chart, one section per answer of its first question. Pure and
 * cheap (no layout library): flowchart.ts decides which to draw, and never lays out a graph of
 * more than MAX_CHART_BOXES boxes.
 */
import { isOutcome, orderStates, printedStates, type FlowState } from '../../machines/model';
import type { FlowModel } from '../../machines/types';
import { t } from '../../i18n/ui';

/**
 * The most boxes one printed chart may have. A section above it is not laid out at all (its chart
 * gives way to a note pointing to the numbered steps): this bounds the layout's time and memory,
 * whatever size of flow the flow checks let through (MAX_NODES in src/machines/constants.ts).
 */
export const MAX_CHART_BOXES = 40;

/** One box of a chart: a node of the flow, or a reference to another section. */
export interface ChartBox {
  /** Unique within its chart. */
  id: string;
  /** The flow node it draws (none for a reference). */
  node?: string;
  kind: 'question' | 'resolved' | 'escalate' | 'ref';
  /** Its text: the question, the outcome's title, or where the path goes on. */
  text: string;
}

/** One arrow: an answer from a question to the box it leads to. */
export interface ChartEdge {
  from: string;
  to: string;
  /** The answer's label. */
  label: string;
}

/** A chart before layout. */
export interface ChartGraph {
  boxes: ChartBox[];
  edges: ChartEdge[];
}

/** One section of a split flow: what follows one (or more) answers of the first question. */
export interface Section {
  /** Its number, from 1, as the headings and references print it. */
  number: number;
  /** The labels of the first question's answers that lead here. */
  answers: string[];
  /** Id of the node it starts at (a question). */
  root: string;
  graph: ChartGraph;
}

/** Where one answer of the first question leads: a section, or straight to an outcome. */
export interface Entry {
  label: string;
  /** The section's number, when the answer leads to a question. */
  section?: number;
  /** The outcome it leads to directly (drawn in no section). */
  outcome?: FlowState;
}

/** A flow split by the answers of its first question. */
export interface Split {
  start: FlowState;
  entries: Entry[];
  sections: Section[];
}

const boxOf = (s: FlowState): ChartBox =>
  isOutcome(s.meta)
    ? { id: s.id, node: s.id, kind: s.meta.outcome, text: s.meta.title }
    : { id: s.id, node: s.id, kind: 'question', text: s.meta.question };

/** A reference box's text: the section a path goes on in, and the question it goes on at. */
const refText = (section: number, to: FlowState) =>
  t('print.chart.ref', { section, question: isOutcome(to.meta) ? to.meta.title : to.meta.question });

/** The answers of a node with their targets (none for an outcome). */
const answersOf = (s: FlowState) =>
  s.meta.kind === 'question' ? s.meta.answers.map((a) => ({ label: a.label, to: s.on[a.event]! })) : [];

/** The states a printed chart shows, in reading order (the generated "not fixed" escalations left out). */
export const chartStates = (model: FlowModel): FlowState[] => printedStates(orderStates(model));

/** The whole flow as one graph: every printed state a box, every answer an arrow. */
export function wholeGraph(model: FlowModel): ChartGraph {
  const states = chartStates(model);
  const shown = new Set(states.map((s) => s.id));
  return {
    boxes: states.map(boxOf),
    edges: states.flatMap((s) =>
      answersOf(s)
        .filter((a) => shown.has(a.to))
        .map((a) => ({ from: s.id, to: a.to, label: a.label })),
    ),
  };
}

/**
 * Splits a flow by its first question's answers. Each question belongs to one section: a section
 * starts at the question an answer leads to and takes every question it reaches that no earlier
 * section (and no other section's start) has taken. Outcomes are drawn in every section that
 * reaches them; a path into another section, or back to the first question, ends in a reference
 * box naming where it goes on. Returns undefined when the first question is not a question.
 */
export function splitByFirstQuestion(model: FlowModel): Split | undefined {
  const states = chartStates(model);
  const byId = new Map(states.map((s) => [s.id, s]));
  const start = byId.get(model.start);
  if (!start || start.meta.kind !== 'question') return undefined;
  const owner = new Map<string, number>();
  const sections: Section[] = [];
  const entries: Entry[] = answersOf(start).map(({ label, to }) => {
    const target = byId.get(to);
    if (!target || to === start.id || isOutcome(target.meta)) return { label, outcome: target };
    const known = owner.get(to);
    if (known !== undefined) {
      sections[known - 1]!.answers.push(label);
      return { label, section: known };
    }
    const number = sections.length + 1;
    owner.set(to, number);
    sections.push({ number, answers: [label], root: to, graph: { boxes: [], edges: [] } });
    return { label, section: number };
  });
  // Each section takes the questions it reaches first, breadth first from its start.
  for (const section of sections) {
    const queue = [section.root];
    const mine: FlowState[] = [];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const state = byId.get(id)!;
      mine.push(state);
      for (const { to } of answersOf(state)) {
        const next = byId.get(to);
        if (!next || to === start.id || isOutcome(next.meta) || owner.has(to)) continue;
        owner.set(to, section.number);
        queue.push(to);
      }
    }
    const boxes = new Map(mine.map((s) => [s.id, boxOf(s)]));
    const edges: ChartEdge[] = [];
    for (const state of mine) {
      for (const { label, to } of answersOf(state)) {
        const next = byId.get(to);
        if (!next) continue;
        let box = to;
        if (to === start.id) {
          box = `ref-${to}`;
          boxes.set(box, { id: box, kind: 'ref', text: t('print.chart.toStart') });
        } else if (isOutcome(next.meta)) {
          if (!boxes.has(to)) boxes.set(to, boxOf(next));
        } else if (owner.get(to) !== section.number) {
          box = `ref-${to}`;
          boxes.set(box, { id: box, kind: 'ref', text: refText(owner.get(to)!, next) });
        }
        edges.push({ from: state.id, to: box, label });
      }
    }
    section.graph = { boxes: [...boxes.values()], edges };
  }
  return { start, entries, sections };
}
