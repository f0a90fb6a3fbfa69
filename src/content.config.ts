import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { codesLoader } from './lib/content/codes-loader';
import { flowNames, isFlowName } from './machines/manifest';
import { flowSchema } from './machines/schema';

/** Frontmatter of an article: src/content/articles/{category}/{slug}.mdx (index.mdx = the category page). */
const articleSchema = z.object({
  /** Page title in zh-Hant, as a merchant would phrase the problem (8–40 characters). */
  title: z
    .string({ error: 'add a `title:` line, e.g. title: 打印機不出小票怎麼辦' })
    .min(4, { error: 'the title is too short: write 4–40 characters, the way a merchant would describe the problem' })
    .max(40, { error: 'the title is too long: keep it to 40 characters and put the rest in `description`' }),
  /** One or two sentences for search results, meta description and cards (20–160 characters). */
  description: z
    .string({ error: 'add a `description:` of 20–160 characters that says what the page helps with' })
    .min(20, { error: 'the description is too short: write 20–160 characters saying what the page helps with' })
    .max(160, { error: 'the description is too long: keep it to 160 characters (search results cut the rest)' }),
  /** Date the content was last checked, YYYY-MM-DD. */
  updated: z.coerce.date({ error: 'write `updated:` as a date, e.g. updated: 2026-11-24' }),
  /** Position among the category's articles (index.mdx is always first). */
  order: z.number().int().min(0).default(10),
  /** Troubleshooter shown on this page: the id of a flow, i.e. a file src/content/flows/{flow}.yaml. */
  flow: z
    .string()
    .refine(isFlowName, {
      error: (issue) =>
        `\`flow: ${String(issue.input)}\` names no flow file: write one of ${flowNames.join(', ')} (files in src/content/flows/), or add src/content/flows/${String(issue.input)}.yaml`,
    })
    .optional(),
  /** The node of that flow to start at (its id in the flow file), when this page answers a later question. */
  flowStart: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*$/, 'write `flowStart:` as a node id, e.g. checkingPaper')
    .optional(),
  /**
   * What the terminal's screen or slip says, word for word (「打印機缺紙」, 「交易超時，請重試」):
   * listed under 「屏幕上可能看到」 and indexed for search. Not a merchant's own phrasing.
   */
  messages: z.array(z.string().min(2)).default([]),
  /**
   * How merchants put the problem in their own words (「扣了兩次錢」, 「單邊賬」, 「搬店」): listed
   * under 「常見說法」 and indexed for search like `messages`.
   */
  phrases: z.array(z.string().min(2)).default([]),
  /** Other articles worth reading next, as ids like `network` or `hardware/printer`. */
  related: z
    .array(z.string().regex(/^[a-z-]+(\/[a-z0-9-]+)?$/, 'write related ids like `network` or `hardware/printer`'))
    .default([]),
});

/** One UnionPay (or custom) response code: src/content/codes/codes.yaml, one list item each. */
const codeSchema = z.object({
  /** The code as shown, e.g. `55` or `A0`; its page is /{lang}/codes/{id lower-cased}/. */
  id: z.string().regex(/^[0-9A-Z]{2}$/, 'a code is two characters, digits or capital letters, e.g. 55 or A0'),
  /** What the code means, in one short line. */
  meaning: z.string().min(2),
  /** Typical texts on the terminal screen or receipt. */
  display: z.array(z.string()).min(1),
  /** UnionPay handling class A–E, or `none` when the source gives none. */
  class: z.enum(['A', 'B', 'C', 'D', 'E', 'B/D', 'none']),
  /** Who has to act: cardholder, merchant, acquirer, issuer or system. */
  actor: z.string().min(2),
  /** What the merchant should do, as ordered steps. */
  steps: z.array(z.string().min(2)).min(1),
  /** How sure the sources are. */
  confidence: z.enum(['high', 'medium', 'low']),
  /** Shown when sources conflict or confidence is not high: what is uncertain. */
  caution: z.string().optional(),
  /** Which specification defines it: current (2014), legacy (old table only), or a provider's custom code. */
  source: z.enum(['current', 'legacy', 'custom']),
  /** Id of the article that helps next, e.g. `network` or `hardware/card-reading`. */
  article: z.string().regex(/^[a-z-]+(\/[a-z0-9-]+)?$/),
  /** Listed among the most common codes on the home page. */
  common: z.boolean().default(false),
});

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/articles' }),
  schema: articleSchema,
});

const codes = defineCollection({
  loader: codesLoader('src/content/codes/codes.yaml'),
  schema: codeSchema,
});

/** The decision flows: one file per flow, src/content/flows/{flow}.yaml (files starting with _ are shared texts). */
const flows = defineCollection({
  loader: glob({ pattern: '[!_]*.yaml', base: './src/content/flows' }),
  schema: flowSchema,
});

export const collections = { articles, codes, flows };
