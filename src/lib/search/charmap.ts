import { otherLangs, type Lang } from '../../i18n/langs.mjs';
import { translator } from '../convert';

const cjk = /[\u3400-\u9fff]/;

/**
 * The character map a query on a `lang` page needs, built from the site's own text: every
 * character the site uses, as another language writes it, with its form in `lang` (about a
 * thousand pairs, a few KB), instead of a full conversion dictionary in the browser.
 *
 * Some characters of one script stand for several of the other (系 is 系 in 系統 and 繫 in 聯繫;
 * 复 is 復 in 恢復 and 複 in 重複): the map gives the form the site uses most, itself included,
 * and adds the site's two-character words whose form differs from that (「系统」 → 「系統」).
 * convertScript (query.ts) tries those pairs first.
 */
export function buildCharMap(texts: Iterable<string>, lang: Lang): Record<string, string> {
  const list = [...texts];
  const counts = new Map<string, number>();
  for (const text of list) {
    for (const ch of text) if (cjk.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const mine = translator(lang);
  const others = otherLangs(lang).map(translator);
  /** Each form another script writes, with the site's characters it stands for (in `lang`) and how often each is used. */
  const forms = new Map<string, Map<string, number>>();
  /** A site character's forms in the other scripts, and in `lang`. */
  const written = new Map<string, { from: string[]; target: string }>();
  for (const [ch, n] of counts) {
    const target = mine(ch);
    if ([...target].length !== 1) continue;
    const from = others.map((other) => other(ch)).filter((f) => [...f].length === 1);
    written.set(ch, { from, target });
    for (const f of from) {
      if (!forms.has(f)) forms.set(f, new Map());
      const targets = forms.get(f)!;
      targets.set(target, (targets.get(target) ?? 0) + n);
    }
  }
  const map: Record<string, string> = {};
  const usual = new Map<string, string>();
  for (const [from, targets] of forms) {
    const [best] = [...targets].sort((a, b) => b[1] - a[1])[0]!;
    usual.set(from, best);
    if (best !== from) map[from] = best;
  }
  // Words whose ambiguous character is not the usual one: the pair before it and the pair after it.
  const pairs = new Map<string, Map<string, number>>();
  for (const text of list) {
    const chars = [...text];
    chars.forEach((ch, i) => {
      const w = written.get(ch);
      if (!w || w.from.every((f) => (forms.get(f)?.size ?? 0) < 2 || usual.get(f) === w.target)) return;
      for (const [a, b] of [
        [i - 1, i],
        [i, i + 1],
      ] as const) {
        const x = written.get(chars[a] ?? '');
        const y = written.get(chars[b] ?? '');
        if (!x || !y) continue;
        const value = mine(chars[a]! + chars[b]!);
        if ([...value].length !== 2) continue;
        for (const key of others.map((other) => other(chars[a]! + chars[b]!))) {
          if ([...key].length !== 2) continue;
          const byChar = [...key].map((c) => map[c] ?? c).join('');
          if (byChar === value) continue;
          if (!pairs.has(key)) pairs.set(key, new Map());
          pairs.get(key)!.set(value, (pairs.get(key)!.get(value) ?? 0) + 1);
        }
      }
    });
  }
  for (const [key, values] of pairs) map[key] = [...values].sort((a, b) => b[1] - a[1])[0]![0];
  return map;
}
