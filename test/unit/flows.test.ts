import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { flows } from '../../src/machines/registry';
import { describePaths, listPaths } from '../../src/machines/paths';
import { readStates } from '../../src/machines/model';
import type { Flow } from '../../src/machines/types';

const all = Object.values(flows) as Flow[];
describe.each(all.map((f) => [f.name, f] as const))('the %s flow', (_name, flow) => {
  it('reaches every outcome of its model through the compiled machine', () => {
    const ends = new Set(listPaths(flow).map((p) => p.end));
    const outcomes = readStates(flow.model).filter((s) => s.meta.kind === 'outcome');
    expect(outcomes.length).toBeGreaterThan(1);
    expect(outcomes.map((s) => s.id).filter((id) => !ends.has(id))).toEqual([]);
  });

  it('lists its paths readably (snapshot)', () => {
    expect(describePaths(flow)).toMatchSnapshot();
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
});
