/**
 * The format of a flow file, `src/content/flows/{flow}.yaml` (the file name is the flow's id), and of
 * the texts several flows share, `src/content/flows/_shared.yaml`. `npm run flows:schema` publishes
 * both as JSON Schema beside the files, so an editor completes fields and flags mistakes as you type.
 */
import { z } from 'astro/zod';
import { DEFAULT_NOT_FIXED, DEFAULT_ORDER } from './constants.ts';

/**
 * The formats of names in a flow file, with the message an author reads when one is wrong: at
 * build time from zod, and in the editor from the JSON Schema's `patternErrorMessage`.
 */
export const namePatterns = {
  nodeId: {
    regex: /^[a-z][A-Za-z0-9]*$/,
    message: 'write node ids in camelCase, e.g. checkingSignal or escalateRepair',
  },
  answer: { regex: /^[A-Z][A-Z0-9_]*$/, message: 'write answer names in UPPER_SNAKE, e.g. YES or ALL_CARDS' },
  sharedId: {
    regex: /^[a-z][A-Za-z0-9]*$/,
    message: 'write shared text ids in camelCase, e.g. provider or moneyNotFixed',
  },
} as const;

/** A node id: camelCase words that say where the merchant is, e.g. `checkingSignal`. */
const nodeId = z.string().regex(namePatterns.nodeId.regex, { error: namePatterns.nodeId.message });
/** A text a merchant reads, in zh-Hant. */
const text = z.string({ error: 'write a text here, in Traditional characters' }).trim().min(1);
/** A list of texts, shown in order. */
const texts = z.array(text);
/** A reference to a text in `_shared.yaml`, e.g. `{ shared: provider }`. */
const sharedRef = z.strictObject({
  /** Id of an entry in `_shared.yaml`. */
  shared: z.string().describe('Id of an entry in _shared.yaml, e.g. provider'),
});

/** One answer button: its label, and the node it leads to. */
const answerSchema = z.strictObject({
  /** Label on the button, short, in zh-Hant. */
  label: text.describe('Label on the button, short, in zh-Hant'),
  /** Id of the node this answer leads to. */
  next: nodeId.describe('Id of the node this answer leads to'),
});

/** What a node may say before its question: author's note and instructions. */
const common = {
  /** For authors and the flowchart tooltips: what this node is for (not shown to merchants). */
  description: z.string().optional().describe('For authors: what this node is for (not shown to merchants)'),
};

/** A question: optional things to do first, then one question with its answers. */
const questionSchema = z.strictObject({
  kind: z.literal('question').describe('A question: optional steps first, then answers that lead on'),
  ...common,
  /** The question, as the step's heading. */
  question: text.describe('The question, as the step heading'),
  /** Numbered things to do or check before answering. */
  steps: texts.optional().describe('Numbered things to do or check before answering'),
  /** A warning or tip shown beside the steps. */
  note: text.optional().describe('A warning or tip shown beside the steps'),
  /** The answers in the order shown, keyed by their event name in UPPER_SNAKE (`YES`, `ALL_CARDS`). */
  answers: z
    .record(z.string().regex(namePatterns.answer.regex, { error: namePatterns.answer.message }), answerSchema)
    .describe(
      'The answers in the order shown, keyed by an UPPER_SNAKE name (YES, ALL_CARDS) that links and history use',
    ),
});

/** A step: instructions with one way on (the button says `done.label`; its event is DONE). */
const stepSchema = z.strictObject({
  kind: z.literal('step').describe('Instructions with one button (done) that leads on'),
  ...common,
  /** What to do, as the step's heading. */
  title: text.describe('What to do, as the step heading'),
  /** Numbered things to do. */
  steps: texts.min(1).describe('Numbered things to do'),
  /** A warning or tip shown beside the steps. */
  note: text.optional().describe('A warning or tip shown beside the steps'),
  /** The one button: its label and the node it leads to. */
  done: answerSchema.describe('The one button: its label and the node it leads to'),
});

/** An outcome: fixed (`resolved`) or whom to call and what to tell them (`escalate`). */
const outcomeSchema = z.strictObject({
  kind: z.literal('outcome').describe('An end: resolved (fixed now) or escalate (whom to call, what to tell)'),
  ...common,
  /** `resolved`: the merchant can fix it now; `escalate`: someone else must act. */
  outcome: z.enum(['resolved', 'escalate']).describe('resolved: fixed now; escalate: someone else must act'),
  /** Heading of the outcome. */
  title: text.describe('Heading of the outcome'),
  /** What to do now, in order. */
  steps: texts.min(1).describe('What to do now, in order'),
  /** resolved: how to keep it from happening again. */
  prevent: texts.optional().describe('resolved: how to keep it from happening again'),
  /** escalate: whom to contact, as text or `{ shared: id }`. */
  contact: z.union([text, sharedRef]).optional().describe('escalate: whom to contact, as text or { shared: id }'),
  /** escalate: what to tell them, item by item; `{ shared: id }` inserts that entry's list. */
  tell: z
    .array(z.union([text, sharedRef]))
    .optional()
    .describe('escalate: what to tell them; an item { shared: id } inserts the shared list'),
});

/** Any node of a flow, told apart by `kind`. */
const nodeSchema = z.discriminatedUnion('kind', [questionSchema, stepSchema, outcomeSchema]);

/** A flow file: src/content/flows/{flow}.yaml. */
export const flowSchema = z.strictObject({
  /** Title of the troubleshooter, e.g. 網絡故障排查. */
  title: text.describe('Title of the troubleshooter, e.g. 網絡故障排查'),
  /** One or two sentences: when to use it. */
  intro: text.describe('One or two sentences: when to use it'),
  /** Position among the flows in lists (print centre, search filters); smaller comes first. */
  order: z.number().int().min(0).default(DEFAULT_ORDER).describe('Position among the flows in lists; smaller first'),
  /** Id of the node the flow starts at. */
  start: nodeId.describe('Id of the node the flow starts at'),
  /** The nodes, keyed by id; the order here is the order authors read them. */
  nodes: z.record(nodeId, nodeSchema).describe('The nodes, keyed by camelCase id'),
  /**
   * Id of the `_shared.yaml` entry that words the escalation a resolved outcome leads to when the
   * merchant answers "not fixed" (its title, steps, contact and tell); `notFixed` when left out.
   */
  notFixed: z
    .string()
    .default(DEFAULT_NOT_FIXED)
    .describe(
      'Id of the _shared.yaml entry (with title, steps, contact and tell) that words the escalation after "not fixed"; notFixed when left out',
    ),
});

/**
 * Texts several flows share: src/content/flows/_shared.yaml, keyed by id. An entry with a title
 * and steps too words the generated "not fixed" escalation of the flows that name it in
 * `notFixed:`; there `{outcome}` stands for the outcome's title and `{steps}` for its steps.
 */
export const sharedSchema = z.record(
  z.string().regex(namePatterns.sharedId.regex, { error: namePatterns.sharedId.message }),
  z.strictObject({
    /** Whom to contact, used by `contact: { shared: id }`; may itself be `{ shared: id }`. */
    contact: z
      .union([text, sharedRef])
      .optional()
      .describe('Whom to contact, used by contact: { shared: id }; may itself be { shared: id }'),
    /** What to tell them, inserted where `tell:` lists `{ shared: id }`. */
    tell: z
      .array(z.union([text, sharedRef]))
      .optional()
      .describe(
        'What to tell them, inserted where tell lists { shared: id }; an item { shared: id } inserts that list',
      ),
    /** "Not fixed" escalations: the heading, with `{outcome}` for the outcome's title. */
    title: text.optional().describe('"Not fixed" escalations: the heading; {outcome} is the outcome\'s title'),
    /** "Not fixed" escalations: what to do now; `{outcome}`, `{steps}` as in the title. */
    steps: texts
      .optional()
      .describe('"Not fixed" escalations: what to do now; {outcome} is the outcome\'s title, {steps} its steps'),
  }),
);

/** A flow file, parsed. */
export type FlowFile = z.output<typeof flowSchema>;
/** A flow file as written (before defaults). */
export type FlowFileInput = z.input<typeof flowSchema>;
/** One node of a flow file. */
export type FlowNode = z.output<typeof nodeSchema>;
/** The shared texts, parsed. */
export type SharedTexts = z.output<typeof sharedSchema>;
