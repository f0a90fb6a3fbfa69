import { widgetUi, type WidgetKey } from '../../i18n/widget';

/** Converts a zh-Hant text for display; identity for zh-Hant. */
export type Translate = (text: string) => string;

/** Loads the zh-Hans table (built at build time) only when a Simplified widget needs it. */
export async function translatorFor(lang: string): Promise<Translate> {
  if (!/^zh-(hans|cn|sg)/i.test(lang)) return (text) => text;
  const { chars, exceptions } = (await import('virtual:pos-hans')).default;
  return (text) => exceptions[text] ?? Array.from(text, (ch) => chars[ch] ?? ch).join('');
}

/** Looks up a widget string, converts it and fills `{name}` placeholders. */
export function format(tr: Translate, key: WidgetKey, vars: Record<string, string | number> = {}): string {
  return tr(widgetUi[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
