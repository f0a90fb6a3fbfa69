/**
 * A query's words: the synonym table's phrases first (longest first), the rest segmented into
 * words by the browser's own dictionary (Intl.Segmenter, no download), or, where there is none,
 * into overlapping two-character pieces; filler dropped. Each word is a concept: the form typed
 * and the site's words for it (every synonym row it is in), searched as alternatives.
 */

/** One informative word of a query, and the forms to search for it. */
export interface Concept {
  /** As typed (in the page's script). */
  text: string;
  /** What to search for it: the site's words first, then the form typed. */
  alts: string[];
  /** Set when the word is in the synonym table: a name for one of the site's topics. */
  known?: boolean;
}

type Segment = (text: string) => string[];

const cjk = /[\u3400-\u9fff]/;
const wordLike = /[\p{L}\p{N}]/u;

/** Overlapping two-character pieces of a run of Chinese characters (「卡住不動」 → 卡住, 住不, 不動). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]+|[0-9A-Za-z.]+/g) ?? []) {
    const chars = [...run];
    if (!cjk.test(run) || chars.length < 3) out.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The segmenter of this browser or Node for `locale` (a BCP 47 tag), or the two-character fallback. */
export function segmenter(locale: string): Segment {
  const Seg = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Seg) return bigrams;
  const seg = new Seg(locale, { granularity: 'word' });
  return (text) => [...seg.segment(text)].filter((s) => s.isWordLike && wordLike.test(s.segment)).map((s) => s.segment);
}

/** Whether `word` is filler or made only of filler words (「怎麼辦呢」, 「了嗎」). */
function isFiller(word: string, filler: Set<string>, longest: number): boolean {
  if (filler.has(word)) return true;
  // Cover the word with filler words, longest first at each position.
  let i = 0;
  const chars = [...word];
  while (i < chars.length) {
    let step = 0;
    for (let n = Math.min(longest, chars.length - i); n > 0; n--) {
      if (filler.has(chars.slice(i, i + n).join(''))) {
        step = n;
        break;
      }
    }
    if (!step) return false;
    i += step;
  }
  return true;
}

const latin = /[a-z0-9]/i;
/** Whether `query.slice(i, i + n)` would cut a word of letters or digits (「App」 in 「Apple Pay」). */
const splitsWord = (query: string, i: number, n: number) =>
  (latin.test(query[i]!) && i > 0 && latin.test(query[i - 1]!)) ||
  (latin.test(query[i + n - 1]!) && latin.test(query[i + n] ?? ''));

/** A number that is not a word: an amount, a year, a count, a rate (「39」, 「2024」, 「0.38」). */
const number = /^[0-9.]+$/;

/**
 * The informative words of `query` (already in the page's script), with the site's words for
 * each. Synonym phrases are matched before segmenting, so 「扣了兩次」 stays one word; plain
 * numbers and single characters are dropped (a code is found before this, by query.ts).
 */
export function concepts(query: string, rows: string[][], filler: string[], segment: Segment): Concept[] {
  const fill = new Set(filler.map((f) => f.toLowerCase()));
  const longest = Math.max(1, ...filler.map((f) => [...f].length));
  const forms = new Map<string, Set<string>>();
  for (const row of rows)
    for (const form of row) {
      const key = form.toLowerCase();
      if (!forms.has(key)) forms.set(key, new Set());
      forms.get(key)!.add(row[0]!);
    }
  const keys = [...forms.keys()].filter((k) => k.length > 1).sort((a, b) => b.length - a.length);
  const lower = query.toLowerCase();
  const out: Concept[] = [];
  const add = (text: string, canon: Set<string> | undefined) => {
    if (out.some((c) => c.text.toLowerCase() === text.toLowerCase())) return;
    out.push({ text, alts: [...new Set([...(canon ?? []), text])], ...(canon ? { known: true } : {}) });
  };
  let plain = '';
  const word = (w: string) => {
    const key = w.toLowerCase();
    if (number.test(w) || isFiller(key, fill, longest)) return;
    if (cjk.test(w) && [...w].length < 2) return;
    add(w, forms.get(key));
  };
  const flush = () => {
    // Runs of single characters are words the segmenter's dictionary lacks (路/由/器, 報/修):
    // searched whole, the index segments them itself; filler characters at either end are dropped.
    let run = '';
    const endRun = () => {
      const chars = [...run];
      while (chars.length && fill.has(chars[0]!)) chars.shift();
      while (chars.length && fill.has(chars.at(-1)!)) chars.pop();
      word(chars.join(''));
      run = '';
    };
    // A space or a punctuation mark ends a run: 「紙卷 卡紙」 is two words, not 紙卷卡紙.
    for (const part of plain.split(/[^\p{L}\p{N}.]+/u)) {
      for (const w of segment(part)) {
        if (cjk.test(w) && [...w].length === 1) run += w;
        else {
          endRun();
          word(w);
        }
      }
      endRun();
    }
    plain = '';
  };
  let i = 0;
  while (i < query.length) {
    const hit = keys.find((k) => lower.startsWith(k, i) && !splitsWord(lower, i, k.length));
    if (hit) {
      flush();
      const typed = query.slice(i, i + hit.length);
      // A synonym phrase that is itself filler (「POS機」) names the terminal: no help in finding a page.
      if (!isFiller(hit, fill, longest)) add(typed, forms.get(hit)!);
      i += hit.length;
    } else {
      plain += query[i];
      i += 1;
    }
  }
  flush();
  return out;
}
