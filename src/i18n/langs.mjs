// @ts-check
/**
 * The site's languages, in one place. Each has a URL segment (`/zh-hant/…`), a BCP 47 tag (for
 * `<html lang>`, `hreflang` and the widget's `lang`), the tags that mean it when a free-form tag is
 * parsed, how its text is made from the source text (everything is written once, in the source
 * language), and its own name (the language switch and the chooser at `/`).
 *
 * Everything else asks this module: pages, middleware, the widget, the search page and the build
 * scripts. No other file lists languages or compares language strings (test/unit/langs.test.ts
 * checks). Plain JavaScript, so Node scripts import it as it is; no dependencies and a few hundred
 * bytes, so browser bundles import it too (the conversion itself happens at build time).
 */

/**
 * @typedef {object} LangInfo
 * @property {string} tag BCP 47 tag for `<html lang>`, `hreflang` and the widget's `lang`.
 * @property {readonly string[]} matches Tags, lower case, that mean this language when parsing a
 *   free-form tag: a tag matches when it is one of them or starts with one followed by `-`
 *   (`zh-tw` matches `zh-TW` and `zh-TW-x-pos`); the longest match over all languages wins, so a
 *   script subtag (`zh-Hant-CN`) beats a bare `zh`.
 * @property {{ from: string, to: string } | null} opencc How its text is made from the source
 *   text: `null` for the source language itself, else the OpenCC conversion (presets `from` → `to`).
 * @property {string} name Its name, written in itself.
 */

/** Every language, in the order pages list them (the source language first). */
const table = /** @satisfies {Record<string, LangInfo>} */ ({
  'zh-hant': {
    tag: 'zh-Hant',
    matches: ['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'],
    opencc: null,
    name: '繁體中文',
  },
  'zh-hans': {
    tag: 'zh-Hans',
    matches: ['zh-hans', 'zh-cn', 'zh-sg', 'zh'],
    // `tw → cn` keeps the mainland vocabulary the texts are written in and changes only the
    // characters (`twp` would rewrite words, e.g. 程序 → 进程); `tw` rather than `t`: the texts
    // write the particle 著 the Taiwan way, which `t → cn` leaves as 著; `tw` reads it as 着 first.
    opencc: { from: 'tw', to: 'cn' },
    name: '简体中文',
  },
});

/** A language: its URL segment (`zh-hant`). */
/** @typedef {keyof typeof table} Lang */

/** Every language's URL segment, source language first. */
export const langs = /** @type {readonly Lang[]} */ (Object.keys(table));

/** The language every text is written in (its `opencc` is `null`). */
export const sourceLang = /** @type {Lang} */ (/* #__PURE__ */ langs.find((lang) => !table[lang].opencc));

/** The language for a tag that names none of ours (a non-Chinese browser at `/`, a widget without a Chinese `lang`). */
export const defaultLang = /** @type {Lang} */ ('zh-hans');

/** The tag of a page or file that holds every language at once (the chooser at `/`, the web app manifest). */
export const commonTag = 'zh';

/**
 * Is `value` a language's URL segment (exactly, as in a URL)?
 * @param {unknown} value
 * @returns {value is Lang}
 */
export const isLang = (value) => typeof value === 'string' && Object.hasOwn(table, value);

/**
 * The language a free-form tag means (`zh-TW`, `zh-Hant-HK`, `zh_cn` is not one), case-insensitive;
 * `undefined` when it names none of ours.
 * @param {string | null | undefined} tag
 * @returns {Lang | undefined}
 */
export function matchLang(tag) {
  const lower = (tag ?? '').trim().toLowerCase();
  let found;
  let length = 0;
  for (const lang of langs)
    for (const prefix of table[lang].matches)
      if ((lower === prefix || lower.startsWith(`${prefix}-`)) && prefix.length > length) {
        found = lang;
        length = prefix.length;
      }
  return found;
}

/**
 * The language a free-form tag means, or `fallback` when it names none of ours.
 * @param {string | null | undefined} tag
 * @param {Lang} [fallback]
 * @returns {Lang}
 */
export const parseLang = (tag, fallback = defaultLang) => matchLang(tag) ?? fallback;

/**
 * The language of a site path (`/zh-hans/codes/` → `zh-hans`): its first segment, when that is a
 * language followed by `/`; else `undefined` (`/`, `/404.html`, `/embed/…`).
 * @param {string} pathname a site path, without the base path (src/lib/url.ts `withoutBase`)
 * @returns {Lang | undefined}
 */
export function langFromPath(pathname) {
  const segment = /^\/([^/]+)\//.exec(pathname)?.[1];
  return isLang(segment) ? segment : undefined;
}

/**
 * The BCP 47 tag of a language, for `<html lang>`, `hreflang` and the widget's `lang`.
 * @param {Lang} lang
 */
export const htmlLang = (lang) => table[lang].tag;

/**
 * A language's name, written in itself (`简体中文`), for the language switch and the chooser.
 * @param {Lang} lang
 */
export const langName = (lang) => table[lang].name;

/**
 * Every language but `lang`, in order: what a page's language switch offers.
 * @param {Lang} lang
 * @returns {Lang[]}
 */
export const otherLangs = (lang) => langs.filter((other) => other !== lang);

/**
 * How a language's text is made from the source text: the OpenCC conversion, or `null` for the
 * source language (its text is the source, unchanged).
 * @param {Lang} lang
 * @returns {{ from: string, to: string } | null}
 */
export const conversionOf = (lang) => table[lang].opencc;
