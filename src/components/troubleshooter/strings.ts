import { conversionOf, type Lang } from '../../i18n/langs.mjs';
import { widgetUi, type WidgetKey } from '../../i18n/widget';

/** Converts a source-language text for display; identity for the source language. */
export type Translate = (text: string) => string;

/** Loads a converted language's table (built at build time) only when a widget in it needs it. */
export async function translatorFor(lang: Lang): Promise<Translate> {
  if (!conversionOf(lang)) return (text) => text;
  const table = (await import('virtual:pos-hans')).default[lang];
  if (!table) throw new Error(`no conversion table for ${lang}`);
  const { chars, exceptions } = table;
  return (text) => exceptions[text] ?? Array.from(text, (ch) => chars[ch] ?? ch).join('');
}

/** Looks up a widget string, converts it and fills `{name}` placeholders. */
export function format(tr: Translate, key: WidgetKey, vars: Record<string, string | number> = {}): string {
  return tr(widgetUi[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * The merchant's message for a failure of the widget (the developer's goes to the console and the
 * error event); a host without the static steps (a bank's page) gets the wording without them.
 */
export function failText(tr: Translate, kind: 'load' | 'other', host: Element): string {
  return format(tr, `widget.error.${kind}${host.querySelector('[slot="static"]') ? '' : 'Embedded'}` as const);
}
