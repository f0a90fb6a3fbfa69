import { setup } from 'xstate';
import type { Flow, StepMeta } from './types.ts';
import { providerContact, tellProvider } from './shared.ts';

type SoftwareEvent =
  | { type: 'SIGN_IN' }
  | { type: 'KEYS' }
  | { type: 'PARAMS' }
  | { type: 'SETTLEMENT' }
  | { type: 'REVERSAL' }
  | { type: 'APP_CRASH' }
  | { type: 'FROZEN' }
  | { type: 'AFTER_RESET' }
  | { type: 'YES' }
  | { type: 'NO' }
  | { type: 'SUCCEEDED' }
  | { type: 'NOT_CHARGED' }
  | { type: 'UNSURE' }
  | { type: 'DONE' }
  | { type: 'CANNOT_SETTLE' };

/**
 * Software faults: taxonomy S1–S8. Any state that leads to reinstalling or resetting is reached
 * only through `settleAndBackUp` (the seed: back up first), and the reset itself is done with the
 * provider, never alone.
 */
export const softwareMachine = setup({ types: { events: {} as SoftwareEvent, meta: {} as StepMeta } }).createMachine({
  id: 'software',
  initial: 'identifyingProblem',
  states: {
    identifyingProblem: {
      description: 'Sorts the screen message into S1–S8.',
      meta: {
        kind: 'question',
        question: '屏幕上是什麼情況？',
        answers: [
          { event: 'SIGN_IN', label: '提示「請先簽到」「未簽到」或應答碼 77' },
          { event: 'KEYS', label: '提示「主密鑰不存在」「密鑰錯誤」「MAC 校驗錯」（A0、99）' },
          { event: 'PARAMS', label: '提示「未下載參數」，或終端號、商戶號是空的' },
          { event: 'SETTLEMENT', label: '結算失敗、對賬不平' },
          { event: 'REVERSAL', label: '提示「沖正失敗」，或顧客被扣款卻沒出小票' },
          { event: 'APP_CRASH', label: '收款 App 閃退、打不開、升級後卡住' },
          { event: 'FROZEN', label: '反應很慢、卡死、死機' },
          { event: 'AFTER_RESET', label: '恢復出廠設置後不能交易' },
        ],
      },
      on: {
        SIGN_IN: 'signingIn',
        KEYS: 'signingInForKeys',
        PARAMS: 'escalateParameters',
        SETTLEMENT: 'retryingSettlement',
        REVERSAL: 'checkingReversal',
        APP_CRASH: 'restartingApp',
        FROZEN: 'restartingFrozen',
        AFTER_RESET: 'escalateWipedTerminal',
      },
    },
    signingIn: {
      description: 'S8: sign in from the management menu.',
      meta: {
        kind: 'question',
        question: '在管理菜單裡做一次「簽到」，成功了嗎？',
        steps: ['進入終端的管理或設置菜單，選「簽到」。', '輸入操作員號和密碼（開通時服務商告訴你的）。'],
        note: '開機後或過了零點，很多終端都要先簽到才能交易。',
        answers: [
          { event: 'YES', label: '簽到成功' },
          { event: 'NO', label: '簽到失敗' },
        ],
      },
      on: { YES: 'resolvedSignedIn', NO: 'checkingNetworkForSignIn' },
    },
    checkingNetworkForSignIn: {
      description: 'S8: most sign-in failures are network failures.',
      meta: {
        kind: 'question',
        question: '終端有信號、網絡正常嗎？',
        answers: [
          { event: 'YES', label: '網絡正常' },
          { event: 'NO', label: '沒信號或提示通訊失敗' },
        ],
      },
      on: { YES: 'escalateKeys', NO: 'resolvedCheckNetwork' },
    },
    signingInForKeys: {
      description: 'S4: a fresh sign-in renews the working keys.',
      meta: {
        kind: 'question',
        question: '先做一次簽到，再做交易，還提示密鑰或 MAC 錯誤嗎？',
        steps: ['在管理菜單裡選「簽到」。', '簽到成功後做一筆小額交易試試。'],
        note: '密鑰不能自己修改或生成，只能由收單機構或服務商遠程同步或重新灌裝。',
        answers: [
          { event: 'NO', label: '不提示了' },
          { event: 'YES', label: '還是提示' },
        ],
      },
      on: { NO: 'resolvedSignedIn', YES: 'escalateKeys' },
    },
    retryingSettlement: {
      description: 'S6: settle again after signing in.',
      meta: {
        kind: 'question',
        question: '確認已簽到、網絡正常後，重新結算，成功了嗎？',
        steps: ['先做一次簽到。', '在管理菜單裡選「結算」。', '結算前核對一下這一批交易的筆數和金額。'],
        note: '對賬不平一般不影響已經聯機成功的交易入賬。',
        answers: [
          { event: 'YES', label: '結算成功' },
          { event: 'NO', label: '還是失敗或不平' },
        ],
      },
      on: { YES: 'resolvedSettled', NO: 'escalateSettlement' },
    },
    checkingReversal: {
      description: 'S7: find out whether the payment went through before charging again.',
      meta: {
        kind: 'question',
        question: '先不要重新收款。查一下這筆交易，扣款成功了嗎？',
        steps: ['在終端「交易查詢」裡看這一筆。', '請顧客看手機上有沒有扣款短信。'],
        answers: [
          { event: 'SUCCEEDED', label: '已經扣款成功' },
          { event: 'NOT_CHARGED', label: '確認沒有扣款' },
          { event: 'UNSURE', label: '查不清楚' },
        ],
      },
      on: { SUCCEEDED: 'resolvedReprint', NOT_CHARGED: 'resolvedChargeOnce', UNSURE: 'escalateReversal' },
    },
    restartingApp: {
      description: 'S1: restart first.',
      meta: {
        kind: 'question',
        question: '重啟終端後，收款 App 能正常打開嗎？',
        answers: [
          { event: 'YES', label: '能打開了' },
          { event: 'NO', label: '還是閃退或打不開' },
        ],
      },
      on: { YES: 'resolvedRestarted', NO: 'clearingCache' },
    },
    clearingCache: {
      description: 'S1: clear the app cache (does not delete transactions on most terminals).',
      meta: {
        kind: 'question',
        question: '清除這個 App 的緩存後，能打開嗎？',
        steps: ['在「系統設置 → 應用」裡找到收款 App。', '選「清除緩存」。不要選「清除數據」或「卸載」。'],
        answers: [
          { event: 'YES', label: '能打開了' },
          { event: 'NO', label: '還是不行' },
        ],
      },
      on: { YES: 'resolvedRestarted', NO: 'settleAndBackUp' },
    },
    settleAndBackUp: {
      description: 'Before any reinstall or reset: settle so the batch is uploaded, and back up.',
      meta: {
        kind: 'question',
        question: '重裝之前，先結算並備份。做完了嗎？',
        steps: [
          '做一次「結算」，讓這一批交易全部上送。',
          '記下終端號、商戶號和網絡設置（可以拍照）。',
          '保留好今天的小票存根。',
        ],
        note: '重裝或恢復出廠會清掉參數和交易數據。沒結算、沒備份就不要重裝。',
        answers: [
          { event: 'DONE', label: '已結算、已備份' },
          { event: 'CANNOT_SETTLE', label: '結算不了（App 打不開）' },
        ],
      },
      on: { DONE: 'escalateReinstall', CANNOT_SETTLE: 'escalateBeforeReinstall' },
    },
    restartingFrozen: {
      description: 'S2: restart and tidy up.',
      meta: {
        kind: 'question',
        question: '重啟、清緩存、卸載無關的應用後，還卡嗎？',
        steps: ['重啟終端。', '在系統設置裡清除收款 App 的緩存。', '卸載不是服務商裝的其他應用。'],
        answers: [
          { event: 'NO', label: '不卡了' },
          { event: 'YES', label: '還是卡或經常死機' },
        ],
      },
      on: { NO: 'resolvedRestarted', YES: 'updatingSystem' },
    },
    updatingSystem: {
      description: 'S2: install the provider’s official update, if any.',
      meta: {
        kind: 'question',
        question: '終端有服務商推送的正式更新嗎？先結算，再更新，好了嗎？',
        steps: ['先做一次「結算」。', '只安裝服務商推送的正式版本，不要裝來路不明的版本。'],
        answers: [
          { event: 'YES', label: '更新後好了' },
          { event: 'NO', label: '沒有更新，或更新後還是卡' },
        ],
      },
      on: { YES: 'resolvedRestarted', NO: 'escalateRepair' },
    },
    resolvedSignedIn: {
      type: 'final',
      description: 'S4/S8 resolved by signing in.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '簽到成功，可以繼續收款',
        steps: ['做一筆小額交易確認正常。'],
        prevent: ['每天開機後先簽到。', '終端不要長期不用：閒置幾個月後密鑰可能失效，要找服務商重新同步。'],
      },
    },
    resolvedCheckNetwork: {
      type: 'final',
      description: 'S8 caused by the network: go to the network troubleshooter.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '先把網絡修好，再簽到',
        steps: ['簽到要聯網。打開「網絡故障排查」，按步驟把網絡修好。', '網絡恢復後再做一次簽到。'],
        prevent: ['簽到失敗時先看信號圖標。'],
      },
    },
    resolvedSettled: {
      type: 'final',
      description: 'S6 resolved.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '結算成功',
        steps: ['打印結算單，和當天的小票存根一起保存。'],
        prevent: ['每天收工前結算一次，先簽到再結算。'],
      },
    },
    resolvedReprint: {
      type: 'final',
      description: 'S7: the payment succeeded; reprint, never charge again.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '已經扣款成功，補打小票即可',
        steps: ['在終端上選「重打印」補打這一筆。', '不要再刷一次，否則顧客會被扣兩次錢。'],
        prevent: ['交易中途出錯時，先查交易記錄，再決定要不要重做。'],
      },
    },
    resolvedChargeOnce: {
      type: 'final',
      description: 'S7: confirmed not charged; one new payment.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '確認沒有扣款，可以重新收一次',
        steps: [
          '重新做一筆交易，只做一次。',
          '如果顧客之後發現被扣了款，一般會自動退回；沒退回就記下時間、金額，聯繫收單機構。',
        ],
        prevent: ['網絡不穩時先修網絡再收款。'],
      },
    },
    resolvedRestarted: {
      type: 'final',
      description: 'S1/S2 resolved without a reinstall.',
      meta: {
        kind: 'outcome',
        outcome: 'resolved',
        title: '恢復正常了',
        steps: ['做一次簽到，再做一筆小額交易確認正常。'],
        prevent: ['只安裝服務商推送的應用和更新。', '每天結算，定期重啟終端。'],
      },
    },
    escalateKeys: {
      type: 'final',
      description: 'S4: keys must be synchronised or injected by the acquirer.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '密鑰要由服務商遠程同步或重新灌裝',
        steps: ['不要自己修改密鑰或主機參數。', '暫時請顧客用其他方式付款。'],
        contact: providerContact,
        tell: [...tellProvider, '已經重新簽到過、網絡正常', '終端是否很久沒用過'],
      },
    },
    escalateParameters: {
      type: 'final',
      description: 'S5 (weak evidence): parameters come from the provider’s terminal management system.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '參數要由服務商遠程下發',
        steps: ['不要自己修改 IP、端口等參數。', '各家服務商的下發方式不同，以他們的說明為準。'],
        contact: providerContact,
        tell: [...tellProvider, '屏幕顯示終端號或商戶號為空'],
      },
    },
    escalateSettlement: {
      type: 'final',
      description: 'S6: settlement keeps failing.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '結算一直不成功，請收單機構核對',
        steps: ['保留好這一批的小票存根。', '已經聯機成功的交易一般照常入賬。'],
        contact: '收單機構客服',
        tell: [...tellProvider, '這一批的交易筆數和金額', '結算失敗了幾天'],
      },
    },
    escalateReversal: {
      type: 'final',
      description: 'S7: unknown state after a failed reversal.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '請收單機構查清這筆交易',
        steps: [
          '不要重新收款。',
          '記下交易時間、金額、卡號後四位。',
          '超時的交易通常會自動退回顧客；請顧客留意銀行短信。',
        ],
        contact: '收單機構客服',
        tell: [...tellProvider, '交易時間和金額', '提示「沖正失敗」'],
      },
    },
    escalateReinstall: {
      type: 'final',
      description: 'S1: reinstall or roll back with the provider, after settling and backing up.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '已備份：請服務商指導重裝或回退版本',
        steps: ['在服務商的指導下卸載重裝或回退到上一個版本。', '重裝後等服務商重新下發參數和密鑰，再簽到。'],
        contact: providerContact,
        tell: [...tellProvider, 'App 的版本號（如果能看到）', '已經重啟、清過緩存，已結算並備份'],
      },
    },
    escalateBeforeReinstall: {
      type: 'final',
      description: 'S1: cannot settle: do not reinstall or reset; the provider decides.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '結算不了：先不要重裝或重置，請服務商處理',
        steps: ['不要自己重裝、清除數據或恢復出廠，否則沒上送的交易可能丟失。', '保留好小票存根。'],
        contact: providerContact,
        tell: [...tellProvider, 'App 打不開，無法結算', '今天大概做了多少筆、多少錢'],
      },
    },
    escalateWipedTerminal: {
      type: 'final',
      description: 'S3: after a factory reset the provider must download parameters and keys again.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '重置後要由服務商重新下發參數和密鑰',
        steps: ['不要自己刷機或重裝其他系統。', '等服務商遠程下發參數和主密鑰後，再簽到。'],
        contact: providerContact,
        tell: [...tellProvider, '什麼時候、為什麼恢復了出廠設置', '屏幕提示（如主密鑰不存在、未下載參數）'],
      },
    },
    escalateRepair: {
      type: 'final',
      description: 'S2: frequent freezes need a repair.',
      meta: {
        kind: 'outcome',
        outcome: 'escalate',
        title: '經常死機，請服務商檢修',
        steps: ['每天收工前先結算，避免數據丟失。'],
        contact: providerContact,
        tell: [...tellProvider, '多久死機一次、在做什麼操作時死機'],
      },
    },
  },
});

/** The software troubleshooter. */
export const softwareFlow: Flow = {
  name: 'software',
  title: '軟件與簽到排查',
  intro: '提示請先簽到、密鑰錯誤、結算失敗、沖正失敗，或收款 App 閃退、死機時使用。',
  machine: softwareMachine,
};
