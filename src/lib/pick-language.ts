import { parseLang, type Lang } from '../i18n/langs.mjs';

/**
 * `/`: the language the browser's first language asks for (zh-TW, zh-HK, zh-MO and zh-Hant go
 * to zh-hant); a first language that is none of ours gets the default (src/i18n/langs.mjs).
 */
export function pickLanguage(languages: readonly string[]): Lang {
  return parseLang(languages[0]);
}

/** Sends the browser to its language's home page (the script of `/`, loaded as a file). */
export function redirectToLanguage(): void {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  // BASE_URL (always ending in a slash) inline: see src/lib/url.ts.
  location.replace(`${import.meta.env.BASE_URL}${pickLanguage(languages)}/`);
}
