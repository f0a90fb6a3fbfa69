/**
 * The flowcharts of a flow's A4 procedure sheet. A flow that prints legibly as one chart (text of
 * at least MIN_PT in the chart area) gets one; a bigger one gets one chart per section, a section
 * being what follows an answer of its first question (sections.ts). The sections are packed in
 * rows and pages at build time, from their printed sizes, so the sheet can say on which page each
 * one is. A section of more than MAX_CHART_BOXES boxes, or one that cannot print legibly on a
 * page, is not drawn: a note points to the numbered steps instead. Laid out once per build and
 * flow (the sheet and the booklet, in both scripts, share it; zh-Hans pages are converted after).
 */
import { t } from '../../i18n/ui';
import { isOutcome, type FlowState } from '../../machines/model';
import type { FlowModel } from '../../machines/types';
import { drawChart } from './draw';
import { layOut, type Area } from './layout';
import { chartStates, MAX_CHART_BOXES, splitByFirstQuestion, wholeGraph, type Split } from './sections';

/** The A4 sheet's printable area (210 × 297 mm less the 12 mm margins of the print styles). */
export const page = { width: 186, height: 273 };
/** The area one chart of the whole flow may take on the first page, under the sheet's header. */
export const wholeArea: Area = { width: page.width, height: 150 };
/** Room kept free on each page for what the estimates below may miss, in millimetres. */
const slack = 12;
/** What comes before the charts on the first page: the header (title, when to use, QR code) and the heading. */
const firstPageHead = 62;
/** Printed sizes of the sheet's text, in millimetres: a CJK character of a caption, a caption line, a line of the overview. */
const captionChar = 3.2;
const captionLine = 4.2;
const overviewLine = 3.9;
/** Gap between the two columns of charts, and below each chart; a column's width; the narrowest card. */
const gap = 6;
const rowGap = 3;
export const column = (page.width - gap) / 2;
const minCard = 50;

/** One chart of a split flow (or its note, when it is left out), with its caption. */
export interface ChartCard {
  section: number;
  heading: string;
  /** The chart; none when it is left out. */
  svg?: string;
  /** Why it is left out, and where to read on. */
  note?: string;
  /** Its printed size, in millimetres (the card's, with caption). */
  widthMm: number;
  heightMm: number;
}

/** A band of a page of charts: one chart as wide as the page, or two columns of narrower ones. */
export type Band = { wide: ChartCard } | { columns: [ChartCard[], ChartCard[]] };

/** Where one answer of the first question leads, as the overview prints it. */
export interface OverviewEntry {
  label: string;
  section?: number;
  /** The sheet's page the section's chart is on (only when the charts take more than one). */
  page?: number;
  outcome?: { id: string; kind: 'resolved' | 'escalate'; title: string };
}

/** A sheet's flowcharts: one chart of the whole flow, or the sections in pages of rows. */
export type SheetCharts =
  | { kind: 'whole'; svg: string; pt: number }
  | {
      kind: 'sections';
      start: { id: string; question: string };
      entries: OverviewEntry[];
      /** Pages (from 1) of bands of cards. */
      pages: Band[][];
      /** The smallest text of its charts, in points. */
      pt: number;
    }
  | { kind: 'none'; note: string };

const plans = new Map<string, Promise<SheetCharts>>();

/** The flowcharts of `model`'s sheet (computed once per flow and title). */
export function sheetCharts(model: FlowModel): Promise<SheetCharts> {
  const key = `${model.id}\n${model.title}`;
  if (!plans.has(key)) plans.set(key, plan(model));
  return plans.get(key)!;
}

/** Lines a caption of `text` takes in a card `width` millimetres wide. */
const captionLines = (text: string, width: number) => Math.max(1, Math.ceil(([...text].length * captionChar) / width));

/** The step number (in the sheet's checklist, which numbers the questions) of each question. */
function stepNumbers(model: FlowModel): Map<string, number> {
  const questions = chartStates(model).filter((s) => !isOutcome(s.meta));
  return new Map(questions.map((s, i) => [s.id, i + 1]));
}

async function plan(model: FlowModel): Promise<SheetCharts> {
  const whole = wholeGraph(model);
  if (whole.boxes.length <= MAX_CHART_BOXES) {
    const laid = await layOut(whole, wholeArea, 'large');
    if (laid) return { kind: 'whole', svg: drawChart(whole, laid, model.id, model.title), pt: laid.pt };
  }
  const split = splitByFirstQuestion(model);
  if (!split) return { kind: 'none', note: t('print.chart.none') };
  return planSections(model, split);
}

async function planSections(model: FlowModel, split: Split): Promise<SheetCharts> {
  const steps = stepNumbers(model);
  // A section must fit one page under its caption; leave room for a two-line caption.
  const area: Area = { width: page.width, height: page.height - slack - 2 * captionLine - 10 };
  let pt = Infinity;
  const cards: ChartCard[] = [];
  for (const section of split.sections) {
    const heading = t('print.chart.section', {
      section: section.number,
      answers: section.answers.map((a) => `「${a}」`).join(t('print.chart.or')),
    });
    const laid = section.graph.boxes.length <= MAX_CHART_BOXES ? await layOut(section.graph, area, column) : undefined;
    if (laid) {
      pt = Math.min(pt, laid.pt);
      const width = Math.max(laid.widthMm, minCard);
      cards.push({
        section: section.number,
        heading,
        svg: drawChart(section.graph, laid, `${model.id}-${section.number}`, heading),
        widthMm: width,
        heightMm: captionLines(heading, width) * captionLine + 1 + laid.heightMm,
      });
    } else {
      const note = t('print.chart.left-out', {
        step: steps.get(section.root) ?? 1,
        boxes: section.graph.boxes.length,
      });
      const width = minCard;
      cards.push({
        section: section.number,
        heading,
        note,
        widthMm: width,
        heightMm: (captionLines(heading, width) + captionLines(note, width)) * captionLine + 2,
      });
    }
  }
  const entries: OverviewEntry[] = split.entries.map((e) => ({
    label: e.label,
    ...(e.section !== undefined ? { section: e.section } : {}),
    ...(e.outcome ? { outcome: outcomeOf(e.outcome) } : {}),
  }));
  // The overview prints in two columns of 88 mm.
  const overviewLines =
    Math.ceil(
      entries.reduce((n, e) => n + captionLines(`${e.label}：${e.outcome?.title ?? '見第 10 段（第 1 頁）'}`, 84), 0) /
        2,
    ) + 2;
  const pages = packPages(cards, firstPageHead + overviewLines * overviewLine);
  if (pages.length > 1) {
    pages.forEach((bands, i) =>
      bands.flatMap(cardsOf).forEach((card) => {
        for (const e of entries) if (e.section === card.section) e.page = i + 1;
      }),
    );
  }
  return {
    kind: 'sections',
    start: { id: split.start.id, question: isOutcome(split.start.meta) ? '' : split.start.meta.question },
    entries,
    pages,
    pt: Number.isFinite(pt) ? pt : 0,
  };
}

/** The cards of a band, in the order they print. */
export const cardsOf = (band: Band): ChartCard[] => ('wide' in band ? [band.wide] : band.columns.flat());

const outcomeOf = (s: FlowState) =>
  isOutcome(s.meta) ? { id: s.id, kind: s.meta.outcome, title: s.meta.title } : undefined;

/**
 * Packs cards into pages of bands: a card wider than a column takes a band of its own; narrower
 * ones fill a band of two columns, each going to the shorter column. Cards go in order, except
 * that a page is filled up with later cards that fit before the next page starts. `firstUsed` is
 * what the first page already holds above the charts; every later page starts with a line saying
 * whose continuation it is.
 */
export function packPages(cards: ChartCard[], firstUsed: number): Band[][] {
  const pages: Band[][] = [[]];
  let used = firstUsed;
  /** The open two-column band, with its columns' heights (not yet in `used`). */
  let open: { band: Extract<Band, { columns: unknown }>; heights: [number, number] } | undefined;
  /** Places `card` on the current page if it fits within `limit`. */
  const place = (card: ChartCard, limit: number): boolean => {
    const height = card.heightMm + rowGap;
    const below = used + (open ? Math.max(...open.heights) : 0);
    if (card.widthMm <= column && open) {
      const side = open.heights[0] <= open.heights[1] ? 0 : 1;
      if (used + open.heights[side] + height <= limit) {
        open.band.columns[side].push(card);
        open.heights[side] += height;
        return true;
      }
    }
    if (below + height > limit) return false;
    used = below;
    if (card.widthMm > column) {
      open = undefined;
      pages.at(-1)!.push({ wide: card });
      used += height;
    } else {
      open = { band: { columns: [[card], []] }, heights: [height, 0] };
      pages.at(-1)!.push(open.band);
    }
    return true;
  };
  const limit = page.height - slack;
  const queue = [...cards];
  while (queue.length) {
    const card = queue.shift()!;
    if (place(card, limit)) continue;
    for (let i = 0; i < queue.length;) {
      if (place(queue[i]!, limit)) queue.splice(i, 1);
      else i += 1;
    }
    // A new page (unless this one is an empty continuation page: then the card is too tall for any).
    if (pages.length === 1 || pages.at(-1)!.length) {
      pages.push([]);
      used = captionLine * 2;
      open = undefined;
    }
    place(card, Infinity);
  }
  return pages;
}

/**
 * The whole flow as one chart, its text at MIN_PT whatever the chart's size (the author preview,
 * src/components/dev/FlowPreview.astro); an empty string above MAX_CHART_BOXES boxes.
 */
export async function flowchartSvg(model: FlowModel): Promise<string> {
  const whole = wholeGraph(model);
  if (whole.boxes.length > MAX_CHART_BOXES) return '';
  const laid = await layOut(whole, { width: Infinity, height: Infinity }, Infinity);
  return laid ? drawChart(whole, laid, model.id, model.title) : '';
}
