/**
 * The names every part of a flow agrees on, written once: the compiler, the checks, the widget,
 * the no-JavaScript view and the print sheet import them from here. Safe for the browser.
 */

/** The event a `step` node's one button sends. */
export const STEP_EVENT = 'DONE';

/** The event "did this fix it? no" sends at a resolved outcome. */
export const NOT_FIXED = 'NOT_FIXED';

/** Id of the escalation generated for a resolved outcome that did not fix the problem. */
export const notFixedId = (id: string): string => `${id}NotFixed`;

/** The `_shared.yaml` entry that words "not fixed" escalations when a flow names none. */
export const DEFAULT_NOT_FIXED = 'notFixed';

/** A flow's place in lists when its file gives no `order`. */
export const DEFAULT_ORDER = 100;

/**
 * The most nodes a flow file may have: one flow is what a merchant walks at the till and what one
 * A4 sheet draws; a file far bigger is a mistake (or several flows in one) and would make the
 * build's layout and path checks slow and memory-hungry.
 */
export const MAX_NODES = 150;

/** Sorts flows as every list shows them: by `order`, then by id. */
export const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }): number =>
  a.order - b.order || a.id.localeCompare(b.id);
