/**
 * The flows as the browser knows them (`virtual:pos-help/flows`, from the catalogue): their ids
 * and, per script, each flow's JSON file with its sha384. A page downloads only the flow it
 * shows, as data: fetched with its hash as `integrity` (a file that differs by one byte is
 * refused), parsed, checked by shape, then compiled. The URL comes from the build (`site`, for
 * the embed bundle), never from the page. Safe for the browser: no zod, no YAML parser.
 */
import flows from 'virtual:pos-help/flows';
import { compileFlow } from './compile.ts';
import { isFlowModel } from './check-model.ts';
import type { Flow, FlowModel } from './types.ts';

/** Every flow id, in the flows' `order` (then by id). */
export const flowNames: readonly string[] = flows.names;

/** Is `name` a flow? */
export const isFlowName = (name: string): boolean => flowNames.includes(name);

/** How long a flow file may take to arrive before the widget gives up and says so. */
export const loadTimeout = 15_000;

/** Why a flow could not be shown; `reason` says which way it failed, for the error event. */
export class FlowLoadError extends Error {
  constructor(
    readonly reason: 'unknown' | 'network' | 'timeout' | 'integrity' | 'shape' | 'start',
    message: string,
  ) {
    super(message);
    this.name = 'FlowLoadError';
  }
}

/**
 * The URL and SRI hash (the embed bundle's; the site's widget loads from its own origin) of a
 * flow's file in `lang`; undefined for an unknown flow or script.
 */
export function flowFile(name: string, lang: string): { url: string; integrity?: string } | undefined {
  const byFlow = Object.hasOwn(flows.files, lang) ? flows.files[lang]! : undefined;
  const entry = byFlow && Object.hasOwn(byFlow, name) ? byFlow[name]! : undefined;
  return entry && { ...entry, url: new URL(entry.file, new URL(flows.base, document.baseURI)).href };
}

/**
 * Where a flow begins: `start` when it names a question or step of the model; the flow's own
 * start when none is given. Anything else (a node that is not there, `__proto__`) is an error.
 */
export function startOf(model: FlowModel, start?: string | null): string {
  if (!start) return model.start;
  const node = model.nodes.find((n) => n.id === start);
  if (!node || node.meta.kind === 'outcome')
    throw new FlowLoadError('start', `start "${start}" is not a question of flow "${model.id}"`);
  return start;
}

/** Fetches and checks one flow's model, giving up after `timeout` ms. */
export async function fetchModel(name: string, lang: string, timeout = loadTimeout): Promise<FlowModel> {
  const file = flowFile(name, lang);
  if (!file) throw new FlowLoadError('unknown', `no file for flow "${name}" in ${lang}`);
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeout);
  try {
    let response: Response;
    try {
      const checked = file.integrity ? { integrity: file.integrity } : {};
      response = await fetch(file.url, { ...checked, signal: abort.signal, credentials: 'omit' });
    } catch (error) {
      // A hash mismatch and a network failure both reject with a TypeError: tell them apart by
      // asking again without the hash would fetch the file twice, so the message names both.
      if (timedOut) throw new FlowLoadError('timeout', `${file.url} did not arrive within ${timeout / 1000} s`);
      throw new FlowLoadError(
        'network',
        `${file.url} could not be loaded, or does not match its sha384 (${String(error)})`,
      );
    }
    if (!response.ok) throw new FlowLoadError('network', `${file.url} answered HTTP ${response.status}`);
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new FlowLoadError('shape', `${file.url} is not JSON`);
    }
    if (!isFlowModel(data, name)) throw new FlowLoadError('shape', `${file.url} is not a flow model of "${name}"`);
    return data;
  } catch (error) {
    if (timedOut && !(error instanceof FlowLoadError && error.reason === 'timeout'))
      throw new FlowLoadError('timeout', `${file.url} did not arrive within ${timeout / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads one flow in `lang` (its texts are in that script already) and compiles it, beginning at
 * `start` when given (see `startOf`).
 */
export async function loadFlow(name: string, lang: string, start?: string | null): Promise<Flow> {
  const model = await fetchModel(name, lang);
  return compileFlow(model, startOf(model, start));
}
