import * as OpenCC from 'opencc-js';

/**
 * zh-Hant → zh-Hans at build time. `tw → cn` keeps the mainland vocabulary the texts are written
 * in and changes only the characters (`twp` would rewrite words, e.g. 程序 → 进程). `tw` rather
 * than `t`: the texts write the particle 著 the Taiwan way, which `t → cn` leaves as 著 (斜著
 * would leak into Simplified text); `tw` reads it as 着 first. Otherwise the two agree.
 */
const tToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Converts zh-Hant text to zh-Hans. ASCII and markup pass through unchanged. */
export function toHans(text: string): string {
  return tToCn(text);
}

/** Converts `text` when `lang` is zh-hans; returns it unchanged for zh-hant. */
export function inLang(lang: string, text: string): string {
  return lang === 'zh-hans' ? tToCn(text) : text;
}

/**
 * Markup that must stay as written on a Simplified page: elements marked `lang="zh-Hant"` (the
 * link to the Traditional version; text only, no nested markup) and `hreflang` alternates.
 */
const keepHant = /(<(\w+)\b[^>]*\blang="zh-Hant"[^>]*>[^<]*<\/\2>|<link\b[^>]*\bhreflang="[^"]*"[^>]*>)/g;

/**
 * Converts a whole zh-Hant HTML document to zh-Hans: the text, attributes a person reads
 * (title, aria-label, alt, meta content), and links into the Traditional tree, leaving elements
 * marked `lang="zh-Hant"` as they are.
 */
export function htmlToHans(html: string): string {
  return html
    .split(keepHant)
    .map((part, i) => {
      // split() with two capture groups yields [text, match, tagName?, text, match, tagName?, …]
      const role = i % 3;
      if (role === 1) return part;
      if (role === 2) return '';
      return tToCn(part ?? '').replaceAll('/zh-hant/', '/zh-hans/');
    })
    .join('');
}
