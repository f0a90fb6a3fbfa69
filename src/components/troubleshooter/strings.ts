import widgetStrings from 'virtual:pos-help/widget-strings';
import type { Lang } from '../../i18n/langs.mjs';
import type { WidgetKey } from '../../i18n/widget';

/** Converts a source-language text for display; identity for the source language. */
export type Translate = (text: string) => string;

/**
 * The widget's strings in `lang` (src/i18n/widget.ts, converted at build time for a converted
 * script), loaded when a widget in that script needs them, so a page downloads only its own
 * script's strings. The translator maps a string's key to its text; every other text (a flow's,
 * already in the widget's script, since each flow file is per script) passes unchanged.
 */
export async function translatorFor(lang: Lang): Promise<Translate> {
  const load = Object.hasOwn(widgetStrings, lang) ? widgetStrings[lang] : undefined;
  if (!load) throw new Error(`no widget strings for ${lang}`);
  const table: Record<string, string> = (await load()).default;
  return (text) => (Object.hasOwn(table, text) ? table[text]! : text);
}

/** Looks up a widget string, converts it and fills `{name}` placeholders. */
export function format(tr: Translate, key: WidgetKey, vars: Record<string, string | number> = {}): string {
  return tr(key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * The merchant's message for a failure of the widget (the developer's goes to the console and the
 * error event); a host without the static steps (a bank's page) gets the wording without them.
 */
export function failText(tr: Translate, kind: 'load' | 'other', host: Element): string {
  return format(tr, `widget.error.${kind}${host.querySelector('[slot="static"]') ? '' : 'Embedded'}` as const);
}
