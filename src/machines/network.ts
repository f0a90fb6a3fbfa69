import { setup } from 'xstate';
import type { Flow, StepMeta } from './types.ts';
import { tellProvider } from './shared.ts';

type NetworkEvent =
  | { type: 'CANNOT_CONNECT' }
  | { type: 'SLOW' }
  | { type: 'HOST_CODES' }
  | { type: 'NEW_SETUP' }
  | { type: 'YES' }
  | { type: 'NO' }
  | { type: 'SIM' }
  | { type: 'WIFI' }
  | { type: 'CABLE' }
  | { type: 'PHONE_LINE' }
  | { type: 'SUCCEEDED' }
  | { type: 'NOT_CHARGED' }
  | { type: 'UNSURE' };

/** Network and communication faults: taxonomy N1–N7. */
export const networkMachine = setup({ types: { events: {} as NetworkEvent, meta: {} as StepMeta } }).createMachine({
  id: 'network',
  initial: 'identifyingProblem',
  states: {
    identifyingProblem: {
      description: 'Sorts the symptom into N1 (no connection), N5 (timeouts), N7 (host-side codes) or N6 (new setup).',
      meta: {
        kind: 'question',
        question: '終端現在是什麼情況？',
        answers: [
          { event: 'CANNOT_CONNECT', label: '提示通訊失敗、網絡連接失敗、連接超時或簽到失敗' },
          { event: 'SLOW', label: '能聯網，但交易很慢或提示「交易超時，請重試」（68、98）' },
          { event: 'HOST_CODES', label: '每張卡都提示發卡方線路異常、交換中心異常（91、92、96）' },
          { event: 'NEW_SETUP', label: '新機器或剛換了網絡，一直連不上主機' },
        ],
      },
      on: {
        CANNOT_CONNECT: 'checkingSignal',
        SLOW: 'checkingLastPayment',
        HOST_CODES: 'waitingForHost',
        NEW_SETUP: 'escalateParameters',
      },
    },
    checkingSignal: {
      description: 'N1: is there any signal at all?',
      meta: {
        kind: 'question',
        question: '終端屏幕上的信號圖標（4G 或 Wi‑Fi）有信號嗎？',
        steps: ['看屏幕頂部的信號格或 Wi‑Fi 圖標。'],
        answers: [
          { event: 'YES', label: '有信號' },
          { event: 'NO', label: '沒有信號或信號很弱' },
        ],
      },
      on: { YES: 'restartingTerminal', NO: 'checkingConnectionType' },
    },
    checkingConnectionType: {
      description: 'N2–N4: which kind of connection the terminal uses.',
      meta: {
        kind: 'question',
        question: '這台終端用什麼方式上網？',
        note: '不知道的話，看終端「網絡設置」裡選的是哪一種。',
        answers: [
          { event: 'SIM', label: '插了流量卡（4G）' },
          { event: 'WIFI', label: '連店裡的 Wi‑Fi' },
          { event: 'CABLE', label: '插網線' },
          { event: 'PHONE_LINE', label: '接電話線（老式撥號機）' },
        ],
      },
      on: { SIM: 'checkingSim', WIFI: 'checkingWifi', CABLE: 'checkingCable', PHONE_LINE: 'checkingPhoneLine' },
    },
    checkingSim: {
      description: 'N2: SIM card signal, balance and contact.',
      meta: {
        kind: 'question',
        question: '做完下面幾步，有信號了嗎？',
        steps: [
          '把終端移到窗邊或開闊的地方。',
          '確認流量卡沒有欠費、套餐沒有到期（問服務商，報機身上的序列號）。',
          '關機，取出流量卡，用乾布擦一擦金屬面，重新插好再開機。',
        ],
        answers: [
          { event: 'YES', label: '有信號了' },
          { event: 'NO', label: '還是沒有' },
        ],
      },
      on: { YES: 'resolvedConnected', NO: 'escalateSim' },
    },
    checkingWifi: {
      description: 'N3: Wi-Fi after a router restart or password change.',
      meta: {
        kind: 'question',
        question: '做完下面幾步，連上了嗎？',
        steps: [
          '在終端「網絡設置」裡重新選擇店裡的 Wi‑Fi，輸入現在的密碼。',
          '關掉路由器電源，等 30 秒再打開；路由器恢復後重啟終端。',
        ],
        note: '不要連商場、車站等公共 Wi‑Fi，也不要用需要打開網頁登錄的 Wi‑Fi。',
        answers: [
          { event: 'YES', label: '連上了' },
          { event: 'NO', label: '還是連不上' },
        ],
      },
      on: { YES: 'resolvedConnected', NO: 'tryingMobileData' },
    },
    tryingMobileData: {
      description: 'N3: fall back to 4G while Wi-Fi is down.',
      meta: {
        kind: 'question',
        question: '終端裡有流量卡嗎？切換到 4G 後能交易嗎？',
        steps: ['在「網絡設置」裡關掉 Wi‑Fi，改用移動網絡。'],
        answers: [
          { event: 'YES', label: '能交易了' },
          { event: 'NO', label: '沒有流量卡，或還是不行' },
        ],
      },
      on: { YES: 'resolvedMobileData', NO: 'escalateProvider' },
    },
    checkingCable: {
      description: 'N4: wired Ethernet.',
      meta: {
        kind: 'question',
        question: '做完下面幾步，能交易了嗎？',
        steps: [
          '拔下網線兩頭重新插緊，或換路由器上另一個網口。',
          '看網口旁的指示燈亮不亮。',
          '終端的 IP 設置（自動或固定）要和路由器一致；拿不準就選「自動獲取」。',
        ],
        answers: [
          { event: 'YES', label: '能交易了' },
          { event: 'NO', label: '還是不行' },
        ],
      },
      on: { YES: 'resolvedConnected', NO: 'escalateProvider' },
    },
    checkingPhoneLine: {
      description: 'N4: dial-up terminals on a phone line.',
      meta: {
        kind: 'question',
        question: '把電話線改接到一部電話機上，能聽到撥號音、打得出去嗎？',
        answers: [
          { event: 'YES', label: '電話正常' },
          { event: 'NO', label: '沒有撥號音、有雜音或打不出去' },
        ],
      },
      on: { YES: 'escalateProvider', NO: 'escalatePhoneLine' },
    },
    restartingTerminal: {
      description: 'N1: signal but no host: restart and sign in again.',
      meta: {
        kind: 'question',
        question: '重啟後再簽到，能交易了嗎？',
        steps: ['關掉終端，再重啟路由器（如果用 Wi‑Fi）。', '終端開機後，在管理菜單做一次「簽到」。'],
        answers: [
          { event: 'YES', label: '能交易了' },
          { event: 'NO', label: '還是連不上主機' },
        ],
      },
      on: { YES: 'resolvedConnected', NO: 'checkingOtherDevices' },
    },
    checkingOtherDevices: {
      description: 'N1: is it the line or the terminal?',
      meta: {
        kind: 'question',
        question: '店裡的手機或電腦連同一個網絡，能正常上網嗎？',
        answers: [
          { event: 'YES', label: '能上網' },
          { event: 'NO', label: '也上不了網' },
        ],
      },
      on: { YES: 'escalateProvider', NO: 'escalateNetworkOperator' },
    },
    checkingLastPayment: {
      description: 'N5: before anything else, make sure the last payment is not charged twice.',
      meta: {
        kind: 'question',
        question: '先查上一筆：那筆錢扣成功了嗎？',
        steps: ['在終端「交易查詢」或「交易記錄」裡看最後一筆。', '也可以請顧客看手機上有沒有扣款短信。'],
        note: '沒查清楚之前，不要重新收款，以免重複扣款。',
        answers: [
          { event: 'SUCCEEDED', label: '已經成功扣款' },
          { event: 'NOT_CHARGED', label: '確認沒有扣款' },
          { event: 'UNSURE', label: '查不到，不確定' },
        ],
      },
      on: { SUCCEEDED: 'resolvedReprint', NOT_CHARGED: 'switchingNetwork', UNSURE: 'escalateCheckPayment' },
    },
    switchingNetwork: {
      description: 'N5: try the other network.',
      meta: {
        kind: 'question',
        question: '換一種網絡（Wi‑Fi 和 4G 互換）再做這一筆，還超時嗎？',
        note: '中午、晚上高峰或銀行系統維護時會慢一些，可以稍等幾分鐘再試。',
        answers: [
          { event: 'NO', label: '不超時了' },
          { event: 'YES', label: '還是超時' },
        ],
      },
      on: { NO: 'resolvedConnected', YES: 'escalateProvider' },
    },
    waitingForHost: {
      description: 'N7: host-side codes are not a terminal fault; wait and retry.',
      meta: {
        kind: 'question',
        question: '等 10 分鐘左右再試，恢復了嗎？',
        steps: [
          '這類提示是發卡行或銀聯那邊的線路問題，不是你的終端壞了。',
          '期間可以請顧客用其他銀行的卡或其他方式付款。',
        ],
        answers: [
          { event: 'YES', label: '恢復了' },
          { event: 'NO', label: '很久都沒恢復' },
        ],
      },
      on: { YES: 'resolvedWaited', NO: 'escalateProvider' },
    },
    resolvedConnected: {
      type: 'final',
      description: 'Connection restored.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '網絡恢復了，可以繼續收款',
        steps: ['先做一筆小額交易或簽到，確認正常。', '如果剛才有交易中斷，先查交易記錄，確認沒有重複扣款。'],
        prevent: [
          '記下店裡 Wi‑Fi 的名稱和密碼，改密碼後記得在終端上也改。',
          '流量卡按時續費，到期前問服務商。',
          '終端放在信號好的地方，不要放在金屬櫃裡。',
        ],
      },
    },
    resolvedMobileData: {
      type: 'final',
      description: 'Working on 4G while Wi-Fi is fixed.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '暫時用 4G 收款，再修 Wi‑Fi',
        steps: ['先用 4G 繼續收款。', '有空時檢查路由器：是否換了密碼、換了網段或要網頁登錄；需要時問寬帶公司。'],
        prevent: ['路由器不要隨便改密碼；改了要同時改終端裡的設置。', '保留流量卡做備用網絡。'],
      },
    },
    resolvedReprint: {
      type: 'final',
      description: 'The payment succeeded: reprint, never charge again.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '這筆已經收到，補打小票即可',
        steps: ['在終端上選「重打印」，打印上一筆小票。', '不要再刷一次，否則顧客會被扣兩次錢。'],
        prevent: ['交易超時後，先查交易記錄再決定要不要重做。', '網絡不穩時優先用信號好的網絡。'],
      },
    },
    resolvedWaited: {
      type: 'final',
      description: 'Host recovered.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '銀行那邊恢復了，可以繼續收款',
        steps: ['照常收款。剛才失敗的交易沒有扣款，可以重新做。'],
        prevent: ['再遇到 91、92、96，先等幾分鐘，不用重啟或修改終端。'],
      },
    },
    escalateSim: {
      type: 'final',
      description: 'SIM card or slot problem.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '流量卡可能欠費或損壞，請服務商處理',
        steps: ['暫時改用 Wi‑Fi 或其他方式收款。'],
        contact: '收單機構或服務商客服（流量卡一般由他們提供）',
        tell: [...tellProvider, '流量卡卡號（ICCID，卡片或設置裡能看到）', '已經移過位置、擦過卡、重插過'],
      },
    },
    escalateProvider: {
      type: 'final',
      description: 'Line works but the host cannot be reached: the provider checks parameters and host status.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '網絡正常但連不上銀行主機，請服務商檢查',
        steps: ['不要自己修改主機地址、端口或密鑰，這些參數只能由服務商遠程下發。', '暫時請顧客用其他方式付款。'],
        contact: '收單機構或服務商客服',
        tell: [...tellProvider, '用什麼方式上網（4G、Wi‑Fi、網線、電話線）', '已經重啟過終端和路由器、重新簽到過'],
      },
    },
    escalatePhoneLine: {
      type: 'final',
      description: 'Dial-up line is down.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '電話線路有問題，請聯繫電話公司',
        steps: ['查一下電話費是否欠費。', '暫時請顧客用其他方式付款。'],
        contact: '電話線路所屬的電信公司客服',
        tell: ['電話號碼', '沒有撥號音或有雜音', '終端用這條線刷卡'],
      },
    },
    escalateNetworkOperator: {
      type: 'final',
      description: 'The shop internet is down.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '店裡的網絡斷了，請聯繫寬帶公司',
        steps: ['有流量卡的話，先把終端切到 4G 收款。'],
        contact: '寬帶公司客服',
        tell: ['寬帶賬號或安裝地址', '路由器已經重啟過，手機電腦都上不了網'],
      },
    },
    escalateCheckPayment: {
      type: 'final',
      description: 'Unknown outcome of a timed-out payment: ask before charging again.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '先請收單機構查清這筆，再決定要不要重做',
        steps: [
          '不要重新收款。',
          '記下時間、金額和卡號後四位。',
          '超時沒成功的交易，終端一般會自動沖正，錢會退回顧客。',
        ],
        contact: '收單機構客服',
        tell: [...tellProvider, '交易時間和金額', '屏幕提示（如交易超時、68、98）'],
      },
    },
    escalateParameters: {
      type: 'final',
      description: 'N6: communication parameters come from the provider (weak evidence: varies by provider).',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '通訊參數要由服務商下發',
        steps: [
          '你只需要設置店裡的 Wi‑Fi 或流量卡；主機地址、端口等由服務商遠程下發，不要自己改。',
          '各家服務商的做法不完全一樣，以他們的說明為準。',
        ],
        contact: '收單機構或服務商客服',
        tell: [...tellProvider, '新裝機或剛換了網絡'],
      },
    },
  },
});

/** The network troubleshooter. */
export const networkFlow: Flow = {
  name: 'network',
  title: '網絡故障排查',
  intro: '終端提示通訊失敗、連不上網、交易超時，或所有卡都提示線路異常時使用。',
  machine: networkMachine,
};
