import { describe, expect, it, vi } from 'vitest';
import type { FlowModel, ModelNode } from '../../src/machines/types';

/** The number of boxes of every graph ELK is asked to lay out. */
const laidOut: number[] = vi.hoisted(() => []);
vi.mock('elkjs/lib/elk.bundled.js', async (original) => {
  const { default: ELK } = await original<typeof import('elkjs/lib/elk.bundled.js')>();
  class CountingELK extends ELK {
    override layout: InstanceType<typeof ELK>['layout'] = (graph, args) => {
      laidOut.push(graph.children?.length ?? 0);
      return super.layout(graph, args);
    };
  }
  return { default: CountingELK };
});

const { sheetCharts, cardsOf, page } = await import('../../src/lib/print/flowchart');
const { MAX_CHART_BOXES, splitByFirstQuestion } = await import('../../src/lib/print/sections');

const question = (id: string, answers: [string, string, string][]): ModelNode => ({
  id,
  meta: {
    kind: 'question',
    question: `${id}：這一步要檢查的事情做完了嗎？`,
    answers: answers.map(([event, label]) => ({ event, label })),
  },
  on: Object.fromEntries(answers.map(([event, , to]) => [event, to])),
  final: false,
});
const escalate = (id: string): ModelNode => ({
  id,
  meta: { kind: 'outcome', outcome: 'escalate', title: `${id}：請聯繫服務商`, steps: ['停用。'] },
  on: {},
  final: true,
});
const resolved = (id: string): ModelNode[] => [
  {
    id,
    meta: { kind: 'outcome', outcome: 'resolved', title: `${id}：好了`, steps: ['繼續用。'] },
    on: { NOT_FIXED: `${id}NotFixed` },
    final: false,
  },
  escalate(`${id}NotFixed`),
];

/** A chain of `n` questions under `prefix`: each either goes on or escalates; the last resolves. */
function chain(prefix: string, n: number): ModelNode[] {
  return Array.from({ length: n }, (_, i) => {
    const next = i + 1 < n ? `${prefix}q${i + 1}` : `${prefix}done`;
    return [
      question(`${prefix}q${i}`, [
        ['YES', '做完了，還是不行', next],
        ['NO', '做不了', `${prefix}e${i}`],
      ]),
      escalate(`${prefix}e${i}`),
    ];
  })
    .flat()
    .concat(resolved(`${prefix}done`));
}

/** A flow whose first question has one answer per branch, branch `i` a chain of `sizes[i]` questions. */
function flow(id: string, sizes: number[]): FlowModel {
  const start = question(
    'start',
    sizes.map((_, i) => [`B${i}`, `第 ${i} 種問題`, `b${i}q0`]),
  );
  return {
    id,
    title: `測試流程 ${id}`,
    intro: '測試用。',
    order: 1,
    start: 'start',
    nodes: [start, ...sizes.flatMap((n, i) => chain(`b${i}`, n))],
  };
}

describe('printed flowcharts', () => {
  it('draw a small flow as one chart, its text between 6.25 and 8 pt', async () => {
    const charts = await sheetCharts(flow('small', [2, 1]));
    expect(charts.kind).toBe('whole');
    if (charts.kind !== 'whole') return;
    expect(charts.pt).toBeGreaterThanOrEqual(6.25);
    expect(charts.pt).toBeLessThanOrEqual(8);
    // Every state but the generated "not fixed" escalations is a box.
    const drawn = [...charts.svg.matchAll(/data-node="([^"]+)"/g)].map((m) => m[1]);
    expect(drawn).toHaveLength(1 + 2 * 2 + 1 + 2 * 1 + 1);
    expect(drawn.some((id) => id!.endsWith('NotFixed'))).toBe(false);
  });

  it('split a big flow into one section per answer of its first question, each owning its questions once', () => {
    const model = flow('split', [3, 4]);
    // A path from branch 1 into branch 0's second question, and one back to the start.
    model.nodes.find((n) => n.id === 'b1q2')!.on.NO = 'b0q1';
    model.nodes.find((n) => n.id === 'b1q3')!.on.NO = 'start';
    const split = splitByFirstQuestion(model)!;
    expect(split.sections.map((s) => s.root)).toEqual(['b0q0', 'b1q0']);
    const owned = split.sections.map((s) => s.graph.boxes.filter((b) => b.kind === 'question').map((b) => b.node));
    expect(owned).toEqual([
      ['b0q0', 'b0q1', 'b0q2'],
      ['b1q0', 'b1q1', 'b1q2', 'b1q3'],
    ]);
    const refs = split.sections[1]!.graph.boxes.filter((b) => b.kind === 'ref').map((b) => b.text);
    expect(refs).toEqual([expect.stringMatching(/^見第 1 段：b0q1/), '回到第一題']);
    // Every edge ends at a box of its own chart.
    for (const s of split.sections) {
      const ids = new Set(s.graph.boxes.map((b) => b.id));
      for (const e of s.graph.edges) expect(ids.has(e.to) && ids.has(e.from)).toBe(true);
    }
  });

  it('lay out no graph above the size limit: a big section gets a note pointing to the steps, not a chart', async () => {
    laidOut.length = 0;
    // 107 nodes (a flow file may have 150); the third section has 61 boxes.
    const model = flow('big', [6, 8, 30, 5]);
    expect(model.nodes.length).toBeLessThanOrEqual(150);
    const charts = await sheetCharts(model);
    expect(charts.kind).toBe('sections');
    if (charts.kind !== 'sections') return;
    // Cards may move up to fill a page; each section has one.
    const cards = charts.pages
      .flat()
      .flatMap(cardsOf)
      .sort((a, b) => a.section - b.section);
    expect(cards.map((c) => c.section)).toEqual([1, 2, 3, 4]);
    expect(cards.map((c) => Boolean(c.svg))).toEqual([true, true, false, true]);
    // The note names the step the section starts at (the checklist numbers questions breadth first).
    expect(cards[2]!.note).toContain('第 4 項');
    expect(cards.every((c) => c.heading.startsWith(`第 ${c.section} 段：第一題答「`))).toBe(true);
    expect(charts.pt).toBeGreaterThanOrEqual(6.25);
    expect(Math.max(...laidOut)).toBeLessThanOrEqual(MAX_CHART_BOXES);
    expect(laidOut.length).toBeGreaterThan(0);
  }, 60_000);

  it('put a huge section nowhere near the layout, and plan the pages of many sections', async () => {
    laidOut.length = 0;
    const model = flow('huge', [600, ...Array.from({ length: 11 }, () => 6)]);
    const started = Date.now();
    const charts = await sheetCharts(model);
    expect(Date.now() - started).toBeLessThan(60_000);
    if (charts.kind !== 'sections') throw new Error(`expected sections, got ${charts.kind}`);
    const cards = charts.pages.flat().flatMap(cardsOf);
    expect(cards).toHaveLength(12);
    expect(cards[0]!.svg).toBeUndefined();
    expect(Math.max(...laidOut)).toBeLessThanOrEqual(MAX_CHART_BOXES);
    // Twelve sections take several pages; the overview says on which page each section is.
    expect(charts.pages.length).toBeGreaterThan(1);
    charts.pages.forEach((bands, i) => {
      for (const card of bands.flatMap(cardsOf)) {
        expect(charts.entries.find((e) => e.section === card.section)?.page).toBe(i + 1);
        expect(card.heightMm).toBeLessThan(page.height);
      }
    });
  }, 120_000);
});
