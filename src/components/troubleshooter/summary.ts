import { format, type Translate } from './strings';
import { NOT_FIXED } from '../../machines/constants';
import type { OutcomeMeta } from '../../machines/types';

import { summaryFields, type Fields } from './saved-details';

/** One answered step: the question and the chosen answer, already in the page's script. */
export interface AnsweredStep {
  question: string;
  answer: string;
}

/** Builds the plain-text escalation summary a merchant hands to the hotline. */
export function buildSummary(args: {
  tr: Translate;
  flowTitle: string;
  outcome: OutcomeMeta;
  steps: AnsweredStep[];
  fields: Fields;
  time: Date;
}): string {
  const { tr, flowTitle, outcome, steps, fields, time } = args;
  const fieldKey = {
    serial: 'widget.field.serial',
    merchantNo: 'widget.field.merchantNo',
    terminalNo: 'widget.field.terminalNo',
    code: 'widget.field.code',
  } as const;
  const stamp = `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')} ${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
  return [
    format(tr, 'widget.summary.head'),
    format(tr, 'widget.summary.flow', { title: flowTitle }),
    format(tr, 'widget.summary.time', { time: stamp }),
    ...summaryFields.map(
      (f) =>
        `${format(tr, fieldKey[f]).replace(/（.*）$/, '')}：${fields[f]?.trim() || format(tr, 'widget.summary.empty')}`,
    ),
    format(tr, 'widget.summary.path'),
    ...steps.map((s, i) => `${i + 1}. ${s.question} → ${s.answer}`),
    format(tr, 'widget.summary.result', { title: tr(outcome.title) }),
  ].join('\n');
}

/** The summary of an outcome of the controller's view model, in the page's script. */
export function summaryOf(
  tr: Translate,
  flowTitle: string,
  view: { node: OutcomeMeta; answered: { question: string; answer: string; event: string }[] },
  fields: Fields,
): string {
  const steps = view.answered.map((a) => ({
    question: tr(a.question),
    // NOT_FIXED: the merchant's "沒有解決" on a resolved outcome.
    answer: a.event === NOT_FIXED ? format(tr, 'widget.fixed.no') : tr(a.answer),
  }));
  return buildSummary({ tr, flowTitle: tr(flowTitle), outcome: view.node, steps, fields, time: new Date() });
}
