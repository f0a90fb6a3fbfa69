import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { isOutcome, printedStates, readStates } from '../../machines/model';
import type { FlowModel } from '../../machines/types';

/** Characters per line in a box, and the font size of the chart (CSS px in the SVG). */
const perLine = 11;
const font = 11;
const lineHeight = 15;
/** The chart's area on the A4 sheet, in CSS px (180 mm × 120 mm; see the print styles). */
export const chartBox = { width: 680, height: 453 };

/** Punctuation a line in a box may end after. */
const breakAfter = /[、，。：；！？）」』]/u;

/**
 * Splits text into lines of at most `n` characters, at most five (the fifth ends in … when
 * text is left). CJK text has no spaces to break at: a line ends after a punctuation mark among
 * its last four characters when there is one, so that a word is not split between two lines.
 */
export function wrap(text: string, n = perLine): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length;) {
    let end = Math.min(i + n, chars.length);
    if (end < chars.length) {
      const last = chars.slice(end - 4, end).findLastIndex((c) => breakAfter.test(c));
      if (last >= 0) end = end - 4 + last + 1;
    }
    lines.push(chars.slice(i, end).join(''));
    i = end;
  }
  return lines
    .slice(0, 5)
    .map((line, i) => (i === 4 && lines.length > 5 ? `${[...line].slice(0, -1).join('')}…` : line));
}

/** A coordinate rounded to a whole pixel. */
const px = (n: number) => Math.round(n);

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const drawn = new Map<string, Promise<string>>();

/**
 * Draws a flow as an SVG flowchart laid out by ELK (layered, top to bottom or left to right):
 * every state a labelled box (questions square, outcomes rounded), every answer a labelled arrow.
 * Drawn once per build: the sheet and the booklet, in both scripts, share it (the zh-Hans page is
 * converted afterwards).
 */
export function flowchartSvg(model: FlowModel): Promise<string> {
  const key = `${model.id}\n${model.title}`;
  if (!drawn.has(key)) drawn.set(key, draw(model, model.title));
  return drawn.get(key)!;
}

async function draw(model: FlowModel, title: string): Promise<string> {
  // The escalations generated for "not fixed" (one per resolved outcome) would only crowd the chart.
  const states = printedStates(readStates(model));
  const children = states.map((s) => {
    const text = isOutcome(s.meta) ? s.meta.title : s.meta.question;
    const lines = wrap(text);
    return {
      id: s.id,
      width: perLine * font + 16,
      height: lines.length * lineHeight + 14,
      lines,
      outcome: isOutcome(s.meta) ? s.meta.outcome : undefined,
    };
  });
  const edges: ElkExtendedEdge[] = states.flatMap((s) =>
    s.meta.kind === 'question'
      ? s.meta.answers.map((a, i) => {
          const label = [...a.label].length > 8 ? `${[...a.label].slice(0, 7).join('')}…` : a.label;
          return {
            id: `${s.id}-${i}`,
            sources: [s.id],
            targets: [s.on[a.event]!],
            labels: [{ text: label, width: [...label].length * 10 + 4, height: 12 }],
          };
        })
      : [],
  );
  const elk = new ELK();
  const layout = (direction: 'DOWN' | 'RIGHT'): Promise<ElkNode> =>
    elk.layout({
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': direction,
        'elk.spacing.nodeNode': '18',
        'elk.layered.spacing.nodeNodeBetweenLayers': '30',
        'elk.spacing.edgeLabel': '2',
        'elk.edgeLabels.inline': 'false',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      },
      children: children.map(({ id, width, height }) => ({ id, width, height })),
      edges: structuredClone(edges),
    });
  // Top to bottom reads best, but a flow that fans out wide would print tiny: lay it out both
  // ways and keep the one whose text comes out larger in the sheet's chart area.
  const [down, right] = await Promise.all([layout('DOWN'), layout('RIGHT')]);
  const scale = (g: ElkNode) => Math.min(chartBox.width / (g.width ?? 1), chartBox.height / (g.height ?? 1), 1);
  const graph = scale(right) > scale(down) * 1.15 ? right : down;
  const byId = new Map(children.map((c) => [c.id, c]));
  const width = Math.ceil(graph.width ?? 0);
  const height = Math.ceil(graph.height ?? 0);
  // Every page that prints a chart is precached for offline use, so the markup is kept lean:
  // whole-pixel coordinates (the chart prints smaller than it is drawn) and the shared
  // stroke and font attributes set once on a group rather than on each element.
  const arrows: string[] = [];
  const labels: string[] = [];
  for (const edge of graph.edges ?? []) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
        .map((p) => `${px(p.x)},${px(p.y)}`)
        .join(' ');
      arrows.push(`<polyline points="${points}"/>`);
    }
    for (const label of edge.labels ?? []) {
      labels.push(`<text x="${px(label.x ?? 0)}" y="${px((label.y ?? 0) + 10)}">${escape(label.text ?? '')}</text>`);
    }
  }
  const nodes: string[] = [];
  for (const node of graph.children ?? []) {
    const info = byId.get(node.id)!;
    const x = px(node.x ?? 0);
    const y = px(node.y ?? 0);
    const rx = info.outcome ? 10 : 2;
    const stroke = info.outcome === 'escalate' ? '2.5' : '1.2';
    const dash = info.outcome === 'resolved' ? ' stroke-dasharray="5 2"' : '';
    nodes.push(`<g data-node="${escape(node.id)}" data-kind="${info.outcome ?? 'question'}">`);
    nodes.push(
      `<rect x="${x}" y="${y}" width="${px(node.width ?? 0)}" height="${px(node.height ?? 0)}" rx="${rx}" fill="#fff" stroke="#000" stroke-width="${stroke}"${dash}/>`,
    );
    info.lines.forEach((line, i) => {
      nodes.push(`<text x="${x + 8}" y="${y + 18 + i * lineHeight}">${escape(line)}</text>`);
    });
    nodes.push('</g>');
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}" font-family="sans-serif">`,
    `<defs><marker id="arrow-${model.id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker></defs>`,
    `<g fill="none" stroke="#000" stroke-width="1" marker-end="url(#arrow-${model.id})">${arrows.join('')}</g>`,
    `<g font-size="10">${labels.join('')}</g>`,
    `<g font-size="${font}">${nodes.join('')}</g>`,
    '</svg>',
  ].join('');
}
