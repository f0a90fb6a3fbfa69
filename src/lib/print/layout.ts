/**
 * Lays out one chart (sections.ts `ChartGraph`) with ELK's layered algorithm and works out how
 * large it prints: every text in the chart has the same size in the SVG (`font` units), and the
 * chart prints at the size that sets that text between MIN_PT and MAX_PT on paper.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { ChartBox, ChartGraph } from './sections';

/** Font size of every text in a chart, in SVG units; a line's height in a box and on an arrow. */
export const font = 11;
export const lineHeight = 15;
export const labelLineHeight = 13;
/** Characters per line in a box, and on an arrow (an answer's label: at most two lines). */
export const perLine = 9;
export const perLabelLine = 6;
/**
 * The smallest size a chart's text prints at, in points: a quarter point above the 6 pt a
 * technician can still read, so that rounding never takes it below; and the largest.
 */
export const MIN_PT = 6.25;
export const MAX_PT = 8;
/** Millimetres per point. */
const MM_PER_PT = 25.4 / 72;

/** Punctuation a line in a box may end after, and punctuation no line may start with. */
const breakAfter = /[、，。：；！？）」』]/u;
const noStart = /[、，。：；！？）」』…]/u;

/**
 * Splits text into lines of at most `n` characters, at most `max` (the last ends in … when text
 * is left). CJK text has no spaces to break at: a line ends after a punctuation mark among its
 * last four characters when there is one, so that a word is not split between two lines.
 */
export function wrap(text: string, n = perLine, max = 5): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length;) {
    let end = Math.min(i + n, chars.length);
    if (end < chars.length) {
      const last = chars.slice(end - 4, end).findLastIndex((c) => breakAfter.test(c));
      if (last >= 0) end = end - 4 + last + 1;
      // A closing mark stays on the line it closes (one character over the width).
      else if (noStart.test(chars[end]!)) end += 1;
    }
    lines.push(chars.slice(i, end).join(''));
    i = end;
  }
  return lines
    .slice(0, max)
    .map((line, i) => (i === max - 1 && lines.length > max ? `${[...line].slice(0, -1).join('')}…` : line));
}

/** An answer's label on its arrow, as lines. */
export const labelLines = (label: string): string[] => wrap(label, perLabelLine, 2);

/** The lines a box shows (a reference box, which only says where the path goes on, at most three). */
export const boxLines = (box: ChartBox): string[] => wrap(box.text, perLine, box.kind === 'ref' ? 3 : 6);

/** A chart laid out: ELK's graph (positions in SVG units) and the size it prints at. */
export interface Laid {
  graph: ElkNode;
  /** The size its text prints at, in points (MIN_PT to MAX_PT). */
  pt: number;
  /** Its printed size, in millimetres. */
  widthMm: number;
  heightMm: number;
}

/** The area a chart may take on paper, in millimetres. */
export interface Area {
  width: number;
  height: number;
}

const elk = new ELK();

type Candidate = { direction: 'DOWN' | 'RIGHT'; placement: 'BRANDES_KOEPF' | 'NETWORK_SIMPLEX' };

/** ELK's layered layout of `graph` (positions in SVG units). */
export function layoutGraph(
  graph: ChartGraph,
  { direction, placement }: Candidate = { direction: 'DOWN', placement: 'BRANDES_KOEPF' },
): Promise<ElkNode> {
  return elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '14',
      'elk.layered.spacing.nodeNodeBetweenLayers': '26',
      'elk.spacing.edgeLabel': '2',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.nodePlacement.strategy': placement,
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.boxes.map((box) => ({
      id: box.id,
      width: perLine * font + 16,
      height: boxLines(box).length * lineHeight + 14,
    })),
    edges: graph.edges.map((e, i) => {
      const lines = labelLines(e.label);
      return {
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        labels: [
          {
            text: lines.join('\n'),
            width: Math.max(...lines.map((l) => [...l].length)) * font + 4,
            height: lines.length * labelLineHeight,
          },
        ],
      };
    }),
  });
}

/** Millimetres per SVG unit when the text prints at `pt`. */
const mmPerUnit = (pt: number) => (pt * MM_PER_PT) / font;

/** The largest text size (points, at most MAX_PT) at which `g` fits `area`. */
function fitPt(g: ElkNode, area: Area): number {
  const pt = Math.min(
    area.width / (Math.ceil(g.width ?? 1) * mmPerUnit(1)),
    area.height / (Math.ceil(g.height ?? 1) * mmPerUnit(1)),
  );
  return Math.min(pt, MAX_PT);
}

const laidAt = (graph: ElkNode, pt: number): Laid => ({
  graph,
  pt,
  widthMm: Math.ceil(graph.width ?? 0) * mmPerUnit(pt),
  heightMm: Math.ceil(graph.height ?? 0) * mmPerUnit(pt),
});

/**
 * Lays `graph` out to fit `area`, top to bottom and left to right (and top to bottom with a
 * placement that is often narrower, when neither fits). `large`: the layout whose text prints
 * largest (up to MAX_PT; top to bottom on a near tie, as it reads best). A number: text at MIN_PT,
 * the shortest layout at most that many millimetres wide (one column of the page), else the
 * shortest of all. Undefined when no layout fits `area` at MIN_PT.
 */
export async function layOut(graph: ChartGraph, area: Area, prefer: 'large' | number): Promise<Laid | undefined> {
  const narrow = typeof prefer === 'number' ? prefer : Infinity;
  const candidates: Candidate[] = [
    { direction: 'DOWN', placement: 'BRANDES_KOEPF' },
    { direction: 'RIGHT', placement: 'BRANDES_KOEPF' },
  ];
  const laid = await Promise.all(candidates.map((c) => layoutGraph(graph, c)));
  const fits = (g: ElkNode, width = area.width) => fitPt(g, { ...area, width }) >= MIN_PT;
  if (!laid.some((g) => fits(g, Math.min(narrow, area.width))))
    laid.push(await layoutGraph(graph, { direction: 'DOWN', placement: 'NETWORK_SIMPLEX' }));
  const fitting = laid.filter((g) => fits(g));
  if (!fitting.length) return undefined;
  if (prefer === 'large') {
    const best = fitting.reduce((a, b) => (fitPt(b, area) > fitPt(a, area) + 0.25 ? b : a));
    return laidAt(best, Math.floor(fitPt(best, area) * 4) / 4);
  }
  const pool = fitting.some((g) => fits(g, narrow)) ? fitting.filter((g) => fits(g, narrow)) : fitting;
  return laidAt(
    pool.reduce((a, b) => ((b.height ?? 0) < (a.height ?? 0) ? b : a)),
    MIN_PT,
  );
}
