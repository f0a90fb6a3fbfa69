// @ts-check
/**
 * Authors link pages as DESIGN.md writes them (`/zh-hant/codes/a0/`). When the site lives under a
 * path (`site` in site.config.mjs, e.g. `https://bank.example/pos/help/`), this Sätteri hast
 * plugin puts that path in front of every site-absolute `href` and `src` in articles.
 * @param {string} base the base path (astro.config.mjs), e.g. `/pos/help/`
 * @returns {import('satteri').HastPluginDefinition | null}
 */
export default function markdownBase(base) {
  const prefix = base.replace(/\/?$/, '/');
  if (prefix === '/') return null;
  /** @param {unknown} value */
  const rebase = (value) =>
    typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? prefix + value.slice(1) : value;
  return {
    name: 'pos-help-base',
    element: {
      filter: ['a', 'img', 'source'],
      visit(node, ctx) {
        for (const key of ['href', 'src']) {
          const value = node.properties?.[key];
          if (rebase(value) !== value) ctx.setProperty(node, key, rebase(value));
        }
      },
    },
  };
}
