import { setup } from 'xstate';
import type { Flow, StepMeta } from './types.ts';
import { providerContact, tellProvider } from './shared.ts';

type HardwareEvent =
  | { type: 'NO_POWER' }
  | { type: 'BATTERY' }
  | { type: 'PRINTER' }
  | { type: 'CARD' }
  | { type: 'KEYS' }
  | { type: 'SCREEN' }
  | { type: 'CLOCK' }
  | { type: 'LOOKS_ALTERED' }
  | { type: 'YES' }
  | { type: 'NO' }
  | { type: 'DAMAGED' }
  | { type: 'SWOLLEN' }
  | { type: 'BLANK' }
  | { type: 'FAINT' }
  | { type: 'JAM' }
  | { type: 'ONE_CARD' }
  | { type: 'ALL_CARDS' }
  | { type: 'CHIP' }
  | { type: 'SWIPE' }
  | { type: 'TAP' }
  | { type: 'EVERY_WAY' };

const neverOpen = '不要自己拆開終端：它有防拆保護，一拆開裡面的密鑰就會被清除，機器就不能用了。';

/** Hardware faults: taxonomy H1–H12 (and X1 when the terminal looks altered). */
export const hardwareMachine = setup({ types: { events: {} as HardwareEvent, meta: {} as StepMeta } }).createMachine({
  id: 'hardware',
  initial: 'identifyingSymptom',
  states: {
    identifyingSymptom: {
      description: 'Find the fault type first (seed: 確認故障類型).',
      meta: {
        kind: 'question',
        question: '終端哪裡不對？',
        answers: [
          { event: 'NO_POWER', label: '黑屏、開不了機、屏幕不亮' },
          { event: 'BATTERY', label: '不充電、一拔電就關機、掉電快' },
          { event: 'PRINTER', label: '打印小票有問題（缺紙、空白、字淡、卡紙）' },
          { event: 'CARD', label: '讀不了卡（刷卡、插卡或閃付）' },
          { event: 'KEYS', label: '按鍵或觸屏不靈' },
          { event: 'SCREEN', label: '屏幕碎了、花屏、顯示不全' },
          { event: 'CLOCK', label: '小票上的日期時間不對' },
          { event: 'LOOKS_ALTERED', label: '讀卡口或鍵盤看起來不一樣（加厚、鬆動、多了東西）' },
        ],
      },
      on: {
        NO_POWER: 'chargingTerminal',
        BATTERY: 'checkingCharger',
        PRINTER: 'checkingPaper',
        CARD: 'checkingAllCards',
        KEYS: 'checkingKeys',
        SCREEN: 'escalateScreen',
        CLOCK: 'syncingClock',
        LOOKS_ALTERED: 'escalateSecurity',
      },
    },
    chargingTerminal: {
      description: 'H1: a flat battery is the usual cause of a black screen.',
      meta: {
        kind: 'question',
        question: '充電後長按電源鍵，能開機嗎？',
        steps: ['用原裝充電器充電 10–30 分鐘。', '長按電源鍵幾秒鐘開機；沒反應就再長按一次強制重啟。'],
        answers: [
          { event: 'YES', label: '開機了' },
          { event: 'NO', label: '還是沒反應' },
          { event: 'DAMAGED', label: '摔過、進過水，或充電口鬆動變形' },
        ],
      },
      on: { YES: 'resolvedPowerBack', NO: 'checkingCharger', DAMAGED: 'escalateRepair' },
    },
    checkingCharger: {
      description: 'H1/H2: rule out the socket, cable and charger.',
      meta: {
        kind: 'question',
        question: '換插座、換原裝或同規格的充電器和線之後，能正常充電嗎？',
        steps: [
          '換一個插座。',
          '換原裝或同規格的充電器和數據線。',
          '看充電口裡有沒有灰塵、紙屑，用乾的軟毛刷輕輕清掉。',
        ],
        answers: [
          { event: 'YES', label: '能充電了' },
          { event: 'NO', label: '還是不充電或很快沒電' },
          { event: 'SWOLLEN', label: '電池鼓起來、機身變形或發燙' },
        ],
      },
      on: { YES: 'resolvedPowerBack', NO: 'escalateRepair', SWOLLEN: 'escalateBatterySafety' },
    },
    checkingPaper: {
      description: 'H3: out of paper.',
      meta: {
        kind: 'question',
        question: '屏幕提示「缺紙」，或打開紙倉看到紙用完了嗎？',
        answers: [
          { event: 'YES', label: '是，沒紙了' },
          { event: 'NO', label: '有紙，但打不好' },
        ],
      },
      on: { YES: 'resolvedPaperLoaded', NO: 'checkingPrintout' },
    },
    checkingPrintout: {
      description: 'H4/H5: what the printout looks like.',
      meta: {
        kind: 'question',
        question: '小票打出來是什麼樣子？',
        answers: [
          { event: 'BLANK', label: '出紙了，但全是白的' },
          { event: 'FAINT', label: '字很淡或缺字' },
          { event: 'JAM', label: '卡紙、不走紙、一直走紙或提示「打印機異常」' },
        ],
      },
      on: { BLANK: 'resolvedPaperFlipped', FAINT: 'checkingNewPaper', JAM: 'clearingJam' },
    },
    checkingNewPaper: {
      description: 'H4: damp or expired thermal paper.',
      meta: {
        kind: 'question',
        question: '換一卷新的、合格的熱敏紙，字清楚了嗎？',
        note: '熱敏紙受潮、過期或質量差，打出來的字就會淡。',
        answers: [
          { event: 'YES', label: '清楚了' },
          { event: 'NO', label: '還是淡' },
        ],
      },
      on: { YES: 'resolvedPrinting', NO: 'escalateRepair' },
    },
    clearingJam: {
      description: 'H5: paper jam.',
      meta: {
        kind: 'question',
        question: '取出卡住的紙、重新裝紙並重啟後，能打印了嗎？',
        steps: [
          '先關機。',
          '打開紙倉蓋，把卡住的紙輕輕取出，不要用尖東西去撬。',
          '重新裝好紙卷，紙頭從出紙口拉出一點再合蓋。',
          '開機，打印一張試試。',
        ],
        note: neverOpen,
        answers: [
          { event: 'YES', label: '能打印了' },
          { event: 'NO', label: '還是不行' },
        ],
      },
      on: { YES: 'resolvedPrinting', NO: 'escalateRepair' },
    },
    checkingAllCards: {
      description: 'H6: one card or all cards?',
      meta: {
        kind: 'question',
        question: '是所有卡都讀不出，還是只有某一張卡？',
        steps: ['用另一張卡（比如你自己的卡）試一下。'],
        answers: [
          { event: 'ONE_CARD', label: '只有顧客這一張卡不行' },
          { event: 'ALL_CARDS', label: '換了卡也不行' },
        ],
      },
      on: { ONE_CARD: 'resolvedCustomerCard', ALL_CARDS: 'checkingCardMethod' },
    },
    checkingCardMethod: {
      description: 'H7–H9: which reading method fails.',
      meta: {
        kind: 'question',
        question: '哪一種讀卡方式不行？',
        answers: [
          { event: 'CHIP', label: '插卡（芯片）不行，提示「IC 卡上電錯誤」等' },
          { event: 'SWIPE', label: '刷磁條沒反應' },
          { event: 'TAP', label: '閃付、揮卡沒反應' },
          { event: 'EVERY_WAY', label: '哪種方式都不行' },
        ],
      },
      on: { CHIP: 'checkingChipInsert', SWIPE: 'checkingSwipe', TAP: 'checkingTap', EVERY_WAY: 'cleaningReader' },
    },
    checkingChipInsert: {
      description: 'H7: chip read errors, and why falling back to the magnetic stripe is refused (45).',
      meta: {
        kind: 'question',
        question: '按下面的方法插卡，能讀了嗎？',
        steps: ['芯片朝上、朝機器方向，插到底。', '交易完成、屏幕提示拔卡之前不要拔卡。', '再用另一張芯片卡試一下。'],
        note: '芯片卡不要改刷磁條：這類交易已被限制，會被拒絕（應答碼 45）。',
        answers: [
          { event: 'YES', label: '能讀了' },
          { event: 'NO', label: '幾張正常的芯片卡都讀不出' },
        ],
      },
      on: { YES: 'resolvedCardRead', NO: 'escalateCardReader' },
    },
    checkingSwipe: {
      description: 'H8: magnetic stripe.',
      meta: {
        kind: 'question',
        question: '按下面的方法刷卡，能讀了嗎？',
        steps: ['磁條朝向按機身上的圖示，從頭到尾勻速刷過去，不要太快或中途停。', '如果是帶芯片的卡，改為插卡。'],
        answers: [
          { event: 'YES', label: '能讀了' },
          { event: 'NO', label: '所有磁條卡都沒反應' },
        ],
      },
      on: { YES: 'resolvedCardRead', NO: 'escalateCardReader' },
    },
    checkingTap: {
      description: 'H9: contactless.',
      meta: {
        kind: 'question',
        question: '按下面的方法揮卡，能讀了嗎？',
        steps: [
          '先在終端上輸入金額，等屏幕提示「請揮卡／閃付」。',
          '把卡貼近感應區，停 1–2 秒。',
          '請顧客取下手機殼，或把其他卡拿開再試。',
          '還不行就改為插卡。',
        ],
        answers: [
          { event: 'YES', label: '能讀了' },
          { event: 'NO', label: '所有卡都揮不了' },
        ],
      },
      on: { YES: 'resolvedCardRead', NO: 'escalateCardReader' },
    },
    cleaningReader: {
      description: 'H6: all cards, all methods: clean and restart before calling.',
      meta: {
        kind: 'question',
        question: '清潔讀卡口並重啟終端後，能讀卡了嗎？',
        steps: [
          '關機。',
          '用乾的軟布或清潔卡擦一擦刷卡槽和插卡口，不要用水或酒精噴進去。',
          '開機，做一次簽到，再試讀卡。',
        ],
        note: neverOpen,
        answers: [
          { event: 'YES', label: '能讀了' },
          { event: 'NO', label: '還是都讀不出' },
        ],
      },
      on: { YES: 'resolvedCardRead', NO: 'escalateCardReader' },
    },
    checkingKeys: {
      description: 'H10 (weak evidence): keys or touch screen; an altered keypad is a security matter.',
      meta: {
        kind: 'question',
        question: '清潔並重啟後，按鍵或觸屏正常了嗎？',
        steps: ['用乾的軟布擦乾淨鍵盤或屏幕。', '重啟終端。'],
        note: '這類問題資料較少，各品牌處理不一，以服務商說明為準。',
        answers: [
          { event: 'YES', label: '正常了' },
          { event: 'NO', label: '還是不靈' },
          { event: 'LOOKS_ALTERED', label: '鍵盤看起來加厚、鬆動或多了一層' },
        ],
      },
      on: { YES: 'resolvedKeys', NO: 'escalateRepair', LOOKS_ALTERED: 'escalateSecurity' },
    },
    syncingClock: {
      description: 'H12: date and time.',
      meta: {
        kind: 'question',
        question: '充電、聯網並校時之後，時間對了嗎？',
        steps: [
          '先把電充足：電量太低時時鐘會重置。',
          '聯網後做一次簽到，很多終端會自動同步時間。',
          '沒有自動同步的話，在「系統設置」裡手動改成正確的日期和時間。',
        ],
        answers: [
          { event: 'YES', label: '對了' },
          { event: 'NO', label: '改了又變回去，或越走越偏' },
        ],
      },
      on: { YES: 'resolvedClock', NO: 'escalateRepair' },
    },
    resolvedPowerBack: {
      type: 'final',
      description: 'H1/H2 resolved by charging.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '充好電就恢復了',
        steps: ['開機後做一次簽到，再收款。', '檢查日期時間是否正確（沒電時可能被重置）。'],
        prevent: ['每天收工後充電，不要等到自動關機。', '用原裝充電器，不要在高溫、潮濕的地方充電。'],
      },
    },
    resolvedPaperLoaded: {
      type: 'final',
      description: 'H3: load paper and reprint; never charge again.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '裝上新紙，補打剛才的小票',
        steps: [
          '打開紙倉蓋，放入新的熱敏紙卷，紙頭從出紙口拉出一點，合上蓋。',
          '在終端上選「重打印」補打上一筆。',
          '剛才那筆如果已經成功，不要再刷一次。',
        ],
        prevent: ['紙卷快用完時（紙上出現紅色條紋）就換。', '店裡常備幾卷熱敏紙。'],
      },
    },
    resolvedPaperFlipped: {
      type: 'final',
      description: 'H4: blank receipts mean the roll is in the wrong way round.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '紙裝反了，翻過來重裝',
        steps: [
          '熱敏紙只有一面能顯色：打開紙倉，把紙卷翻個面重新裝。',
          '用指甲在紙上劃一下，會變黑的那面朝向打印頭。',
          '在終端上選「重打印」補打上一筆。',
        ],
        prevent: ['換紙時先用指甲劃一下，分清顯色面。'],
      },
    },
    resolvedPrinting: {
      type: 'final',
      description: 'H4/H5 resolved.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '打印恢復正常',
        steps: ['在終端上選「重打印」補打沒打出來的小票。', '已經成功的交易不要重新刷卡。'],
        prevent: ['熱敏紙放在乾燥陰涼處，不要買過期或太便宜的紙。', '換紙時把紙頭拉直，不要斜著塞。'],
      },
    },
    resolvedCustomerCard: {
      type: 'final',
      description: 'H6: the customer’s card is the problem.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '是顧客的卡有問題，終端沒壞',
        steps: ['請顧客換一張卡，或用其他方式付款。', '卡片可能磨損、過期或損壞，請顧客聯繫自己的發卡行。'],
        prevent: ['讀卡失敗時先用另一張卡試一下，分清是卡還是機器的問題。'],
      },
    },
    resolvedCardRead: {
      type: 'final',
      description: 'H7–H9 resolved by correct handling or cleaning.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '讀卡恢復正常',
        steps: ['繼續收款。芯片卡優先插卡，不要改刷磁條。'],
        prevent: ['定期用乾布或清潔卡清潔讀卡口。', '提醒顧客插卡時芯片朝上、插到底，完成前不拔卡。'],
      },
    },
    resolvedKeys: {
      type: 'final',
      description: 'H10 resolved.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '按鍵恢復正常',
        steps: ['繼續收款，輸入金額後核對一遍再確認。'],
        prevent: ['不要用濕手或沾油的手按鍵；終端遠離水杯和油煙。'],
      },
    },
    resolvedClock: {
      type: 'final',
      description: 'H12 resolved.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '時間改好了',
        steps: ['打印一張小票，確認日期時間正確。'],
        prevent: ['不要讓終端長時間沒電，時鐘會被重置。'],
      },
    },
    escalateRepair: {
      type: 'final',
      description: 'Hardware repair by the provider.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '需要服務商維修或換機',
        steps: [neverOpen, '暫時請顧客用其他方式付款。', '把這次故障記到維修記錄裡：誰、什麼時候、做了什麼。'],
        contact: providerContact,
        tell: [...tellProvider, '故障現象，以及你已經試過的方法'],
      },
    },
    escalateBatterySafety: {
      type: 'final',
      description: 'H2: a swollen battery is a safety risk.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '電池鼓包：馬上停用，請服務商換電池',
        steps: ['立即拔掉充電器，停止使用。', '把終端放在遠離易燃物的地方，不要擠壓、不要自己拆電池。'],
        contact: providerContact,
        tell: [...tellProvider, '電池鼓起或機身變形、發燙'],
      },
    },
    escalateCardReader: {
      type: 'final',
      description: 'H6–H9: card reader fault.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '讀卡器可能壞了，請服務商維修或換機',
        steps: [neverOpen, '暫時請顧客用掃碼等其他方式付款。'],
        contact: providerContact,
        tell: [...tellProvider, '哪種讀卡方式不行（插卡、刷卡、閃付）', '換過幾張卡、清潔並重啟過'],
      },
    },
    escalateScreen: {
      type: 'final',
      description: 'H11 (weak evidence): a broken screen.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '屏幕壞了：停止使用，請服務商換機',
        steps: ['看不清屏幕時，不要在上面輸入金額或讓顧客輸密碼。', '暫時用其他方式收款。'],
        contact: providerContact,
        tell: [...tellProvider, '屏幕碎裂或花屏的情況（可以拍照）'],
      },
    },
    escalateSecurity: {
      type: 'final',
      description: 'X1: an altered card slot or keypad may be a skimmer.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '可能被加裝了盜刷裝置：立即停用並報告',
        steps: [
          '立即停止使用這台終端，保持原樣，不要自己拆下任何部件。',
          '拍照留存，改用其他方式收款。',
          '打開「交易安全」排查，按提示報告。',
        ],
        contact: '收單機構客服；懷疑有人作案時報警（110）',
        tell: [...tellProvider, '哪裡看起來不一樣（附照片）', '最近有沒有陌生人碰過或「維修」過這台終端'],
      },
    },
  },
});

/** The hardware troubleshooter. */
export const hardwareFlow: Flow = {
  name: 'hardware',
  title: '硬件故障排查',
  intro: '終端開不了機、不充電、打印不出小票、讀不了卡、按鍵或屏幕異常時使用。',
  machine: hardwareMachine,
};
