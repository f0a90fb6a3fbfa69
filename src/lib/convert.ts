import * as OpenCC from 'opencc-js';
import { conversionOf, htmlLang, otherLangs, sourceLang, type Lang } from '../i18n/langs.mjs';

/** Makes a language's text from the source text. */
export type Translate = (text: string) => string;

const translators = new Map<Lang, Translate>();

/**
 * The build-time conversion from the source text to `lang` (src/i18n/langs.mjs says which OpenCC
 * presets); the identity for the source language. ASCII and markup pass through unchanged.
 */
export function translator(lang: Lang): Translate {
  let tr = translators.get(lang);
  if (!tr) {
    const conversion = conversionOf(lang);
    tr = conversion ? OpenCC.Converter(conversion) : (text) => text;
    translators.set(lang, tr);
  }
  return tr;
}

/** `text` (source language) in `lang`. */
export function inLang(lang: Lang, text: string): string {
  return translator(lang)(text);
}

const keepers = new Map<Lang, RegExp>();

/**
 * Markup that must stay as written on a page in `lang`: elements marked with another language's
 * `lang` (the language switch; text only, no nested markup) and `hreflang` alternates.
 */
function keepPattern(lang: Lang): RegExp {
  let pattern = keepers.get(lang);
  if (!pattern) {
    const tags = otherLangs(lang)
      .map((other) => htmlLang(other).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    pattern = new RegExp(
      `(<(\\w+)\\b[^>]*\\blang="(?:${tags})"[^>]*>[^<]*<\\/\\2>|<link\\b[^>]*\\bhreflang="[^"]*"[^>]*>)`,
      'g',
    );
    keepers.set(lang, pattern);
  }
  return pattern;
}

/**
 * Converts a whole HTML document from the source language to `lang`: the text, attributes a
 * person reads (title, aria-label, alt, meta content), and links into the source language's
 * tree, leaving elements marked with another language's `lang` as they are. The identity for the
 * source language.
 */
export function htmlInLang(lang: Lang, html: string): string {
  if (!conversionOf(lang)) return html;
  const tr = translator(lang);
  return html
    .split(keepPattern(lang))
    .map((part, i) => {
      // split() with two capture groups yields [text, match, tagName?, text, match, tagName?, …]
      const role = i % 3;
      if (role === 1) return part;
      if (role === 2) return '';
      return tr(part ?? '').replaceAll(`/${sourceLang}/`, `/${lang}/`);
    })
    .join('');
}
