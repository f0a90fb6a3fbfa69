// @ts-check
/**
 * The deployer's settings, read from site.config.mjs once and checked field by field: anything
 * wrong stops the build (or `npm start`) with a message naming the file, the field and the fix.
 * Node-side code (astro.config.mjs, the Vite plugins, scripts/serve.mjs, scripts/make-icons.mjs)
 * imports `siteConfig` from here; code that runs in Vite gets the same object as the virtual
 * module `virtual:pos-help/config` (scripts/virtual-modules.mjs, through src/lib/site.ts).
 * Nothing else imports site.config.mjs (test/unit/site-config.test.ts checks).
 */
import { z } from 'astro/zod';
import raw from '../site.config.mjs';

/** A CSS colour the theme stylesheet may carry: hex, a name, or rgb()/hsl()/oklch(). */
export const cssColour = /^#[0-9a-f]{3,8}$|^[a-z]+$|^(rgb|hsl|oklch)a?\([0-9.,%\s/a-z-]+\)$/i;

/** An origin that may frame the iframe route: scheme and host (and port), nothing after. */
export const webOrigin = /^https?:\/\/[^/\s;,'"]+$/;

/** A phone number merchants can dial (and a `tel:` link can carry): digits, hyphens between them. */
const phone = /^\+?[0-9]+(-[0-9]+)*$/;

/** @param {string} fix what the field must be, as the message says it */
const must = (fix) => ({ error: fix });

/** @param {string} fix */
const text = (fix) => z.string(must(fix)).trim().min(1, must(fix));

/** @param {string} use what the colour is for */
const colour = (use) => {
  const fix = `must be a CSS colour for ${use}, like '#0b5cad'`;
  return z.string(must(fix)).regex(cssColour, must(fix));
};

/** @param {string} value */
const isSiteUrl = (value) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username && !url.password;
};

const siteFix =
  "must be the absolute URL the site is served from, at a domain's root or under a path, like 'https://help.bank.example/' or 'https://bank.example/pos/help/' (no query, no #)";
const hotlineFix =
  "must be a phone number like 95516 or 400-123-4567 (digits, hyphens between them, + first for an international number), or '' to tell merchants to call the number on their terminal's label";
const originsFix =
  "must be a list of origins allowed to frame the troubleshooter, like ['https://portal.bank.example'], or [] for none, or ['*'] for any site";

export const siteConfigSchema = z
  .strictObject(
    {
      site: z.string(must(siteFix)).refine(isSiteUrl, must(siteFix)),
      deployerName: text("must be the bank's or acquirer's name as merchants know it, like 'POS 自助服務中心'"),
      shortName: z
        .string(must("must be a short name for the installed app, like 'POS 自助'"))
        .trim()
        .min(1, must("must be a short name for the installed app, like 'POS 自助'"))
        .max(12, must("must be at most 12 characters (phones cut longer app names), like 'POS 自助'")),
      hotline: z
        .string(must(hotlineFix))
        .trim()
        .refine((v) => v === '' || phone.test(v), must(hotlineFix)),
      hotlineHours: z.string(must("must say when the hotline answers, like '每天 24 小時'")).trim(),
      colors: z.strictObject(
        {
          accent: colour('links and buttons'),
          accentText: colour('text on the accent'),
          accentDark: colour('links and buttons in dark mode'),
        },
        must("must be the brand colours, like { accent: '#0b5cad', accentText: '#ffffff', accentDark: '#7ab8ff' }"),
      ),
      embedOrigins: z
        .array(
          z
            .string(must(originsFix))
            .refine(
              (o) => o === '*' || webOrigin.test(o),
              must(
                "must be an origin: scheme and host, like 'https://portal.bank.example' (no path, no trailing slash), or '*'",
              ),
            ),
          must(originsFix),
        )
        .default([]),
    },
    must(
      'must export default an object: { site, deployerName, shortName, hotline, hotlineHours, colors, embedOrigins }',
    ),
  )
  .superRefine((config, ctx) => {
    if (config.hotline && !config.hotlineHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['hotlineHours'],
        message: "must say when the hotline answers, like '每天 24 小時' (there is a hotline)",
      });
    }
  });

/** @typedef {z.output<typeof siteConfigSchema>} SiteConfig */

/**
 * The value at `path` inside `value`, as a message quotes it.
 * @param {unknown} value
 * @param {PropertyKey[]} path
 */
function got(value, path) {
  for (const key of path) value = value && typeof value === 'object' ? /** @type {any} */ (value)[key] : undefined;
  if (value === undefined) return 'nothing (the field is missing)';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** @param {PropertyKey[]} path */
const fieldName = (path) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');

/**
 * `value` checked as site.config.mjs's default export; throws an Error listing every problem,
 * one line each: `site.config.mjs: <field> must be …; got …`.
 * @param {unknown} value
 * @returns {SiteConfig}
 */
export function parseSiteConfig(value) {
  const result = siteConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = fieldName(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const where = field ? `${field} has` : 'has';
      return `site.config.mjs: ${where} an unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (misspelt?); delete it or correct its name (README, "Deploying your own copy").`;
    }
    return `site.config.mjs: ${field || 'the file'} ${issue.message}; got ${got(value, issue.path)}.`;
  });
  throw new Error(lines.join('\n'));
}

/** The deployer's settings, checked. */
export const siteConfig = parseSiteConfig(raw);
