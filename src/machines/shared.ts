/** What every call to the acquirer or provider should start with (zh-Hant). */
export const tellProvider = [
  '終端序列號（SN，機身背面標籤上）',
  '商戶號和終端號（小票上有）',
  '屏幕上的提示或代碼',
  '出問題的時間',
];

/** Whom to call about the terminal itself. */
export const providerContact = '收單機構或服務商客服（給你裝機的銀行或支付公司）';
