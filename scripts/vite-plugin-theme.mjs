// @ts-check
/**
 * Vite plugin: `virtual:pos-theme.css` holds the theme colours from site.config.mjs as CSS custom
 * properties. Imported by the layouts, it is bundled into the site's stylesheet, so no page needs
 * an inline <style> (strict CSP: `style-src 'self'`).
 */
import { cssColour, siteConfig } from './site-config.mjs';

const id = 'virtual:pos-theme.css';
const resolved = `\0${id}`;

/**
 * The theme stylesheet for `colors` ({ accent, accentText, accentDark }).
 * @param {{ accent: string, accentText: string, accentDark: string }} colors
 */
export function themeCss(colors) {
  for (const [key, value] of Object.entries(colors)) {
    if (!cssColour.test(value)) {
      throw new Error(
        `site.config.mjs: colors.${key} is "${value}", which is not a CSS colour. Write it like '#0b5cad'.`,
      );
    }
  }
  return `:root{--accent:${colors.accent};--accent-text:${colors.accentText};--accent-dark:${colors.accentDark}}\n`;
}

/** @returns {import('vite').Plugin} */
export default function themePlugin() {
  return {
    name: 'pos-theme',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (loaded) => (loaded === resolved ? themeCss(siteConfig.colors) : undefined),
  };
}
