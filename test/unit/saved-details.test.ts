import { describe, expect, it } from 'vitest';
import {
  handOffFor,
  keepFor,
  pickFields,
  readDetails,
  readLastOutcome,
  writeDetails,
  writeLastOutcome,
} from '../../src/components/troubleshooter/saved-details';
import { originOf } from '../../src/components/embed/frame';

const now = Date.UTC(2026, 10, 28, 12);
/** Every shape a stored value may have that is not ours: other scripts, older versions, hand edits. */
const corrupt: [string, string | null | undefined][] = [
  ['nothing stored', null],
  ['undefined', undefined],
  ['an empty string', ''],
  ['invalid JSON', '{"serial":'],
  ['JSON null', 'null'],
  ['an empty object', '{}'],
  ['an empty array', '[]'],
  ['an array of fields', '[{"serial":"SN1"}]'],
  ['a number', '42'],
  ['a string', '"SN1"'],
  ['true', 'true'],
  ['fields of the wrong type', JSON.stringify({ savedAt: now, fields: { serial: 5, merchantNo: ['x'], code: null } })],
  ['fields that are a string', JSON.stringify({ savedAt: now, fields: 'SN1' })],
  ['fields that are null', JSON.stringify({ savedAt: now, fields: null })],
  ['a time that is a string', JSON.stringify({ savedAt: String(now), fields: { serial: 'SN1' } })],
  ['a time in the future', JSON.stringify({ savedAt: now + 60_000, fields: { serial: 'SN1' } })],
  ['a time that is not finite', '{"savedAt":1e999,"fields":{"serial":"SN1"}}'],
  ['the old format without a time', JSON.stringify({ serial: 'SN1', merchantNo: '123' })],
];

describe('remembered fields', () => {
  it('read back what was written, within 30 days', () => {
    const raw = writeDetails({ serial: 'SN1', merchantNo: '8980' }, now);
    expect(readDetails(raw, now)).toEqual({ serial: 'SN1', merchantNo: '8980' });
    expect(readDetails(raw, now + keepFor - 1)).toEqual({ serial: 'SN1', merchantNo: '8980' });
  });

  it('expire 30 days after they were saved', () => {
    expect(readDetails(writeDetails({ serial: 'SN1' }, now), now + keepFor)).toBeNull();
  });

  it.each(corrupt)('ignore %s without throwing', (_name, raw) => {
    const read = () => readDetails(raw, now);
    expect(read).not.toThrow();
    const fields = read();
    expect(fields === null || Object.values(fields).every((v) => typeof v === 'string')).toBe(true);
    expect(fields?.serial).toBeUndefined();
  });

  it('keep only the known fields that are text, cut to a sane length', () => {
    expect(pickFields({ serial: 'SN1', code: 7, other: 'x', merchantNo: '  ' })).toEqual({ serial: 'SN1' });
    expect(pickFields({ serial: 'x'.repeat(5000) }).serial).toHaveLength(200);
    for (const value of [null, undefined, 42, 'SN1', [], [{ serial: 'SN1' }], true])
      expect(pickFields(value)).toEqual({});
  });
});

describe('the repair-record hand-off', () => {
  const outcome = {
    summary: 'POS 故障排查摘要',
    fault: '聯繫收單機構',
    time: '2026/11/28 12:00',
    fields: { serial: 'SN1' },
    savedAt: now,
    remember: false,
  };

  it('reads back what was written', () => {
    expect(readLastOutcome(writeLastOutcome(outcome), now)).toEqual(outcome);
  });

  it('expires after an hour when the merchant did not ask to be remembered, after 30 days when they did', () => {
    expect(readLastOutcome(writeLastOutcome(outcome), now + handOffFor)).toBeNull();
    const kept = writeLastOutcome({ ...outcome, remember: true });
    expect(readLastOutcome(kept, now + handOffFor)).not.toBeNull();
    expect(readLastOutcome(kept, now + keepFor)).toBeNull();
  });

  it.each(corrupt)('ignores %s without throwing', (_name, raw) => {
    expect(() => readLastOutcome(raw, now)).not.toThrow();
    expect(readLastOutcome(raw, now)?.fields.serial).toBeUndefined();
  });

  it('reads texts of the wrong type as empty and keeps the rest', () => {
    const raw = JSON.stringify({ savedAt: now, summary: 5, fault: null, time: {}, fields: { serial: 'SN1', code: 3 } });
    expect(readLastOutcome(raw, now)).toEqual({
      summary: '',
      fault: '',
      time: '',
      fields: { serial: 'SN1' },
      savedAt: now,
      remember: false,
    });
  });
});

describe("the iframe route's ?origin=", () => {
  it('names an http(s) origin', () => {
    expect(originOf('https://bank.example/portal?x=1')).toBe('https://bank.example');
    expect(originOf('http://localhost:8080')).toBe('http://localhost:8080');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<p>x</p>', 'about:blank', 'file:///etc/passwd', 'bank.example', ''])(
    'is no origin when it is %s',
    (given) => {
      expect(originOf(given)).toBeNull();
    },
  );
});
