// @ts-check
import { fileURLToPath } from 'node:url';
/**
 * The build steps Astro does not do itself, run in order after the pages are written:
 * check links, index with Pagefind, bundle the embeddable element, generate the service worker.
 * @returns {import('astro').AstroIntegration}
 */
export default function posHelp() {
  /** The base path (`/`, or the path of `site`, e.g. `/pos/help/`), always ending in a slash. */
  let base = '/';
  return {
    name: 'pos-help',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:start': async ({ logger }) => {
        const { checkFlows } = await import('./build/check-flows.mjs');
        logger.info(`flows: ${await checkFlows(process.cwd())} flows pass their checks`);
        const { buildEmbed } = await import('./build/embed.mjs');
        const manifest = await buildEmbed(process.cwd());
        logger.info(`embed: ${manifest.file} ${manifest.bytes} bytes, ${manifest.versioned}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { copyEmbed } = await import('./build/embed.mjs');
        await copyEmbed(process.cwd(), fileURLToPath(dir));
        const { checkLinks } = await import('./build/check-links.mjs');
        await checkLinks(dir, logger, base);
        const { buildIndex } = await import('./build/pagefind.mjs');
        // Pages are indexed as /{lang}/…: Pagefind puts the base path (the folder above /pagefind/) in front.
        await buildIndex(dir, logger);
        const { buildServiceWorker } = await import('./build/service-worker.mjs');
        await buildServiceWorker(dir, logger, base);
      },
    },
  };
}
