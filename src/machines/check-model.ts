/**
 * The shape of a flow model as the browser receives it (a JSON file): checked after its sha384
 * matched, so a file that is not what this bundle was built with, or not a flow at all, is refused
 * before anything of it shows. Small on purpose: the build has checked the flow itself.
 */
import type { FlowModel, ModelNode } from './types.ts';

const isText = (v: unknown): v is string => typeof v === 'string';
const isTexts = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isMeta(meta: unknown): boolean {
  if (!isRecord(meta)) return false;
  if (meta.kind === 'question')
    return (
      isText(meta.question) &&
      Array.isArray(meta.answers) &&
      meta.answers.every((a) => isRecord(a) && isText(a.event) && isText(a.label)) &&
      (meta.steps === undefined || isTexts(meta.steps)) &&
      (meta.note === undefined || isText(meta.note))
    );
  return (
    meta.kind === 'outcome' &&
    (meta.outcome === 'resolved' || meta.outcome === 'escalate') &&
    isText(meta.title) &&
    isTexts(meta.steps) &&
    ['prevent', 'tell'].every((k) => meta[k] === undefined || isTexts(meta[k])) &&
    (meta.contact === undefined || isText(meta.contact))
  );
}

/** Is `value` a flow model of the flow `id`, whose every answer leads to one of its nodes? */
export function isFlowModel(value: unknown, id: string): value is FlowModel {
  if (!isRecord(value) || value.id !== id || !isText(value.title) || !isText(value.intro)) return false;
  if (!isText(value.start) || typeof value.order !== 'number' || !Array.isArray(value.nodes)) return false;
  const nodes = value.nodes as unknown[];
  const ids = new Set(nodes.map((n) => (isRecord(n) ? n.id : undefined)));
  const isNode = (n: unknown): n is ModelNode =>
    isRecord(n) &&
    isText(n.id) &&
    typeof n.final === 'boolean' &&
    isMeta(n.meta) &&
    isRecord(n.on) &&
    Object.values(n.on).every((t) => isText(t) && ids.has(t));
  return ids.size === nodes.length && ids.has(value.start) && nodes.every(isNode);
}
