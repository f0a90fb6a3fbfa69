// @ts-check
/**
 * Vite plugin: in the browser build, each folder that imports src/i18n/langs.mjs gets its own
 * copy of it (the chooser at `/` in src/lib/, the widget in src/components/troubleshooter/),
 * instead of a shared chunk of a few hundred bytes that every page with the widget, and `/`
 * before it can redirect, would fetch as one more request. The server build shares one copy.
 */
import path from 'node:path';

const file = path.join('src', 'i18n', 'langs.mjs');

/** @returns {import('vite').Plugin} */
export default function langsPlugin() {
  return {
    name: 'pos-help:langs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options.ssr || !importer || !source.endsWith('langs.mjs')) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.endsWith(file)) return resolved;
      const folder = path.dirname(importer.split('?')[0] ?? importer);
      return `${resolved.id}?copy=${encodeURIComponent(path.relative(process.cwd(), folder))}`;
    },
  };
}
