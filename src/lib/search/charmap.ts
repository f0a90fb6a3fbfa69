import { toHans } from '../convert';

/**
 * The character maps a query needs, built from the site's own text: every Traditional character
 * the site uses with its Simplified form (about a thousand pairs, a few KB), instead of a full
 * conversion dictionary in the browser.
 */
export function buildCharMaps(texts: Iterable<string>): {
  toHant: Record<string, string>;
  toHans: Record<string, string>;
} {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const ch of text) if (/[\u3400-\u9fff]/.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const hans: Record<string, string> = {};
  const hant: Record<string, string> = {};
  const best = new Map<string, number>();
  for (const [ch, n] of counts) {
    const s = toHans(ch);
    if (s === ch || [...s].length !== 1) continue;
    hans[ch] = s;
    // Several Traditional characters can share one Simplified form (發/髮 → 发): keep the one the site uses most.
    if ((best.get(s) ?? 0) < n) {
      best.set(s, n);
      hant[s] = ch;
    }
  }
  return { toHant: hant, toHans: hans };
}
