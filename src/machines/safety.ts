/**
 * Safety rules every flow keeps (DESIGN.md, "Safety before convenience"): a text may mention
 * opening the terminal, changing host settings or keys by hand, charging again or splitting a
 * payment only to say not to.
 */
import type { FlowProblem } from './problems.ts';
import type { FlowFile } from './schema.ts';

/** What a merchant must never be told to do, each with why. */
export const forbidden: { pattern: RegExp; why: string }[] = [
  { pattern: /拆開|(?<!防)拆機|拆下/, why: 'opening the terminal erases its keys' },
  { pattern: /修改(主機|IP|端口|密鑰)|改(主機地址|密鑰)/, why: 'host settings and keys come only from the provider' },
  {
    pattern: /再刷一次|重新刷|重複收款|再收一次/,
    why: 'charging again before the first result is known charges twice',
  },
  { pattern: /拆單|拆成|分開刷|分幾筆/, why: 'splitting a payment breaks the card rules' },
];

/** Words that make such a mention a warning rather than an instruction. */
export const negation = /不要|不能|切勿|禁止|不得|沒有|違規|拒絕|以免|否則|會被|有人要求/;

/** Every text of a node with its field, e.g. `steps.1`. */
function textsOf(node: FlowFile['nodes'][string]): [string, string][] {
  const list = (field: string, items: unknown[] | undefined): [string, string][] =>
    (items ?? []).flatMap((t, i) => (typeof t === 'string' ? [[`${field}.${i}`, t] as [string, string]] : []));
  if (node.kind === 'question')
    return [
      ['question', node.question],
      ...list('steps', node.steps),
      ...(node.note ? [['note', node.note] as [string, string]] : []),
      ...Object.entries(node.answers).map(([e, a]) => [`answers.${e}.label`, a.label] as [string, string]),
    ];
  if (node.kind === 'step')
    return [['title', node.title], ...list('steps', node.steps), ['done.label', node.done.label]];
  return [
    ['title', node.title],
    ...list('steps', node.steps),
    ...list('prevent', node.prevent),
    ...(typeof node.contact === 'string' ? [['contact', node.contact] as [string, string]] : []),
    ...list('tell', node.tell),
  ];
}

/** Checks every text of a flow against the safety rules. */
export function checkSafety(file: string, flow: FlowFile): FlowProblem[] {
  return Object.entries(flow.nodes).flatMap(([id, node]) =>
    textsOf(node).flatMap(([field, text]) =>
      forbidden
        .filter((rule) => rule.pattern.test(text) && !negation.test(text))
        .map((rule) => ({
          file,
          node: id,
          field,
          message: `"${text}" tells the merchant to do what they must not (${rule.why})`,
          fix: 'say not to do it (不要…), or reword the text',
        })),
    ),
  );
}
