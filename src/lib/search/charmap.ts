import { otherLangs, type Lang } from '../../i18n/langs.mjs';
import { translator } from '../convert';

/**
 * The character map a query on a `lang` page needs, built from the site's own text: every
 * character the site uses, as another language writes it, with its form in `lang` (about a
 * thousand pairs, a few KB), instead of a full conversion dictionary in the browser.
 */
export function buildCharMap(texts: Iterable<string>, lang: Lang): Record<string, string> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const ch of text) if (/[\u3400-\u9fff]/.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const mine = translator(lang);
  const others = otherLangs(lang).map(translator);
  const map: Record<string, string> = {};
  const best = new Map<string, number>();
  for (const [ch, n] of counts) {
    const target = mine(ch);
    if ([...target].length !== 1) continue;
    for (const other of others) {
      const from = other(ch);
      if (from === target || [...from].length !== 1) continue;
      // Several characters can share one form in another script (發/髮 → 发): keep the one the site uses most.
      if ((best.get(from) ?? 0) < n) {
        best.set(from, n);
        map[from] = target;
      }
    }
  }
  return map;
}
