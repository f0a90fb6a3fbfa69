// @ts-check
import { fileURLToPath } from 'node:url';
import { isFlowsYaml } from './flow-files.mjs';
/**
 * The build steps Astro does not do itself, run in order after the pages are written:
 * check links, index with Pagefind, bundle the embeddable element, generate the service worker;
 * and, before the content is loaded, that every article's frontmatter is closed.
 * @returns {import('astro').AstroIntegration}
 */
export default function posHelp() {
  /** The base path (`/`, or the path of `site`, e.g. `/pos/help/`), always ending in a slash. */
  let base = '/';
  /** The site's absolute URL (`site`). */
  let site = '';
  return {
    name: 'pos-help',
    hooks: {
      // Before the content is loaded: an unclosed frontmatter would be reported as missing fields.
      'astro:config:done': async ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site ?? '';
        const { checkFrontmatter } = await import('./build/check-frontmatter.mjs');
        checkFrontmatter(process.cwd());
      },
      // The author preview of every flow (/dev/flows/) exists only in `astro dev`.
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev')
          injectRoute({ pattern: '/dev/flows', entrypoint: './src/components/dev/FlowPreview.astro' });
      },
      // In `astro dev`, check the flows at start and whenever a flow file changes (pages that show a
      // flow also fail with the same error, shown in the browser).
      'astro:server:setup': ({ server, logger }) => {
        const run = async () => {
          const { checkFlows } = await import('./build/check-flows.mjs');
          try {
            logger.info(`flows: ${await checkFlows(process.cwd())} flows pass their checks`);
          } catch (error) {
            const { message, hint } = /** @type {Error & { hint?: string }} */ (error);
            logger.error(hint ? `${message}\n${hint}` : message);
          }
        };
        void run();
        server.watcher.on('all', async (_event, file) => {
          if (!isFlowsYaml(file)) return;
          (await import('./build/flow-data.mjs')).forgetFlowData(process.cwd());
          void run();
        });
      },
      'astro:build:start': async ({ logger }) => {
        const { checkFlows } = await import('./build/check-flows.mjs');
        logger.info(`flows: ${await checkFlows(process.cwd())} flows pass their checks`);
        const { buildEmbed } = await import('./build/embed.mjs');
        const manifest = await buildEmbed(process.cwd(), site);
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
        const { lowerPagefind } = await import('./build/lower-pagefind.mjs');
        await lowerPagefind(fileURLToPath(dir));
        const { buildServiceWorker } = await import('./build/service-worker.mjs');
        await buildServiceWorker(dir, logger, base);
      },
    },
  };
}
