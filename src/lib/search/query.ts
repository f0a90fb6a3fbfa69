/**
 * Turning what a merchant typed into searches: pure functions, shared by the search page script
 * and the tests. Data (code list, character map, synonyms) comes from /{lang}/search/data.json.
 */

/** What the search page loads once, built per language at build time. */
export interface SearchData {
  /** Codes with their meaning and screen texts (in the page's script). */
  codes: { id: string; meaning: string; display: string[] }[];
  /** The code pages' folder (`/zh-hant/codes/`): a code's page is `{codePages}{id lower-cased}/`, its title `{id}：{meaning}`. */
  codePages: string;
  /**
   * Character map from the other script to this page's script (only characters the site uses),
   * plus the two-character words whose ambiguous character is not its usual form (「系统」 → 「系統」).
   */
  chars: Record<string, string>;
  /** Rows of equivalent words, this page's word first. */
  synonyms: string[][];
  /** Words that do not help find a page (src/lib/search/filler.ts), in this page's script. */
  filler: string[];
}

/** Longest query we look at; the rest is ignored (and the box caps input anyway). */
export const maxQueryLength = 200;

/** Trims, collapses spaces, unifies full-width letters and digits, and caps the length. */
export function normalize(query: string): string {
  return query
    .normalize('NFKC')
    .replace(/[\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxQueryLength);
}

/** Whether a query has anything to look up: a letter or digit, not only punctuation, symbols or emoji. */
export function hasWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

/** Converts characters of the other script into this page's script, a two-character word of the map first. */
export function convertScript(query: string, chars: Record<string, string>): string {
  const cs = [...query];
  let out = '';
  for (let i = 0; i < cs.length; i++) {
    const pair = i + 1 < cs.length ? chars[cs[i]! + cs[i + 1]!] : undefined;
    if (pair) {
      out += pair;
      i += 1;
    } else out += chars[cs[i]!] ?? cs[i];
  }
  return out;
}

const codeWords =
  /(?:應答碼|应答码|返回碼|返回码|響應碼|响应码|錯誤碼|错误码|故障碼|故障码|代碼|代码|提示|顯示|显示|碼|码|code)\s*[:：]?\s*([0-9A-Za-z]{2})(?![0-9A-Za-z.])/i;
/** A query that is nothing but a two-character code. */
export const bareCode = /^(?:[0-9]{2}|[A-Za-z][0-9A-Za-z]|[0-9][A-Za-z])$/;
/**
 * A code standing apart in a sentence: a two-character token between spaces (or at an end),
 * not part of a number (「0.38」) and not followed by a unit (「99元」, 「39 塊」, 「12 次」).
 */
const looseCode =
  /(?:^|\s)([0-9]{2}|[A-Z][0-9])(?=\s|$)(?!\s*(?:元|塊|块|萬|万|千|百|年|月|日|天|號|号|次|個|个|位|筆|笔|張|张|台|%|％))/;

/**
 * Finds the response code a query asks about: a bare code ("55", "a0"), a code after a word
 * like 應答碼/返回码/錯誤碼/提示 ("返回码51", 「提示 55」), or a two-character code standing
 * apart in a sentence ("交易失敗 14"). An amount, a year, a count, a rate or a phone number
 * inside a sentence (「扣我39塊錢」, 「2024年」, 「0.38」, 「95516」) is not a code.
 * Returns it upper-cased, or undefined.
 */
export function findCodeId(query: string, known: Set<string>): string | undefined {
  const q = normalize(query);
  const candidates = [bareCode.test(q) ? q : undefined, codeWords.exec(q)?.[1], looseCode.exec(q.toUpperCase())?.[1]];
  return candidates.map((c) => c?.toUpperCase()).find((c): c is string => !!c && known.has(c));
}

/** The length of the longest run of characters `a` and `b` share. */
function longestShared(a: string, b: string): number {
  let best = 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      best = Math.max(best, row[j]!);
      diagonal = above;
    }
  }
  return best;
}

/** Characters of a screen text a sentence must quote, at least, to name its code without the rest (「交換中心異常請稍後重試」). */
const quotedLength = 8;

/**
 * A code whose screen text the query contains (or that contains the query, 3+ characters), or
 * of which it quotes a long part: a merchant leaves out 「拒絕，」 at the start.
 */
export function findCodeByMessage(query: string, codes: SearchData['codes']): SearchData['codes'][number] | undefined {
  const q = normalize(query).replace(/[\s，。,.!！?？]/g, '');
  if (q.length < 3) return undefined;
  const clean = (s: string) => s.replace(/[\s，。,.!！?？／/]|[（(][A-Za-z]+[)）]/g, '');
  let best: { code: SearchData['codes'][number]; score: number } | undefined;
  for (const code of codes) {
    for (const text of [code.meaning, ...code.display]) {
      const t = clean(text);
      if (t.length < 3) continue;
      const shared = longestShared(q, t);
      const score =
        q === t ? 1000 : q.includes(t) ? t.length : t.includes(q) ? q.length : shared >= quotedLength ? shared : 0;
      if (score > (best?.score ?? 0)) best = { code, score };
    }
  }
  return best?.code;
}

/** Replaces colloquial, regional and misspelt words with the site's own, longest first. */
export function applySynonyms(query: string, rows: string[][]): string {
  const pairs = rows.flatMap((row) => row.slice(1).map((alt) => [alt.toLowerCase(), row[0]!] as const));
  pairs.sort((a, b) => b[0].length - a[0].length);
  let out = '';
  let i = 0;
  const lower = query.toLowerCase();
  while (i < query.length) {
    const hit = pairs.find(([alt]) => lower.startsWith(alt, i));
    if (hit) {
      out += ` ${hit[1]} `;
      i += hit[0].length;
    } else {
      out += query[i];
      i += 1;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Filler words that do not help find a page (questions, politeness). */
const filler =
  /(是什麼意思|是什么意思|什麼意思|什么意思|怎麼辦|怎么办|怎麼回事|怎么回事|怎麼弄|怎么弄|怎麼|怎么|為什麼|为什么|如何|請問|请问|一直|總是|总是|老是|顯示|显示|提示|出現|出现|了|嗎|吗|呢|啊|吧|的)/g;

/** The query without filler words and punctuation; falls back to the query when nothing is left. */
export function stripFiller(query: string): string {
  const out = query
    .replace(filler, ' ')
    .replace(/[，。,.!！?？、；;：:"'“”‘’()（）<>《》]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return out || query;
}

/** The searches to run for a query, best first, without duplicates. */
export function searchVariants(query: string, data: Pick<SearchData, 'chars' | 'synonyms'>): string[] {
  const converted = convertScript(normalize(query), data.chars);
  // Synonyms before and after taking out filler: 「扣了兩次」 is a synonym row with 了 in it.
  const variants = [
    stripFiller(applySynonyms(converted, data.synonyms)),
    applySynonyms(stripFiller(converted), data.synonyms),
    stripFiller(converted),
    converted,
  ];
  return [...new Set(variants.filter(hasWords))];
}
