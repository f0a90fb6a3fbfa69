// Languages: src/i18n/langs.mjs.

/** Article categories (every folder under src/content/articles must be one of these). */
export const articleCategories = [
  'hardware',
  'software',
  'network',
  'security',
  'apply',
  'service',
  // transactions (issue 11): money questions, with their own flow
  'transactions',
  'personal-pos',
  'provider',
  // operations and payments (issue 20): daily terminal tasks, and the ways a customer can pay
  'operations',
  'payments',
  // account and rules (issue 20): the merchant's registration and changes; what the rules forbid
  'account',
  'rules',
] as const;
/** A category that holds articles. */
export type ArticleCategory = (typeof articleCategories)[number];
/** All categories of the contract, including the response-code reference. */
export const categories = [...articleCategories, 'codes'] as const;
/** Any category of the contract. */
export type Category = (typeof categories)[number];

/** Is `value` a category that holds articles? */
export const isArticleCategory = (value: string): value is ArticleCategory =>
  (articleCategories as readonly string[]).includes(value);
