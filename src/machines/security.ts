import { setup } from 'xstate';
import type { Flow, StepMeta } from './types.ts';
import { tellProvider } from './shared.ts';

type SecurityEvent =
  | { type: 'DONE' }
  | { type: 'ALTERED' }
  | { type: 'TAMPER_ALERT' }
  | { type: 'UNKNOWN_TX' }
  | { type: 'SUSPICIOUS_CARD' }
  | { type: 'CASH_OUT' }
  | { type: 'MOVING' }
  | { type: 'IMPOSTOR' }
  | { type: 'PIN_SEEN' }
  | { type: 'PUBLIC_WIFI' }
  | { type: 'YES' }
  | { type: 'NO' };

const acquirer = '收單機構客服（給你裝機的銀行或支付公司）';

/** Security: taxonomy X1–X9. The flow always starts with stopping use of the terminal. */
export const securityMachine = setup({ types: { events: {} as SecurityEvent, meta: {} as StepMeta } }).createMachine({
  id: 'security',
  initial: 'stoppingUse',
  states: {
    stoppingUse: {
      description: 'First, always: stop using the terminal, keep it as it is, report.',
      meta: {
        kind: 'question',
        question: '第一步：先停止使用這台終端',
        steps: [
          '停止用這台終端收款，改用其他方式。',
          '保持原樣：不要拆開、不要清除記錄、不要自己修。',
          '準備向收單機構報告（下一步會告訴你說什麼）。',
        ],
        note: '任何人都不應向你或顧客索要銀行卡密碼或短信驗證碼。',
        answers: [{ event: 'DONE', label: '已停用，下一步' }],
      },
      on: { DONE: 'identifyingConcern' },
    },
    identifyingConcern: {
      description: 'Sorts the concern into X1–X9.',
      meta: {
        kind: 'question',
        question: '你遇到的是哪種情況？',
        answers: [
          { event: 'ALTERED', label: '讀卡口或鍵盤鬆動、加厚、多了部件，或機器來路不明' },
          { event: 'TAMPER_ALERT', label: '屏幕提示「機器受攻擊」「安全攻擊」或終端被鎖' },
          { event: 'UNKNOWN_TX', label: '交易記錄裡有不是本店做的交易，或重複扣款' },
          { event: 'SUSPICIOUS_CARD', label: '卡面和屏幕上的卡號不一致，或提示 34、41、43、59' },
          { event: 'CASH_OUT', label: '有人要求刷卡換現金、拆成幾筆刷或借用終端' },
          { event: 'MOVING', label: '要把終端帶到別的地方用' },
          { event: 'IMPOSTOR', label: '有人自稱服務商，要驗證碼、密碼或要「升級」' },
          { event: 'PIN_SEEN', label: '顧客輸密碼時可能被旁人看到' },
          { event: 'PUBLIC_WIFI', label: '終端連的是商場、車站等公共 Wi‑Fi' },
        ],
      },
      on: {
        ALTERED: 'documentingTerminal',
        TAMPER_ALERT: 'escalateTamper',
        UNKNOWN_TX: 'checkingRecords',
        SUSPICIOUS_CARD: 'escalateSuspiciousCard',
        CASH_OUT: 'resolvedRefuseCashOut',
        MOVING: 'escalateMove',
        IMPOSTOR: 'checkingCodeShared',
        PIN_SEEN: 'resolvedPinSafety',
        PUBLIC_WIFI: 'resolvedPrivateNetwork',
      },
    },
    documentingTerminal: {
      description: 'X1: keep evidence; was the terminal handled by strangers?',
      meta: {
        kind: 'question',
        question: '拍照留證後想一想：最近有陌生人碰過或「維修」「換過」這台終端嗎？',
        steps: ['從正面、背面、讀卡口、鍵盤各拍一張照片。', '記下機身背面的序列號。', '看機身有沒有銀聯標識。'],
        answers: [
          { event: 'YES', label: '有，或不確定' },
          { event: 'NO', label: '沒有' },
        ],
      },
      on: { YES: 'escalateSkimmingPolice', NO: 'escalateSkimming' },
    },
    checkingRecords: {
      description: 'X3: compare receipts with the terminal records.',
      meta: {
        kind: 'question',
        question: '對照小票存根和終端交易記錄，這些交易都能對上本店的小票嗎？',
        steps: ['打開終端「交易查詢」，逐筆看時間和金額。', '和收銀時留下的小票存根對照。'],
        answers: [
          { event: 'YES', label: '都能對上' },
          { event: 'NO', label: '有對不上的交易' },
        ],
      },
      on: { YES: 'resolvedRecordsMatch', NO: 'escalateUnknownTransactions' },
    },
    checkingCodeShared: {
      description: 'X9 (weak evidence): impostors asking for codes.',
      meta: {
        kind: 'question',
        question: '你已經把驗證碼、密碼告訴對方，或按對方說的操作了嗎？',
        answers: [
          { event: 'YES', label: '已經告訴或操作了' },
          { event: 'NO', label: '還沒有' },
        ],
      },
      on: { YES: 'escalateImpostor', NO: 'resolvedImpostorRefused' },
    },
    resolvedRefuseCashOut: {
      type: 'final',
      description: 'X7: refuse cash-out and split payments.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '拒絕就對了：套現和拆單都違規',
        steps: [
          '禮貌拒絕，不要刷卡換現金，不要把一筆拆成幾筆刷，不要把終端借給別人。',
          '確認終端沒有被動過後，可以恢復正常收款。',
        ],
        prevent: ['套現會被拒絕交易（如應答碼 57），收單機構可以凍結或關停商戶。', '終端只給本店員工使用。'],
      },
    },
    resolvedPinSafety: {
      type: 'final',
      description: 'X4: PIN handling.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '提醒顧客保護密碼，終端可以繼續用',
        steps: ['終端本身沒問題，可以恢復收款。', '告訴顧客：如擔心密碼洩露，盡快到發卡行修改密碼。'],
        prevent: ['讓顧客自己輸密碼，並用手遮擋鍵盤。', '收銀員不代輸、不詢問密碼。', '卡片不離開顧客視線。'],
      },
    },
    resolvedPrivateNetwork: {
      type: 'final',
      description: 'X5: avoid public Wi-Fi.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '改用店裡的加密 Wi‑Fi 或 4G',
        steps: ['在終端網絡設置裡斷開公共 Wi‑Fi。', '改連店裡設了密碼的 Wi‑Fi，或用流量卡（4G）。'],
        prevent: ['不要讓終端連任何公共 Wi‑Fi。'],
      },
    },
    resolvedRecordsMatch: {
      type: 'final',
      description: 'X3: records match.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '交易都能對上，是本店的交易',
        steps: [
          '如果是同一筆被扣了兩次，當天用「撤銷」、隔天用「退貨」退還多扣的一筆。',
          '拿不準時先問收單機構，再操作。',
        ],
        prevent: ['每天結算，保存好小票存根和結算單。'],
      },
    },
    resolvedImpostorRefused: {
      type: 'final',
      description: 'X9: refused in time.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '不要理會，自己打官方電話核實',
        steps: [
          '掛斷或不再回覆對方。',
          '自己查收單機構的官方客服電話（合約或官網上的），打過去核實。',
          '確認沒有被動過後，終端可以恢復使用。',
        ],
        prevent: ['任何人要密碼、驗證碼都不給。', '服務商上門要先核實身份和工單。'],
      },
    },
    escalateSkimming: {
      type: 'final',
      description: 'X1: report a possible skimmer.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '可能被加裝了盜刷裝置：報告收單機構',
        steps: ['終端繼續停用，保持原樣，不要自己拆下任何部件。', '把照片發給收單機構。'],
        contact: acquirer,
        tell: [...tellProvider, '哪裡看起來不一樣（附照片）', '這台終端從哪裡、什麼時候拿到的'],
      },
    },
    escalateSkimmingPolice: {
      type: 'final',
      description: 'X1: someone handled the terminal: report and call the police.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '有人動過終端：報告收單機構並報警',
        steps: [
          '終端繼續停用，保持原樣。',
          '撥打 110 報警，說明有人可能在終端上加裝了盜刷裝置。',
          '同時報告收單機構，他們可以暫停這台終端的交易。',
        ],
        contact: `${acquirer}；公安機關（110）`,
        tell: [...tellProvider, '誰、什麼時候碰過這台終端', '照片'],
      },
    },
    escalateTamper: {
      type: 'final',
      description: 'X2: tamper protection fired; the terminal cannot recover by itself.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '防拆保護觸發了：請服務商返廠或換機',
        steps: [
          '這是防拆機制：機器裡的密鑰已被清除，自己無法恢復。',
          '停止使用，查一下有沒有人拆過或動過這台終端。',
          '如果不是本店的人拆過，按「有人動過終端」報告並報警。',
        ],
        contact: acquirer,
        tell: [...tellProvider, '提示出現前終端摔過、拆過或被人拿走過嗎'],
      },
    },
    escalateSuspiciousCard: {
      type: 'final',
      description: 'X6: a card that may be counterfeit.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '可疑卡片：停止交易，按收單機構的規定處理',
        steps: [
          '停止這筆交易，不要和顧客爭執。',
          '核對屏幕上的卡號和卡面上的卡號。',
          '按收單機構的規定處理卡片，並向他們報告。',
        ],
        contact: acquirer,
        tell: [...tellProvider, '交易時間和金額', '可疑的地方（卡號不一致、應答碼等）'],
      },
    },
    escalateMove: {
      type: 'final',
      description: 'X8: moving the terminal must be reported first.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '移機前先向服務商報備',
        steps: ['終端只能在登記的經營地址使用；帶到別處用會被攔截交易、延遲結算。', '搬店前先報備，更新地址資料。'],
        contact: acquirer,
        tell: [...tellProvider, '新的經營地址', '什麼時候搬'],
      },
    },
    escalateUnknownTransactions: {
      type: 'final',
      description: 'X3: transactions that are not ours.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '有不明交易：立即聯繫收單機構',
        steps: [
          '保留小票存根、交易記錄截圖等證據。',
          '請收單機構核查，必要時暫停這台終端。',
          '懷疑被盜用時報警。',
          '對處理不滿意，可以撥打人民銀行 12363 投訴（一般先向收單機構投訴）。',
        ],
        contact: acquirer,
        tell: [...tellProvider, '對不上的交易時間、金額', '這段時間誰用過終端'],
      },
    },
    escalateImpostor: {
      type: 'final',
      description: 'X9: codes were given away.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '馬上聯繫銀行和收單機構，必要時報警',
        steps: [
          '打你的結算銀行客服，說明驗證碼或密碼可能洩露，需要時凍結賬戶。',
          '打收單機構官方客服，核實對方身份並檢查終端。',
          '有損失時撥打 110 報警。',
        ],
        contact: `${acquirer}；你的結算銀行；公安機關（110）`,
        tell: ['對方的電話號碼、說了什麼', '你告訴了對方什麼、做了什麼操作', '時間'],
      },
    },
  },
});

/** The security troubleshooter. */
export const securityFlow: Flow = {
  name: 'security',
  title: '交易安全處理',
  intro: '終端可能被改裝、提示受攻擊、出現不明交易、遇到可疑卡片或有人索要密碼時使用。',
  machine: securityMachine,
};
