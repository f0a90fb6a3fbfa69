/** Languages of the public contract: URL segment and BCP 47 tag. */
export const langs = ['zh-hant', 'zh-hans'] as const;
/** A URL language segment. */
export type Lang = (typeof langs)[number];
/** BCP 47 tag for `<html lang>` of each URL language. */
export const langTag = { 'zh-hant': 'zh-Hant', 'zh-hans': 'zh-Hans' } as const satisfies Record<Lang, string>;

/** Article categories (every folder under src/content/articles must be one of these). */
export const articleCategories = [
  'hardware',
  'software',
  'network',
  'security',
  'apply',
  'service',
  // transactions (issue 11): money questions; its flow comes later
  'transactions',
  'personal-pos',
  'provider',
] as const;
/** A category that holds articles. */
export type ArticleCategory = (typeof articleCategories)[number];
/** All categories of the contract, including the response-code reference. */
export const categories = [...articleCategories, 'codes'] as const;
/** Any category of the contract. */
export type Category = (typeof categories)[number];

/** Is `value` a known URL language? */
export const isLang = (value: string): value is Lang => (langs as readonly string[]).includes(value);
/** Is `value` a category that holds articles? */
export const isArticleCategory = (value: string): value is ArticleCategory =>
  (articleCategories as readonly string[]).includes(value);
