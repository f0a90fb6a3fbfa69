import { setup } from 'xstate';
import type { Flow, StepMeta } from './types.ts';

type ApplyEvent = { type: 'YES' } | { type: 'NO' } | { type: 'BUSINESS' } | { type: 'NONE' };

const institution = '你打算辦理的銀行或持牌支付機構的官方客服';
const channel = '只通過銀行或持牌支付機構的官網、官方 App 或營業網點辦理；先在人民銀行官網核實對方有支付牌照。';
const redFlags = [
  '警惕「零費率」「免押金」、首刷扣押金、電話或短信鏈接推銷。',
  '機身應有銀聯標識；到賬賬戶應是你自己的賬戶。',
];

/** Applying for a terminal: taxonomy A1–A4 (eligibility and documents), with A7/A8 on channels. */
export const applyMachine = setup({ types: { events: {} as ApplyEvent, meta: {} as StepMeta } }).createMachine({
  id: 'apply',
  initial: 'checkingAge',
  states: {
    checkingAge: {
      description: 'A2: full civil capacity; the usual age range varies by institution.',
      meta: {
        kind: 'question',
        question: '辦理人年滿 18 周歲、能獨立簽合同嗎？',
        note: '常見要求是 18–65 歲，各機構規定不同，以辦理機構為準。',
        answers: [
          { event: 'YES', label: '是' },
          { event: 'NO', label: '不是' },
        ],
      },
      on: { YES: 'checkingBusiness', NO: 'escalateNotEligible' },
    },
    checkingBusiness: {
      description: 'A2/A4: a real, lawful business.',
      meta: {
        kind: 'question',
        question: '你有真實、合法的經營嗎（店鋪、攤位、網店都算）？',
        answers: [
          { event: 'YES', label: '有' },
          { event: 'NO', label: '沒有，只是想要一台刷卡機' },
        ],
      },
      on: { YES: 'checkingCredit', NO: 'escalateNoBusiness' },
    },
    checkingCredit: {
      description: 'A2: credit record.',
      meta: {
        kind: 'question',
        question: '你的信用記錄良好嗎（沒有嚴重逾期，不是失信被執行人）？',
        answers: [
          { event: 'YES', label: '良好' },
          { event: 'NO', label: '有問題或不確定' },
        ],
      },
      on: { YES: 'checkingLicence', NO: 'escalateCredit' },
    },
    checkingLicence: {
      description: 'A1 vs A4: business licence or personal terminal.',
      meta: {
        kind: 'question',
        question: '你有營業執照嗎？',
        answers: [
          { event: 'BUSINESS', label: '有（個體工商戶或企業）' },
          { event: 'NONE', label: '沒有' },
        ],
      },
      on: { BUSINESS: 'checkingSpecialTrade', NONE: 'resolvedPersonalChecklist' },
    },
    checkingSpecialTrade: {
      description: 'A1: trades that need a permit.',
      meta: {
        kind: 'question',
        question: '你的行業需要特別許可嗎（例如餐飲要食品經營許可證）？',
        answers: [
          { event: 'YES', label: '需要' },
          { event: 'NO', label: '不需要' },
        ],
      },
      on: { YES: 'resolvedPermitChecklist', NO: 'resolvedBusinessChecklist' },
    },
    resolvedBusinessChecklist: {
      type: 'final',
      description: 'A1/A3: documents and steps for a business.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '可以申請：請準備這些材料',
        steps: [
          '營業執照（原件或清晰照片）。',
          '經營者或法人的身份證。',
          '結算銀行賬戶：對公賬戶，或經營者本人的銀行卡。',
          '經營場所證明：房產證或租賃合同。',
          '門頭照片和收銀台照片。',
          channel,
          '辦理步驟：提交材料 → 審核（可能實地或視頻核實）→ 簽協議 → 裝機、激活 → 簽到使用。',
        ],
        prevent: [...redFlags, '各機構要求略有不同，以辦理機構的最新要求為準。'],
      },
    },
    resolvedPermitChecklist: {
      type: 'final',
      description: 'A1: the same, plus the trade permit.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '可以申請：請準備這些材料（含行業許可證）',
        steps: [
          '營業執照。',
          '行業許可證（例如食品經營許可證）。',
          '經營者或法人的身份證。',
          '結算銀行賬戶：對公賬戶，或經營者本人的銀行卡。',
          '經營場所證明：房產證或租賃合同，以及門頭、收銀台照片。',
          channel,
        ],
        prevent: [...redFlags, '各機構要求略有不同，以辦理機構的最新要求為準。'],
      },
    },
    resolvedPersonalChecklist: {
      type: 'final',
      description: 'A4: personal terminal for micro-merchants without a licence.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '可以申請個人 POS 機：請準備這些材料',
        steps: [
          '本人身份證。',
          '本人的一類借記卡（作結算賬戶）。',
          '本人實名登記的手機號。',
          '經營場景證明：攤位、店面或網店的照片、流水等。',
          '一般要通過持牌支付機構辦理，銀行通常不給沒有執照的個人辦。',
          channel,
        ],
        prevent: ['個人 POS 機的功能和限額可能受限。', '只能用於真實經營，不得用來套現。', ...redFlags],
      },
    },
    escalateNotEligible: {
      type: 'final',
      description: 'A2: not of full civil capacity.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '暫時不能以你本人名義辦理',
        steps: ['需要由符合條件的經營者（年滿 18 周歲）本人辦理。', '有疑問可以問辦理機構。'],
        contact: institution,
        tell: ['辦理人的年齡情況', '經營的是什麼、在哪裡'],
      },
    },
    escalateNoBusiness: {
      type: 'final',
      description: 'A2/X7: no real business means no terminal.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '沒有真實經營，不能辦理 POS 機',
        steps: [
          'POS 機只給真實經營的商戶使用。',
          '用 POS 機套現違規，收單機構會凍結或關停商戶。',
          '開始經營後再申請。',
        ],
        contact: institution,
        tell: ['你準備經營什麼、在哪裡經營'],
      },
    },
    escalateCredit: {
      type: 'final',
      description: 'A2: credit problems get applications refused.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '先查清信用記錄，再申請',
        steps: [
          '嚴重逾期、失信被執行人等記錄會讓申請被拒。',
          '可以先查詢本人徵信報告，處理好問題後再申請。',
          '不要找聲稱「徵信不好也能辦」的渠道，這類機器風險很大。',
        ],
        contact: institution,
        tell: ['你的經營情況', '信用記錄的問題是否已經處理'],
      },
    },
  },
});

/** The applying-for-a-terminal guide. */
export const applyFlow: Flow = {
  name: 'apply',
  title: '申請 POS 機自查',
  intro: '回答幾個問題，看看能不能申請、要準備哪些材料。',
  machine: applyMachine,
};
