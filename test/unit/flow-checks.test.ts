import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFlows } from '../../src/machines/load';
import { flowsError, formatProblems } from '../../src/machines/problems';
import { checkText, forbidden } from '../../src/machines/safety';

const shared = {
  file: 'src/content/flows/_shared.yaml',
  data: {
    provider: { contact: '服務商客服', tell: ['終端序列號'] },
    notFixed: {
      title: '試過「{outcome}」還是不行',
      steps: ['已經按「{outcome}」做過。'],
      contact: { shared: 'provider' },
      tell: [{ shared: 'provider' }, '試過：{outcome}（{steps}）'],
    },
  },
};

/** A small correct flow, as an author writes it. */
const demo = `
title: 示例排查
intro: 用來測試流程檢查的示例。
start: asking
nodes:
  asking:
    kind: question
    question: 能開機嗎？
    answers:
      YES: { label: 能, next: fixed }
      NO: { label: 不能, next: charging }
  charging:
    kind: step
    title: 先充電
    steps: [用原裝充電器充電 10 分鐘。]
    done: { label: 充好了, next: broken }
  fixed:
    kind: outcome
    outcome: resolved
    title: 好了
    steps: [繼續用。]
    prevent: [每天充電。]
  broken:
    kind: outcome
    outcome: escalate
    title: 報修
    steps: [停用。]
    contact: { shared: provider }
    tell: [{ shared: provider }, 已經充過電]
`;

/** Checks `demo` after `edit`, as the file src/content/flows/demo.yaml. */
function check(edit: (flow: ReturnType<typeof parse>) => void = () => {}): string {
  const data = parse(demo);
  edit(data);
  return formatProblems(loadFlows([{ name: 'demo', file: 'src/content/flows/demo.yaml', data }], shared).problems);
}

describe('the escalation after "not fixed"', () => {
  it('is worded by the _shared.yaml entry the flow names, with the outcome filled in', () => {
    const { models, problems } = loadFlows(
      [{ name: 'demo', file: 'src/content/flows/demo.yaml', data: parse(demo) }],
      shared,
    );
    expect(problems).toEqual([]);
    expect(models[0]!.nodes.find((n) => n.id === 'fixedNotFixed')!.meta).toEqual({
      kind: 'outcome',
      outcome: 'escalate',
      title: '試過「好了」還是不行',
      steps: ['已經按「好了」做過。'],
      contact: '服務商客服',
      tell: ['終端序列號', '試過：好了（繼續用）'],
    });
  });

  it('names a flow whose notFixed entry is missing or lacks a text', () => {
    expect(check((f) => (f.notFixed = 'moneyNotFixed'))).toContain(
      'src/content/flows/demo.yaml, field `notFixed`: "moneyNotFixed" is not an entry of _shared.yaml',
    );
    expect(check((f) => (f.notFixed = 'provider'))).toContain(
      '"provider" in _shared.yaml has no title, steps, which the escalation after "not fixed" needs',
    );
  });

  it('applies the safety rules to the shared texts too', () => {
    const unsafe = {
      ...shared,
      data: { ...shared.data, notFixed: { ...shared.data.notFixed, steps: ['沒解決就先退現金給顧客。'] } },
    };
    const { problems } = loadFlows([{ name: 'demo', file: 'src/content/flows/demo.yaml', data: parse(demo) }], unsafe);
    expect(formatProblems(problems)).toContain('src/content/flows/_shared.yaml, node "notFixed", field `steps.0`');
  });
});

describe('the catalogue refuses what would go wrong later', () => {
  it('stops a flow of more than the node limit with its file, count, limit and fix, before any other check', () => {
    const nodes = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`node${i}`, { kind: 'question', question: '？', answers: {} }]),
    );
    expect(check((f) => (f.nodes = nodes))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, field \`nodes\`: this flow has 1000 nodes, more than the 150 one troubleshooter may have (a merchant walks it at the till, and one A4 sheet draws it). Fix: split it into several flows of at most 150 nodes each (one file per flow in src/content/flows/, each named by an article's \`flow:\`), or merge nodes that say the same."`,
    );
  });

  it('checks the { shared: id } references inside _shared.yaml itself', () => {
    const broken = {
      ...shared,
      data: {
        ...shared.data,
        notFixed: { ...shared.data.notFixed, contact: { shared: 'nobody' }, tell: [{ shared: 'provder' }] },
      },
    };
    const { problems } = loadFlows([{ name: 'demo', file: 'src/content/flows/demo.yaml', data: parse(demo) }], broken);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "src/content/flows/_shared.yaml, node "notFixed", field \`contact\`: "nobody" has no contact in _shared.yaml. Fix: use one of: provider, notFixed; or add it to src/content/flows/_shared.yaml.
      src/content/flows/_shared.yaml, node "notFixed", field \`tell.0\`: "provder" has no tell in _shared.yaml. Fix: use one of: provider, notFixed; or add it to src/content/flows/_shared.yaml."
    `);
  });

  it('fills {outcome} and {steps} in one pass: a placeholder in the outcome itself stays as written', () => {
    const data = parse(demo);
    data.nodes.fixed.title = '好了 {steps}';
    const { models, problems } = loadFlows([{ name: 'demo', file: 'src/content/flows/demo.yaml', data }], shared);
    expect(problems).toEqual([]);
    const escalation = models[0]!.nodes.find((n) => n.id === 'fixedNotFixed')!.meta;
    expect(escalation).toMatchObject({
      title: '試過「好了 {steps}」還是不行',
      tell: ['終端序列號', '試過：好了 {steps}（繼續用）'],
    });
  });
});

describe('a mistake in a flow file is named with file, node, field and fix', () => {
  it('accepts a correct flow, with a step and shared texts', () => {
    const { models, problems } = loadFlows(
      [{ name: 'demo', file: 'src/content/flows/demo.yaml', data: parse(demo) }],
      shared,
    );
    expect(problems).toEqual([]);
    const node = (id: string) => models[0]!.nodes.find((n) => n.id === id)!;
    expect(node('broken').meta).toMatchObject({ contact: '服務商客服', tell: ['終端序列號', '已經充過電'] });
    expect(node('charging').on).toEqual({ DONE: 'broken' });
  });

  it('names a misspelt target and suggests the node meant', () => {
    expect(check((f) => (f.nodes.asking.answers.NO.next = 'chargin'))).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "asking", field \`answers.NO.next\`: answer NO leads to "chargin", which is not a node of this flow. Fix: did you mean "charging"? Correct the id.
      src/content/flows/demo.yaml, node "charging": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "charging", or delete the node."
    `);
  });

  it('names a target that is nothing like a node, with the ids to use', () => {
    expect(check((f) => (f.nodes.charging.done.next = 'callTheBank'))).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "charging", field \`done.next\`: answer DONE leads to "callTheBank", which is not a node of this flow. Fix: write one of: asking, charging, fixed, broken; or add a node "callTheBank".
      src/content/flows/demo.yaml, node "broken": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "broken", or delete the node."
    `);
  });

  it('names a start that is not a node', () => {
    expect(check((f) => (f.start = 'askng'))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, field \`start\`: the flow starts at "askng", which is not a node of this flow. Fix: did you mean "asking"? Correct the id."`,
    );
  });

  it('names a node no answer leads to', () => {
    expect(
      check(
        (f) =>
          (f.nodes.orphan = { kind: 'outcome', outcome: 'resolved', title: '孤兒', steps: ['無'], prevent: ['無'] }),
      ),
    ).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, node "orphan": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "orphan", or delete the node."`,
    );
  });

  it('names a question with no answers as a dead end', () => {
    expect(check((f) => (f.nodes.charging = { kind: 'question', question: '充好了嗎？', answers: {} })))
      .toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "charging", field \`answers\`: this question has no answers, so a merchant who reaches it is stuck. Fix: add answers, or make it \`kind: outcome\`.
      src/content/flows/demo.yaml, node "broken": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "broken", or delete the node."
    `);
  });

  it('names a loop with no way to an outcome', () => {
    expect(
      check((f) => {
        f.nodes.asking.answers.NO.next = 'charging';
        f.nodes.charging.done.next = 'asking';
        f.nodes.asking.answers.YES.next = 'charging';
      }),
    ).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "fixed": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "fixed", or delete the node.
      src/content/flows/demo.yaml, node "broken": no answer leads to this node, so no merchant ever sees it. Fix: point an answer's \`next\` to "broken", or delete the node.
      src/content/flows/demo.yaml, node "asking", field \`answers\`: no path from this node reaches an outcome: its answers only go round in a loop. Fix: point one of its answers towards an outcome.
      src/content/flows/demo.yaml, node "charging", field \`answers\`: no path from this node reaches an outcome: its answers only go round in a loop. Fix: point one of its answers towards an outcome."
    `);
  });

  it('names an escalation without whom to call or what to say, and a fix without prevention', () => {
    expect(
      check((f) => {
        delete f.nodes.broken.contact;
        delete f.nodes.broken.tell;
        delete f.nodes.fixed.prevent;
      }),
    ).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "fixed", field \`prevent\`: a resolved outcome must say how to keep it from happening again. Fix: add \`prevent:\` with one or more tips.
      src/content/flows/demo.yaml, node "broken", field \`contact\`: an escalation must say whom to contact. Fix: add \`contact:\` (a text, or \`{ shared: provider }\`).
      src/content/flows/demo.yaml, node "broken", field \`tell\`: an escalation must say what to tell them. Fix: add \`tell:\` with the details to give, item by item."
    `);
  });

  it('names a shared text that does not exist', () => {
    expect(check((f) => (f.nodes.broken.tell[0] = { shared: 'bank' }))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, node "broken", field \`tell.0\`: "bank" has no tell in _shared.yaml. Fix: use one of: provider, notFixed; or add it to src/content/flows/_shared.yaml."`,
    );
  });

  it('names a text that tells the merchant to charge again', () => {
    expect(check((f) => (f.nodes.fixed.steps = ['再刷一次。']))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, node "fixed", field \`steps.0\`: "再刷一次。" tells the merchant to do what they must not (charging again before the first result is known charges twice). Fix: say not to charge again until the first result is known (先確認上一筆的結果…), or reword the text."`,
    );
  });

  it('names a text that tells the merchant to split a payment', () => {
    expect(check((f) => (f.nodes.asking.steps = ['金額太大就分幾次刷。']))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, node "asking", field \`steps.0\`: "金額太大就分幾次刷。" tells the merchant to do what they must not (splitting a payment breaks the card rules). Fix: say not to do it (不要…), or reword the text."`,
    );
  });

  it('names a text that tells the merchant to refund in cash, even with a word that only sounds negative', () => {
    expect(check((f) => (f.nodes.fixed.prevent = ['顧客急著要錢就退現金。', '沒有小票就用現金退給顧客。'])))
      .toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "fixed", field \`prevent.0\`: "顧客急著要錢就退現金。" tells the merchant to do what they must not (a refund outside the terminal leaves the card payment standing: the customer may get the money twice). Fix: say to refund on the terminal against the original payment, and not in cash (不要用現金退…).
      src/content/flows/demo.yaml, node "fixed", field \`prevent.1\`: "沒有小票就用現金退給顧客。" tells the merchant to do what they must not (a refund outside the terminal leaves the card payment standing: the customer may get the money twice). Fix: say to refund on the terminal against the original payment, and not in cash (不要用現金退…)."
    `);
  });

  it('names a text that tells the merchant to pay to unfreeze an account', () => {
    expect(
      check((f) => {
        f.nodes.charging.note = '賬戶被凍結時，付費解凍最快。';
        f.intro = '交錢解凍也可以。';
      }),
    ).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, field \`intro\`: "交錢解凍也可以。" tells the merchant to do what they must not (only the acquirer lifts a freeze, free of charge; whoever asks money for it is a scammer). Fix: say that paying to unfreeze is a scam (交錢解凍是詐騙，不要付錢), or reword the text.
      src/content/flows/demo.yaml, node "charging", field \`note\`: "賬戶被凍結時，付費解凍最快。" tells the merchant to do what they must not (only the acquirer lifts a freeze, free of charge; whoever asks money for it is a scammer). Fix: say that paying to unfreeze is a scam (交錢解凍是詐騙，不要付錢), or reword the text."
    `);
  });

  it('accepts texts that forbid those things, or charge again only once the first result is known', () => {
    expect(
      check((f) => {
        f.nodes.asking.note = '上一筆的結果沒查清楚之前，不要再刷一次。';
        f.nodes.asking.steps = ['不要把一筆錢拆成幾筆刷來繞過限額。'];
        f.nodes.fixed.steps = ['先確認上一筆的結果是失敗，再重新刷這一筆。'];
        f.nodes.fixed.prevent = ['退款在終端上做，不要用現金退給顧客。'];
        f.nodes.broken.steps = ['誰說交錢就能解凍，都是騙子。', '不要付費解凍。'];
      }),
    ).toBe('');
  });

  it('names a field the schema does not know, and an unknown kind', () => {
    expect(
      check((f) => {
        f.nodes.asking.answers.YES.goto = 'fixed';
        f.nodes.broken.kind = 'escalation';
      }),
    ).toMatchInlineSnapshot(`
      "src/content/flows/demo.yaml, node "asking", field \`answers.YES\`: Unrecognized key: "goto". Fix: write it as the schema says (see flow.schema.json; an editor with YAML support shows it as you type).
      src/content/flows/demo.yaml, node "broken", field \`kind\`: Invalid discriminator value. Expected 'question' | 'step' | 'outcome'. Fix: write it as the schema says (see flow.schema.json; an editor with YAML support shows it as you type)."
    `);
  });

  it('names a file name that cannot be a flow id', () => {
    const { problems } = loadFlows(
      [{ name: 'Card_Reading', file: 'src/content/flows/Card_Reading.yaml', data: parse(demo) }],
      shared,
    );
    expect(formatProblems(problems)).toMatchInlineSnapshot(
      `"src/content/flows/Card_Reading.yaml, field \`(the file name)\`: "Card_Reading" cannot be a flow id: it becomes a URL and an attribute value. Fix: rename the file in lower case letters, digits and hyphens, e.g. card-reading.yaml."`,
    );
  });

  it('reports every problem of every file at once, as one AstroError with the fixes as its hint', () => {
    const broken = parse(demo);
    broken.nodes.asking.answers.NO.next = 'chargin';
    const other = parse(demo);
    other.start = 'nowhere';
    const { problems } = loadFlows(
      [
        { name: 'demo', file: 'src/content/flows/demo.yaml', data: broken },
        { name: 'other', file: 'src/content/flows/other.yaml', data: other },
      ],
      shared,
    );
    const error = flowsError(problems);
    expect(error.message).toMatchInlineSnapshot(`
      "The troubleshooting flows have 3 problems:
      - src/content/flows/demo.yaml, node "asking", field \`answers.NO.next\`: answer NO leads to "chargin", which is not a node of this flow.
      - src/content/flows/demo.yaml, node "charging": no answer leads to this node, so no merchant ever sees it.
      - src/content/flows/other.yaml, field \`start\`: the flow starts at "nowhere", which is not a node of this flow."
    `);
    expect(error.hint).toMatchInlineSnapshot(`
      "Fix:
      - src/content/flows/demo.yaml, node "asking", field \`answers.NO.next\`: did you mean "charging"? Correct the id.
      - src/content/flows/demo.yaml, node "charging": point an answer's \`next\` to "charging", or delete the node.
      - src/content/flows/other.yaml, field \`start\`: write one of: asking, charging, fixed, broken; or add a node "nowhere"."
    `);
  });
});

describe('the rules for cashing out, lending the terminal and the supervisor password', () => {
  /** The reasons (`why`) of the rules `text` breaks, as a flow text in a step. */
  const broken = (text: string) =>
    checkText('src/content/flows/demo.yaml', 'asking', ['steps.0', text]).map(
      (p) => forbidden.find((r) => p.message.includes(`(${r.why})`))?.why,
    );
  const rule = (words: string) => forbidden.find((r) => r.why.includes(words))!.why;

  it.each([
    '用自己的信用卡刷一筆小額，看看商戶名稱。',
    '刷自己的信用卡周轉一下，沒關係。',
    '信用卡還款緊張，可以在自己的終端上套現。',
    '顧客想刷卡換現金，收點手續費就行。',
    '用家人的信用卡多刷幾筆，把流水做起來。',
  ])('catches cashing out on a credit card presented as harmless: %s', (text) => {
    expect(broken(text)).toEqual([rule('套現')]);
  });

  it.each([
    '用自己的借記卡刷一筆小額，當天撤銷。',
    '不要用自己的信用卡在自己的終端上刷。',
    '用 POS 機套現違規，收單機構會凍結或關停商戶。',
    '有人要求刷卡換現金：拒絕。',
    '套現會被拒絕交易（如應答碼 57）。',
  ])('lets through a text that warns against it or uses a debit card: %s', (text) => {
    expect(broken(text)).toEqual([]);
  });

  it.each([
    '隔壁店的機器壞了，可以把終端借給他們用幾天。',
    '淡季把 POS 機租給別人，每月收點租金。',
    '出借收款碼給朋友收款。',
    '自己的機器壞了，先借朋友的終端收款。',
  ])('catches lending, renting or borrowing a terminal: %s', (text) => {
    expect(broken(text)).toEqual([rule('lending')]);
  });

  it.each([
    '不要把終端借給別人，也不要借別人的機器收款。',
    '經營場所證明：房產證或租賃合同。',
    '酒店、租車的押金（預授權）。',
    '請顧客用借記卡在終端上付款。',
    '有人要求借用終端：拒絕。',
  ])('lets through a text that forbids it, or only sounds like it: %s', (text) => {
    expect(broken(text)).toEqual([]);
  });

  it.each([
    '客服來電要主管密碼，告訴他就行。',
    '維修人員打電話來，把主管密碼報給對方。',
    '對方說要升級終端，提供主管密碼和驗證碼。',
  ])('catches giving the supervisor password to a caller: %s', (text) => {
    expect(broken(text)).toEqual([rule('supervisor password')]);
  });

  it.each([
    '在終端選「撤銷」，輸入主管密碼。',
    '忘了主管密碼，問收單機構。',
    '主管密碼不要告訴任何人，包括來電的「客服」。',
    '冒充客服的人會要你報出主管密碼。',
  ])('lets through entering it yourself, or a warning: %s', (text) => {
    expect(broken(text)).toEqual([]);
  });

  it('names the text, the reason and the fix, as the other rules do', () => {
    expect(check((f) => (f.nodes.fixed.steps = ['客服來電要主管密碼，告訴他就行。']))).toMatchInlineSnapshot(
      `"src/content/flows/demo.yaml, node "fixed", field \`steps.0\`: "客服來電要主管密碼，告訴他就行。" tells the merchant to do what they must not (the supervisor password voids and refunds payments: whoever asks for it by phone or message may be a fraudster). Fix: say never to give it to anyone, a caller least of all (主管密碼不要告訴任何人，包括來電的「客服」)."`,
    );
  });
});

describe('the transactions flow keeps the money rules', () => {
  const read = (name: string) => parse(readFileSync(`src/content/flows/${name}.yaml`, 'utf8'));
  const { flows, problems } = loadFlows(
    [{ name: 'transactions', file: 'src/content/flows/transactions.yaml', data: read('transactions') }],
    { file: 'src/content/flows/_shared.yaml', data: read('_shared') },
  );

  it('passes every flow check, the safety rules among them', () => {
    expect(formatProblems(problems)).toBe('');
    expect(flows.map((f) => f.name)).toEqual(['transactions']);
  });

  it('says, in so many words, not to charge again, split, refund in cash or pay to unfreeze', () => {
    const texts = JSON.stringify(read('transactions'));
    for (const why of ['charging again', 'splitting', 'refund outside', 'lifts a freeze'])
      expect(texts, why).toMatch(forbidden.find((r) => r.why.includes(why))!.pattern);
  });
});
