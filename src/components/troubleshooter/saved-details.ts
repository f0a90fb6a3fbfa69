/**
 * What the site keeps on a merchant's device, and how it is read back. Pure (strings in, values
 * out) so every corrupt shape can be tested in Node: whatever does not parse is ignored, never
 * thrown, because storage is shared with other scripts and other versions of this one.
 */

/** The fields a merchant may type into an escalation summary. */
export const summaryFields = ['serial', 'merchantNo', 'terminalNo', 'code'] as const;
/** A summary field name. */
export type SummaryField = (typeof summaryFields)[number];
/** The typed fields, each optional. */
export type Fields = Partial<Record<SummaryField, string>>;

/** localStorage key of the fields kept when the merchant ticks "remember on this device". */
export const detailsKey = 'pos-help:summary-fields';
/** localStorage key of the last outcome handed to the repair-record page. */
export const lastOutcomeKey = 'pos-help:last-outcome';
/** Remembered fields (and a remembered hand-off) expire this long after they were saved: 30 days. */
export const keepFor = 30 * 24 * 60 * 60 * 1000;
/** A hand-off to the repair record when the merchant did not ask to be remembered: 1 hour. */
export const handOffFor = 60 * 60 * 1000;
/** Longest value kept per field; longer text is cut. */
const maxLength = 200;

/** What the troubleshooter hands to the repair-record page. */
export interface LastOutcome {
  summary: string;
  fault: string;
  time: string;
  fields: Fields;
  /** When it was written (ms since 1970). */
  savedAt: number;
  /** Whether the merchant asked to be remembered (sets how long it is kept). */
  remember: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON.parse that returns undefined instead of throwing. */
function parseJson(raw: string | null | undefined): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** The known fields of `value` that are strings; anything else is dropped. */
export function pickFields(value: unknown): Fields {
  const fields: Fields = {};
  if (!isRecord(value)) return fields;
  for (const f of summaryFields) {
    const v = value[f];
    if (typeof v === 'string' && v.trim()) fields[f] = v.slice(0, maxLength);
  }
  return fields;
}

/** Is `savedAt` a time within `maxAge` before `now` (and not in the future)? */
const isFresh = (savedAt: unknown, now: number, maxAge: number): savedAt is number =>
  typeof savedAt === 'number' && Number.isFinite(savedAt) && savedAt <= now && now - savedAt < maxAge;

/** The remembered fields, or null when absent, corrupt, from an older version or expired. */
export function readDetails(raw: string | null | undefined, now: number): Fields | null {
  const value = parseJson(raw);
  if (!isRecord(value) || !isFresh(value.savedAt, now, keepFor)) return null;
  return pickFields(value.fields);
}

/** The stored form of remembered fields. */
export const writeDetails = (fields: Fields, now: number): string =>
  JSON.stringify({ savedAt: now, fields: pickFields(fields) });

/** The last outcome handed to the repair record, or null when absent, corrupt or expired. */
export function readLastOutcome(raw: string | null | undefined, now: number): LastOutcome | null {
  const value = parseJson(raw);
  if (!isRecord(value)) return null;
  const remember = value.remember === true;
  if (!isFresh(value.savedAt, now, remember ? keepFor : handOffFor)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    summary: text(value.summary),
    fault: text(value.fault),
    time: text(value.time),
    fields: pickFields(value.fields),
    savedAt: value.savedAt,
    remember,
  };
}

/** The stored form of a hand-off to the repair record. */
export const writeLastOutcome = (outcome: LastOutcome): string =>
  JSON.stringify({ ...outcome, fields: pickFields(outcome.fields) });
