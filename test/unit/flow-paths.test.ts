/**
 * Path tests for the flow changes of issue 12, section 3: each asserts on the machine's path by
 * node ids, and each failed on the flows before the change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { flows } from '../../src/machines/registry';
import { listPaths } from '../../src/machines/paths';
import { stepsClause } from '../../src/machines/to-model';
import { orderStates, readStates } from '../../src/machines/model';
import type { Flow, OutcomeMeta, StepMeta } from '../../src/machines/types';

const all = Object.values(flows) as Flow[];
const statesOf = (flow: Flow) => new Map(readStates(flow.model).map((s) => [s.id, s]));

/** The node ids a merchant passes answering `events` from the start, the last one included. */
function walk(flow: Flow, events: string[]): string[] {
  const actor = createActor(flow.machine).start();
  const ids = [String(actor.getSnapshot().value)];
  for (const type of events) {
    expect(actor.getSnapshot().can({ type }), `${ids.at(-1)} has no answer ${type}`).toBe(true);
    actor.send({ type });
    ids.push(String(actor.getSnapshot().value));
  }
  actor.stop();
  return ids;
}

const textOf = (meta: StepMeta): string =>
  meta.kind === 'question'
    ? [meta.question, ...(meta.steps ?? []), meta.note ?? '', ...meta.answers.map((a) => a.label)].join('\n')
    : [meta.title, ...meta.steps, ...(meta.prevent ?? []), meta.contact ?? '', ...(meta.tell ?? [])].join('\n');

describe('not fixed after a resolved outcome', () => {
  it.each(all.map((f) => [f.name, f] as const))(
    'in %s, every resolved outcome has NOT_FIXED to an escalation that says what was tried and that it did not fix it',
    (_name, flow) => {
      const states = statesOf(flow);
      const resolved = [...states.values()].filter((s) => s.meta.kind === 'outcome' && s.meta.outcome === 'resolved');
      expect(resolved.length).toBeGreaterThan(0);
      for (const s of resolved) {
        const target = states.get(s.on.NOT_FIXED ?? '');
        expect(target, `${s.id} has no NOT_FIXED`).toBeDefined();
        const meta = target!.meta as OutcomeMeta;
        expect(meta.kind).toBe('outcome');
        expect(meta.outcome).toBe('escalate');
        expect(meta.title).toContain((s.meta as OutcomeMeta).title);
        expect(meta.title).toMatch(/問題還在/);
        // What was tried: the outcome by name in the steps, and its steps in what to tell.
        expect(meta.steps.join('')).toContain((s.meta as OutcomeMeta).title);
        expect(meta.steps.join('')).toMatch(/沒有解決/);
        expect(meta.contact).toBeTruthy();
        expect(meta.tell?.join('')).toContain(stepsClause((s.meta as OutcomeMeta).steps));
        expect(meta.tell?.join('')).toMatch(/沒有解決/);
        // The steps read as one clause: no sentence end before 「；」 or 「）」.
        expect(meta.tell?.join('\n')).not.toMatch(/[。！？][；）]/);
      }
    },
  );

  it('takes a merchant whose Wi‑Fi fix did not work to an escalation, not a "solved" summary', () => {
    const path = walk(flows.network, ['CANNOT_CONNECT', 'NO', 'WIFI', 'YES', 'NOT_FIXED']);
    expect(path).toEqual([
      'identifyingProblem',
      'checkingSignal',
      'checkingConnectionType',
      'checkingWifi',
      'resolvedConnected',
      'resolvedConnectedNotFixed',
    ]);
    const end = statesOf(flows.network).get('resolvedConnectedNotFixed')!.meta as OutcomeMeta;
    expect(end.outcome).toBe('escalate');
  });

  it('lists the not-fixed escalations among the paths', () => {
    const paths = listPaths(flows.network).filter((p) => p.end === 'resolvedConnectedNotFixed');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.outcome === 'escalate' && p.steps.at(-1)!.event === 'NOT_FIXED')).toBe(true);
  });
});

describe('what changed just before it started (network)', () => {
  it('a merchant who just changed router reaches the Wi‑Fi steps', () => {
    expect(walk(flows.network, ['NEW_SETUP', 'NEW_ROUTER'])).toEqual([
      'identifyingProblem',
      'askingWhatChanged',
      'checkingWifi',
    ]);
  });

  it('a new SIM reaches the SIM steps; an update restarts and signs in; a move checks the signal', () => {
    expect(walk(flows.network, ['NEW_SETUP', 'NEW_SIM']).at(-1)).toBe('checkingSim');
    expect(walk(flows.network, ['NEW_SETUP', 'SOFTWARE_UPDATE']).at(-1)).toBe('restartingTerminal');
    expect(walk(flows.network, ['NEW_SETUP', 'MOVED']).at(-1)).toBe('checkingSignal');
    expect(walk(flows.network, ['NEW_SETUP', 'NOT_SURE']).at(-1)).toBe('checkingSignal');
  });

  it('only a brand-new terminal goes straight to the parameters escalation', () => {
    expect(walk(flows.network, ['NEW_SETUP', 'NEW_TERMINAL']).at(-1)).toBe('escalateParameters');
    const direct = listPaths(flows.network).filter((p) => p.end === 'escalateParameters');
    for (const p of direct) expect(p.steps.map((s) => s.event)).toContain('NEW_TERMINAL');
  });
});

describe('key and MAC errors (software)', () => {
  it('confirm the network works before escalating, on every path to escalateKeys', () => {
    const paths = listPaths(flows.software).filter((p) => p.end === 'escalateKeys');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      const last = p.steps.at(-1)!;
      expect(last.state, p.steps.map((s) => s.state).join(' → ')).toMatch(/^checkingNetworkFor/);
      expect(last.event).toBe('YES');
    }
  });

  it('a key error that survives signing in asks about the network, and a broken network goes to the network steps', () => {
    expect(walk(flows.software, ['KEYS', 'YES'])).toEqual([
      'identifyingProblem',
      'signingInForKeys',
      'checkingNetworkForKeys',
    ]);
    expect(walk(flows.software, ['KEYS', 'YES', 'NO']).at(-1)).toBe('resolvedCheckNetwork');
    expect(walk(flows.software, ['KEYS', 'YES', 'NOT_SURE']).at(-1)).toBe('resolvedCheckNetwork');
  });
});

describe('after a reset or reinstall, or when it cannot settle (software)', () => {
  it.each(['escalateReinstall', 'escalateBeforeReinstall', 'escalateWipedTerminal'])(
    '%s says parameters and keys are sent again, then sign in, and checks the last transactions reached the host',
    (id) => {
      const meta = statesOf(flows.software).get(id)!.meta as OutcomeMeta;
      const steps = meta.steps.join('\n');
      expect(steps).toMatch(/重新下發參數和(主)?密鑰/);
      expect(steps).toMatch(/再簽到/);
      expect(steps).toMatch(/最後幾筆交易有沒有到銀行主機/);
    },
  );
});

describe('security: ask before stopping, stop first for tampering', () => {
  it('a customer’s PIN seen does not stop the terminal', () => {
    const path = walk(flows.security, ['PIN_SEEN']);
    expect(path).toEqual(['identifyingConcern', 'resolvedPinSafety']);
    expect(path).not.toContain('stoppingUse');
  });

  it('an altered terminal is stopped first, before anything else is asked', () => {
    expect(walk(flows.security, ['ALTERED'])).toEqual(['identifyingConcern', 'stoppingUse']);
    for (const p of listPaths(flows.security).filter((p) => p.steps[0]!.event === 'ALTERED'))
      expect(p.steps[1]!.state).toBe('stoppingUse');
  });
});

describe('"not sure" answers', () => {
  it.each([
    ['network', 'checkingSignal'],
    ['network', 'checkingConnectionType'],
    ['network', 'askingWhatChanged'],
    ['hardware', 'checkingCardMethod'],
    ['software', 'checkingNetworkForSignIn'],
    ['software', 'checkingNetworkForKeys'],
  ] as const)('%s %s has a NOT_SURE answer that leads on', (name, id) => {
    const states = statesOf(flows[name]);
    const target = states.get(id)!.on.NOT_SURE;
    expect(target, `${id} has no NOT_SURE`).toBeDefined();
    const meta = states.get(target!)!.meta;
    // Somewhere useful: a question to try, or a resolved outcome with steps (never a dead end).
    expect(meta.kind === 'question' || meta.outcome === 'resolved').toBe(true);
  });
});

describe('articles that carry the troubleshooter at their question', () => {
  it.each([
    ['hardware/printer', 'hardware', 'checkingPaper'],
    ['hardware/card-reading', 'hardware', 'checkingAllCards'],
    ['hardware/screen-keys', 'hardware', 'checkingScreenOrKeys'],
    ['hardware/battery-water', 'hardware', 'checkingBatteryOrWater'],
    ['hardware/scanner', 'hardware', 'checkingScanner'],
    ['hardware/pin-pad', 'hardware', 'checkingPinPad'],
    ['network/timeout', 'network', 'checkingLastPayment'],
    ['software/settlement', 'software', 'retryingSettlement'],
    ['software/sign-in-keys', 'software', 'signingInForKeys'],
    ['security/fraud', 'security', 'identifyingConcern'],
    ['transactions/arrival', 'transactions', 'checkingArrivalTime'],
    ['transactions/charged-but-failed', 'transactions', 'checkingLastTransaction'],
    ['transactions/refunds', 'transactions', 'checkingRefundStage'],
    ['transactions/pre-auth', 'transactions', 'checkingPreAuthStage'],
    ['transactions/limits', 'transactions', 'checkingLimitScope'],
    ['transactions/frozen', 'transactions', 'checkingFreezeNotice'],
    ['transactions/fees', 'transactions', 'checkingFeeRate'],
    ['transactions/reconciliation', 'transactions', 'checkingReconcileGap'],
    ['transactions/sales-slips', 'transactions', 'checkingSlipRequest'],
    ['transactions/foreign-cards-qr', 'transactions', 'checkingCardOrQr'],
  ] as const)('%s starts %s at %s', (article, flow, start) => {
    const front = readFileSync(`src/content/articles/${article}.mdx`, 'utf8').split(/^---$/m)[1]!;
    expect(front).toMatch(new RegExp(`^flow: ${flow}$`, 'm'));
    expect(front).toMatch(new RegExp(`^flowStart: ${start}$`, 'm'));
    expect(statesOf(flows[flow]).get(start)!.meta.kind).toBe('question');
  });
});

describe('hardware safety first (issue 20)', () => {
  const meta = (id: string) => statesOf(flows.hardware).get(id)!.meta as OutcomeMeta;

  it('a swollen battery, and heat that comes back, stop use and say not to charge it again', () => {
    expect(walk(flows.hardware, ['HEAT_WATER', 'SWOLLEN'])).toEqual([
      'identifyingSymptom',
      'checkingBatteryOrWater',
      'escalateBatterySafety',
    ]);
    expect(walk(flows.hardware, ['HEAT_WATER', 'HOT', 'STILL_HOT']).at(-1)).toBe('escalateBatterySafety');
    expect(walk(flows.hardware, ['BATTERY', 'SWOLLEN']).at(-1)).toBe('escalateBatterySafety');
    const steps = meta('escalateBatterySafety').steps.join('\n');
    expect(steps).toMatch(/停止使用/);
    expect(steps).toMatch(/不要再充電/);
    expect(steps).toMatch(/不要自己拆開/);
  });

  it('water, from the first question or from the keys, switches off, never charges and never dries with heat', () => {
    expect(walk(flows.hardware, ['HEAT_WATER', 'WET']).at(-1)).toBe('escalateWater');
    expect(walk(flows.hardware, ['SCREEN_KEYS', 'KEYS', 'WET']).at(-1)).toBe('escalateWater');
    const steps = meta('escalateWater').steps.join('\n');
    expect(steps).toMatch(/^馬上關機/);
    expect(steps).toMatch(/不要充電/);
    expect(steps).toMatch(/不要用吹風機/);
    expect(steps).toMatch(/不要自己拆開/);
  });

  it('a broken screen is not tried first, and an altered keypad or PIN pad goes to the security escalation', () => {
    expect(walk(flows.hardware, ['SCREEN_KEYS', 'CRACKED']).at(-1)).toBe('escalateScreen');
    expect(walk(flows.hardware, ['SCREEN_KEYS', 'LOOKS_ALTERED']).at(-1)).toBe('escalateSecurity');
    expect(walk(flows.hardware, ['PIN_PAD', 'TAMPER']).at(-1)).toBe('escalateSecurity');
  });

  it('asks the card reader summary only for what the merchant may have tried, not a fixed list', () => {
    expect(meta('escalateCardReader').tell!.join('')).not.toMatch(/清潔並重啟過/);
  });

  it('says how to check the time after the battery ran flat', () => {
    expect(meta('resolvedPowerBack').steps.join('')).toMatch(/打印一張小票|看屏幕上的時間/);
    expect(meta('resolvedPowerBack').steps.join('')).toMatch(/系統設置/);
  });
});

describe('the way of paying that does not work (payment-methods)', () => {
  const flow = flows['payment-methods']!;

  it('tells the customer side from the terminal side with another card before cleaning or calling', () => {
    expect(walk(flow, ['CARD', 'ONE_CARD', 'NO']).at(-1)).toBe('resolvedCustomerSide');
    expect(walk(flow, ['CARD', 'ALL_CARDS', 'NO'])).toEqual([
      'identifyingMethod',
      'checkingOtherCards',
      'cleaningReader',
      'escalateReader',
    ]);
  });

  it('checks a phone against a physical card tap: a failing tap is the terminal, a working one the phone', () => {
    expect(walk(flow, ['PHONE', 'FAILS']).at(-1)).toBe('cleaningReader');
    expect(walk(flow, ['PHONE', 'WORKS', 'NO']).at(-1)).toBe('resolvedCustomerSide');
  });

  it('queries a QR payment before any second scan, on every path to a QR outcome', () => {
    for (const p of listPaths(flow).filter((p) => p.steps[0]!.event === 'QR')) {
      const states = p.steps.map((s) => s.state);
      if (['resolvedReprint', 'resolvedQrNotPaid', 'escalateUnknownResult'].includes(p.end))
        expect(states, states.join(' → ')).toContain('checkingQrResult');
    }
  });

  it('sends a decline with a code to the code pages, not to the reader', () => {
    expect(walk(flow, ['DECLINED'])).toEqual(['identifyingMethod', 'resolvedLookUpCode']);
  });
});

describe('jargon explained where it first appears in a flow', () => {
  const terms = ['灌裝', '沖正', '衝正', 'MAC', '主機參數', '上送'];
  it.each(all.map((f) => [f.name, f] as const))('in %s', (_name, flow) => {
    const texts = orderStates(flow.model).flatMap((s) => textOf(s.meta).split('\n'));
    for (const term of terms) {
      const first = texts.find((t) => t.includes(term));
      if (!first) continue;
      expect(first, `first "${term}" in ${flow.name}`).toMatch(new RegExp(`${term}.{0,6}（`));
    }
  });
});
