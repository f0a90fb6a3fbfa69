/**
 * Safety rules every flow keeps (DESIGN.md, "Safety before convenience"): a text may mention
 * opening the terminal, changing host settings or keys by hand, charging again, splitting a
 * payment, refunding in cash, paying to unfreeze an account, cashing out on one's own credit card,
 * lending or borrowing a terminal, or giving the supervisor password away only to say not to.
 */
import type { FlowProblem } from './problems.ts';
import type { FlowFile } from './schema.ts';

/** Words that make such a mention a warning rather than an instruction (the first rules' allowance). */
const negation = /不要|不能|切勿|禁止|不得|沒有|違規|拒絕|以免|否則|會被|有人要求/;

/**
 * Words that forbid outright. The newer rules accept only these: `沒有`, `會被` and the like also
 * occur in texts that instruct ("沒有小票就退現金"), so they excuse nothing there.
 */
const prohibition = /不要|不能|不可|切勿|禁止|不得|嚴禁|絕不|千萬別|不應/;

/** Says the first transaction's result must be known first: "先確認上一筆的結果，再…". */
const resultFirst = /先(確認|查清|查明|查到|弄清)[^。；]*結果/;

/** What a merchant must never be told to do, each with why, and what makes a mention of it allowed. */
export const forbidden: { pattern: RegExp; why: string; unless: RegExp; fix: string }[] = [
  {
    pattern: /拆開|(?<!防)拆機|拆下/,
    why: 'opening the terminal erases its keys',
    unless: negation,
    fix: 'say not to do it (不要…), or reword the text',
  },
  {
    pattern: /修改(主機|IP|端口|密鑰)|改(主機地址|密鑰)/,
    why: 'host settings and keys come only from the provider',
    unless: negation,
    fix: 'say not to do it (不要…), or reword the text',
  },
  {
    pattern: /再刷一次|重新刷|重刷|重複收款|再收一次|再掃一次|重新掃/,
    why: 'charging again before the first result is known charges twice',
    unless: new RegExp(`${negation.source}|${resultFirst.source}`),
    fix: 'say not to charge again until the first result is known (先確認上一筆的結果…), or reword the text',
  },
  {
    pattern: /拆單|拆成|拆分|分開刷|分幾筆|分幾次刷|分(兩|多|三)(次|筆)刷/,
    why: 'splitting a payment breaks the card rules',
    unless: negation,
    fix: 'say not to do it (不要…), or reword the text',
  },
  {
    pattern: /現金退款|退現金|(拿|用|給)現金[^。；，]{0,4}退|現金[^。；，]{0,2}退給/,
    why: 'a refund outside the terminal leaves the card payment standing: the customer may get the money twice',
    unless: prohibition,
    fix: 'say to refund on the terminal against the original payment, and not in cash (不要用現金退…)',
  },
  {
    pattern: /解凍費|(付費|交錢|交費|繳費|花錢|付錢|給錢|轉賬|保證金)[^。；]{0,8}解凍/,
    why: 'only the acquirer lifts a freeze, free of charge; whoever asks money for it is a scammer',
    unless: new RegExp(`${prohibition.source}|騙|有人|誰說`),
    fix: 'say that paying to unfreeze is a scam (交錢解凍是詐騙，不要付錢), or reword the text',
  },
  {
    pattern:
      /套現|刷卡換現金?|(刷|套)出現金|信用卡[^。；]{0,6}(換|取|套)現|(自己|本人|家人|親友)的(信用卡|貸記卡)[^。；]{0,10}(刷|消費)|刷(自己|本人)的(信用卡|貸記卡)/,
    why: 'swiping one’s own credit card on one’s own terminal looks like 套現 (cashing out credit), which acquirers freeze merchants for',
    unless: new RegExp(`${prohibition.source}|違規|違法|詐騙|騙|嫌疑|風控|凍結|拒絕|有人`),
    fix: 'say it is against the rules and not to do it (套現違規，不要…); to see how a payment shows, use a debit card and void it the same day, or the acquirer’s app',
  },
  {
    pattern:
      /(出借|出租|轉借|轉租|借用|轉讓)[^。；，]{0,4}(終端|機器|POS|收款碼)|(終端|機器|POS 機?|收款碼)[^。；，]{0,4}(借|租|轉讓)給|(?<!租)借(?!記)[^。；，]{0,4}(終端|機器|POS|收款碼)|(?<!出)租(?![賃車])[^。；，]{0,4}(終端|機器|POS|收款碼)/,
    why: 'a terminal is registered to one merchant at one address: lending, renting or borrowing one breaks the acquirer’s rules and can freeze the account',
    unless: new RegExp(`${prohibition.source}|違規|騙|有人`),
    fix: 'say not to lend, rent or borrow a terminal or payment code (不要把終端借給別人…), or reword the text',
  },
  {
    pattern:
      /(主管|管理員)密碼[^。；]{0,12}(告訴|報給|報出|發給|說給|念給|提供|透露|交給|給對方|給他)|(告訴|報出|報給|發給|說給|念給|提供|透露)[^。；]{0,12}(主管|管理員)密碼/,
    why: 'the supervisor password voids and refunds payments: whoever asks for it by phone or message may be a fraudster',
    unless: new RegExp(`${prohibition.source}|騙|冒充`),
    fix: 'say never to give it to anyone, a caller least of all (主管密碼不要告訴任何人，包括來電的「客服」)',
  },
];

type Text = [field: string, text: string];

/** Every text of a node with its field, e.g. `steps.1`. */
function textsOf(node: FlowFile['nodes'][string]): Text[] {
  const list = (field: string, items: unknown[] | undefined): Text[] =>
    (items ?? []).flatMap((t, i) => (typeof t === 'string' ? [[`${field}.${i}`, t] as Text] : []));
  const note: Text[] = node.kind !== 'outcome' && node.note ? [['note', node.note]] : [];
  if (node.kind === 'question')
    return [
      ['question', node.question],
      ...list('steps', node.steps),
      ...note,
      ...Object.entries(node.answers).map(([e, a]) => [`answers.${e}.label`, a.label] as Text),
    ];
  if (node.kind === 'step')
    return [['title', node.title], ...list('steps', node.steps), ...note, ['done.label', node.done.label]];
  return [
    ['title', node.title],
    ...list('steps', node.steps),
    ...list('prevent', node.prevent),
    ...(typeof node.contact === 'string' ? [['contact', node.contact] as Text] : []),
    ...list('tell', node.tell),
  ];
}

/** The problems of one text: each rule it breaks without the words that allow it. */
export function checkText(file: string, node: string, [field, text]: Text): FlowProblem[] {
  return forbidden
    .filter((rule) => rule.pattern.test(text) && !rule.unless.test(text))
    .map((rule) => ({
      file,
      node,
      field,
      message: `"${text}" tells the merchant to do what they must not (${rule.why})`,
      fix: rule.fix,
    }));
}

/** Checks every text of a flow, its title and intro included, against the safety rules. */
export function checkSafety(file: string, flow: FlowFile): FlowProblem[] {
  return [
    ...(
      [
        ['title', flow.title],
        ['intro', flow.intro],
      ] as Text[]
    ).flatMap((t) => checkText(file, '', t)),
    ...Object.entries(flow.nodes).flatMap(([id, node]) => textsOf(node).flatMap((t) => checkText(file, id, t))),
  ];
}
