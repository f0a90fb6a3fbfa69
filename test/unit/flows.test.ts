import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { flows } from '../../src/machines/registry';
import { assertFlows, checkFlow, describePaths, formatProblems, listPaths } from '../../src/machines/paths';
import { readStates } from '../../src/machines/model';
import type { Flow } from '../../src/machines/types';

const all = Object.values(flows) as Flow[];
const texts = (flow: Flow) =>
  readStates(flow.model).flatMap((s) =>
    s.meta.kind === 'question'
      ? [s.meta.question, ...(s.meta.steps ?? []), s.meta.note ?? '', ...s.meta.answers.map((a) => a.label)]
      : [s.meta.title, ...s.meta.steps, ...(s.meta.prevent ?? []), s.meta.contact ?? '', ...(s.meta.tell ?? [])],
  );

describe.each(all.map((f) => [f.name, f] as const))('the %s flow', (_name, flow) => {
  it('passes every flow check', () => {
    expect(formatProblems(checkFlow(flow))).toBe('');
  });

  it('has every simple path ending in an outcome', () => {
    const ends = listPaths(flow);
    expect(ends.length).toBeGreaterThan(1);
    for (const p of getSimplePaths(flow.machine)) {
      const node = readStates(flow.model).find((s) => s.id === String(p.state.value))!;
      expect(node.final || Object.keys(node.on).length > 0).toBe(true);
    }
  });

  it('lists its paths readably (snapshot)', () => {
    expect(describePaths(flow)).toMatchSnapshot();
  });

  it('never tells the merchant to open the device, change host settings or keys by hand, charge again or split a payment', () => {
    const forbidden = [
      /拆開|(?<!防)拆機|拆下/,
      /修改(主機|IP|端口|密鑰)|改(主機地址|密鑰)/,
      /再刷一次|重新刷|重複收款|再收一次/,
      /拆單|拆成|分開刷|分幾筆/,
    ];
    const negation = /不要|不能|切勿|禁止|不得|沒有|違規|拒絕|以免|否則|會被|有人要求/;
    for (const text of texts(flow)) {
      for (const pattern of forbidden) {
        if (pattern.test(text)) expect(text, `"${text}" mentions ${pattern} without saying not to`).toMatch(negation);
      }
    }
  });
});

describe('the flows as a set', () => {
  const questions = (f: Flow) => readStates(f.model).filter((s) => s.meta.kind === 'question').length;
  const outcomes = (f: Flow) =>
    new Set(readStates(f.model).flatMap((s) => (s.meta.kind === 'outcome' ? [s.meta.outcome] : [])));

  it('asks enough distinct questions in each flow', () => {
    expect(questions(flows.hardware)).toBeGreaterThanOrEqual(8);
    expect(questions(flows.network)).toBeGreaterThanOrEqual(8);
    expect(questions(flows.software)).toBeGreaterThanOrEqual(6);
    expect(questions(flows.security)).toBeGreaterThanOrEqual(5);
    expect(questions(flows.apply)).toBeGreaterThanOrEqual(4);
  });

  it('gives every fault flow both kinds of outcome', () => {
    for (const f of [flows.hardware, flows.software, flows.network, flows.security])
      expect(outcomes(f)).toEqual(new Set(['resolved', 'escalate']));
  });

  it('stops a possibly tampered terminal first: the first question sends tampering straight to stopping use', () => {
    const states = new Map(readStates(flows.security.model).map((s) => [s.id, s]));
    const first = states.get(String(flows.security.machine.config.initial))!;
    // The first answer shown is tampering, and it leads straight to "stop using it".
    const [firstAnswer] = Object.entries(first.on);
    expect(firstAnswer).toEqual(['ALTERED', 'stoppingUse']);
    const stop = states.get('stoppingUse')!;
    expect(stop.meta.kind === 'question' && stop.meta.question).toContain('停止使用');
    expect(stop.meta.kind === 'question' && stop.meta.steps?.join('')).toMatch(/保持原樣/);
    expect(first.meta.kind === 'question' && first.meta.note).toMatch(/先停止使用/);
    // A tamper alert is an outcome whose first step is to stop using the terminal.
    const tamper = states.get(first.on.TAMPER_ALERT!)!;
    expect(tamper.meta.kind === 'outcome' && tamper.meta.steps[0]).toMatch(/^先停止使用/);
  });

  it('reaches a reinstall or reset in software only after settling and backing up', () => {
    const initial = String(flows.software.machine.config.initial);
    for (const p of getSimplePaths(flows.software.machine)) {
      const visited = [initial];
      let current = initial;
      for (const step of p.steps.slice(1)) {
        current = readStates(flows.software.model).find((s) => s.id === current)!.on[step.event.type]!;
        visited.push(current);
      }
      if (/Reinstall|Reset/.test(current)) expect(visited, visited.join(' → ')).toContain('settleAndBackUp');
    }
    const texts = readStates(flows.software.model).filter((s) => /恢復出廠|重裝/.test(JSON.stringify(s.meta)));
    for (const s of texts)
      expect([
        'identifyingProblem',
        'settleAndBackUp',
        'escalateReinstall',
        'escalateBeforeReinstall',
        'escalateWipedTerminal',
      ]).toContain(s.id);
  });

  it('moves between states as the answers say', () => {
    const actor = createActor(flows.network.machine).start();
    expect(actor.getSnapshot().value).toBe('identifyingProblem');
    actor.send({ type: 'CANNOT_CONNECT' });
    actor.send({ type: 'NO' });
    actor.send({ type: 'WIFI' });
    expect(actor.getSnapshot().value).toBe('checkingWifi');
    actor.send({ type: 'YES' });
    expect(actor.getSnapshot().value).toBe('resolvedConnected');
    // A resolved outcome waits for "did this fix it?": NOT_FIXED is the only way on.
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'NOT_FIXED' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().value).toBe('resolvedConnectedNotFixed');
  });

  it('passes assertFlows, as the build does', () => {
    expect(() => assertFlows(flows)).not.toThrow();
  });
});
