// @ts-check
/**
 * The one file a bank or acquirer edits to deploy its own copy of pos-help.
 * Nothing else in the code names a deployer. Texts are written in zh-Hant;
 * the zh-Hans pages convert them like every other text.
 */
export default {
  /**
   * Absolute URL the site is served from, at a domain's root or under a path
   * (`https://bank.example/pos/help/`): every link, asset, the service worker and the QR codes
   * then live under it (README, "Deploying your own copy").
   */
  site: 'https://pos-help.example.com',
  /** Name of the bank or acquirer that runs this copy, as merchants know it. */
  deployerName: 'POS 自助服務中心',
  /** Short name, for the installed app and narrow headers. */
  shortName: 'POS 自助',
  /**
   * Merchant service hotline shown on every escalation. Leave empty to tell merchants to call
   * the number on their terminal's label or contract (right for a neutral, multi-acquirer copy).
   */
  hotline: '',
  /** When the hotline answers. */
  hotlineHours: '每天 24 小時',
  /** Brand colours: accent for links and buttons, accentText for text on the accent. */
  colors: { accent: '#0b5cad', accentText: '#ffffff', accentDark: '#7ab8ff' },
  /**
   * Origins allowed to show the troubleshooter in an iframe (`/{lang}/embed/{flow}/`), e.g.
   * `['https://portal.bank.example']`; the site itself always may. Every other page refuses to be
   * framed. `['*']` lets any site frame it. Your web server sends it (README, "Deploying").
   * @type {string[]}
   */
  embedOrigins: [],
};
