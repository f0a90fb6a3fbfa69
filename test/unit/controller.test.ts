import { describe, expect, it } from 'vitest';
import { FlowController, NOT_FIXED } from '../../src/components/troubleshooter/controller';
import { getFlow } from '../../src/machines/registry';
import { compileFlow } from '../../src/machines/compile';

const network = getFlow('network')!;

/** Answers the first answer of each question until an outcome; the events sent. */
function walkToOutcome(c: FlowController): string[] {
  for (let view = c.view; view.kind === 'question'; view = c.view)
    expect(c.answer(view.node.answers[0]!.event)).toBe(true);
  return c.answers;
}

describe('FlowController with a compiled flow', () => {
  it('starts at the first question with nothing to go back to', () => {
    const view = new FlowController(network).view;
    expect(view).toMatchObject({ kind: 'question', flow: 'network', state: 'identifyingProblem', step: 1 });
    expect(view.path).toEqual(['identifyingProblem']);
    expect(view.answers).toEqual([]);
    expect(view.canGoBack).toBe(false);
    expect(view.left).toBeGreaterThan(0);
    if (view.kind === 'question') expect(view.node.question).toBe('終端現在是什麼情況？');
  });

  it('answers, goes back and restarts', () => {
    const c = new FlowController(network);
    expect(c.answer('CANNOT_CONNECT')).toBe(true);
    expect(c.answer('NO')).toBe(true);
    expect(c.view).toMatchObject({ state: 'checkingConnectionType', step: 3, canGoBack: true });
    expect(c.view.path).toEqual(['identifyingProblem', 'checkingSignal', 'checkingConnectionType']);
    expect(c.view.answered[0]).toEqual({
      question: '終端現在是什麼情況？',
      answer: '提示通訊失敗、網絡連接失敗、連接超時或簽到失敗',
      event: 'CANNOT_CONNECT',
    });
    expect(c.back()).toBe(true);
    expect(c.view.state).toBe('checkingSignal');
    expect(c.view.answers).toEqual(['CANNOT_CONNECT']);
    c.restart();
    expect(c.view.state).toBe('identifyingProblem');
    expect(c.back()).toBe(false);
  });

  it('refuses an answer the current question does not have', () => {
    const c = new FlowController(network);
    expect(c.answer('NOPE')).toBe(false);
    expect(c.view.state).toBe('identifyingProblem');
  });

  it('resumes from a path and rejects an invalid one without changing state', () => {
    const c = new FlowController(network);
    expect(c.resume(['CANNOT_CONNECT', 'NO', 'WIFI'])).toBe(true);
    expect(c.view.state).toBe('checkingWifi');
    expect(c.resume(['CANNOT_CONNECT', 'BOGUS'])).toBe(false);
    expect(c.view.state).toBe('checkingWifi');
    expect(c.view.answers).toEqual(['CANNOT_CONNECT', 'NO', 'WIFI']);
  });

  it('reaches an outcome with what the summary needs', () => {
    const c = new FlowController(network);
    const events = walkToOutcome(c);
    const view = c.view;
    expect(view.kind).toBe('outcome');
    if (view.kind !== 'outcome') return;
    expect(view.left).toBe(0);
    expect(view.node.title).toBeTruthy();
    expect(view.node.steps.length).toBeGreaterThan(0);
    expect(view.answered.map((a) => a.event)).toEqual(events);
    expect(view.path).toHaveLength(events.length + 1);
    expect(c.answer('YES')).toBe(false);
    // A fresh controller resumed from the same path lands on the same outcome.
    const again = new FlowController(network);
    expect(again.resume(events)).toBe(true);
    expect(again.view.state).toBe(view.state);
  });
});

describe('FlowController and NOT_FIXED', () => {
  const meta = (title: string, outcome: 'resolved' | 'escalate') => ({
    kind: 'outcome' as const,
    outcome,
    title,
    steps: ['x'],
  });
  const tiny = compileFlow({
    id: 'tiny',
    title: 'Tiny',
    intro: '',
    order: 1,
    start: 'ask',
    nodes: [
      {
        id: 'ask',
        meta: { kind: 'question', question: 'Q?', answers: [{ event: 'A', label: 'a' }] },
        on: { A: 'fixIt' },
        final: false,
      },
      { id: 'fixIt', meta: meta('Fix it', 'resolved'), on: { [NOT_FIXED]: 'callBank' }, final: false },
      {
        id: 'callBank',
        meta: { ...meta('Call the bank', 'escalate'), contact: 'bank', tell: ['t'] },
        on: {},
        final: true,
      },
    ],
  });

  it('sends NOT_FIXED from a resolved outcome that accepts it', () => {
    const c = new FlowController(tiny);
    c.answer('A');
    expect(c.view).toMatchObject({ kind: 'outcome', state: 'fixIt' });
    expect(c.answer(NOT_FIXED)).toBe(true);
    expect(c.view).toMatchObject({ kind: 'outcome', state: 'callBank', answers: ['A', NOT_FIXED] });
    expect(c.view.answered[1]).toEqual({ question: 'Fix it', answer: NOT_FIXED, event: NOT_FIXED });
    expect(c.answer(NOT_FIXED)).toBe(false);
  });

  it('does not offer NOT_FIXED where the machine has none', () => {
    const c = new FlowController(tiny);
    c.answer('A');
    c.answer(NOT_FIXED);
    // An escalation is where NOT_FIXED leads: it has no NOT_FIXED of its own.
    expect(c.view).toMatchObject({ kind: 'outcome', state: 'callBank' });
    expect(c.answer(NOT_FIXED)).toBe(false);
  });

  it('offers NOT_FIXED on a resolved outcome of a real flow, leading to an escalation', () => {
    const c = new FlowController(network);
    const view = () => c.view as { kind: string; node: { outcome?: string } };
    walkToOutcome(c);
    expect(view()).toMatchObject({ kind: 'outcome', node: { outcome: 'resolved' } });
    expect(c.answer(NOT_FIXED)).toBe(true);
    expect(view()).toMatchObject({ kind: 'outcome', node: { outcome: 'escalate' } });
  });
});
