/**
 * Draws one laid-out chart (layout.ts) as SVG: every question a square box, every outcome a
 * rounded one (escalations with a thick line, resolved outcomes dashed), every reference to
 * another section a box with a double edge, every answer a labelled arrow. The SVG's width and
 * height are in millimetres, so the chart prints at the size its layout chose.
 */
import type { Laid } from './layout';
import { boxLines, font, labelLineHeight, lineHeight } from './layout';
import type { ChartGraph } from './sections';

/** A coordinate rounded to a whole unit. */
const px = (n: number) => Math.round(n);

export const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SVG of `chart`, laid out as `laid`; `id` makes its arrow marker's id unique in the page. */
export function drawChart(chart: ChartGraph, laid: Laid, id: string, title: string): string {
  const graph = laid.graph;
  const byId = new Map(chart.boxes.map((b) => [b.id, b]));
  const width = Math.ceil(graph.width ?? 0);
  const height = Math.ceil(graph.height ?? 0);
  // Every page that prints a chart is precached for offline use, so the markup is kept lean:
  // whole-unit coordinates and the shared stroke and font attributes set once on a group.
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
      (label.text ?? '').split('\n').forEach((line, i) => {
        const y = px((label.y ?? 0) + font - 1 + i * labelLineHeight);
        labels.push(`<text x="${px(label.x ?? 0)}" y="${y}">${escape(line)}</text>`);
      });
    }
  }
  const nodes: string[] = [];
  for (const node of graph.children ?? []) {
    const box = byId.get(node.id)!;
    const x = px(node.x ?? 0);
    const y = px(node.y ?? 0);
    const w = px(node.width ?? 0);
    const h = px(node.height ?? 0);
    const outcome = box.kind === 'resolved' || box.kind === 'escalate';
    const stroke = box.kind === 'escalate' ? '2.5' : '1.2';
    const dash = box.kind === 'resolved' ? ' stroke-dasharray="5 2"' : '';
    const attrs = box.node ? ` data-node="${escape(box.node)}"` : '';
    nodes.push(`<g${attrs} data-kind="${box.kind}">`);
    nodes.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${outcome ? 10 : 2}" fill="#fff" stroke="#000" stroke-width="${stroke}"${dash}/>`,
    );
    if (box.kind === 'ref')
      nodes.push(`<rect x="${x + 3}" y="${y + 3}" width="${w - 6}" height="${h - 6}" fill="none" stroke="#000"/>`);
    boxLines(box).forEach((line, i) => {
      nodes.push(`<text x="${x + 8}" y="${y + 18 + i * lineHeight}">${escape(line)}</text>`);
    });
    nodes.push('</g>');
  }
  const mm = (n: number) => `${n.toFixed(1)}mm`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${mm(laid.widthMm)}" height="${mm(laid.heightMm)}" role="img" aria-label="${escape(title)}" font-family="sans-serif" font-size="${font}">`,
    `<defs><marker id="arrow-${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker></defs>`,
    `<g fill="none" stroke="#000" stroke-width="1" marker-end="url(#arrow-${id})">${arrows.join('')}</g>`,
    `<g>${labels.join('')}</g>`,
    `<g>${nodes.join('')}</g>`,
    '</svg>',
  ].join('');
}
