/**
 * `/`: which script the browser's first language asks for. zh-TW, zh-HK, zh-MO and zh-Hant go
 * to zh-hant; everyone else to zh-hans.
 */
export function pickLanguage(languages: readonly string[]): 'zh-hant' | 'zh-hans' {
  return /zh-(tw|hk|mo|hant)/i.test(languages[0] ?? '') ? 'zh-hant' : 'zh-hans';
}

/** Sends the browser to its language's home page (the script of `/`, loaded as a file). */
export function redirectToLanguage(): void {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  // BASE_URL (always ending in a slash) inline: see src/lib/url.ts.
  location.replace(`${import.meta.env.BASE_URL}${pickLanguage(languages)}/`);
}
