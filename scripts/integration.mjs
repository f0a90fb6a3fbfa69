// @ts-check
/**
 * The build steps Astro does not do itself, run in order after the pages are written:
 * check links, index with Pagefind, bundle the embeddable element, generate the service worker.
 * @returns {import('astro').AstroIntegration}
 */
export default function posHelp() {
  return {
    name: 'pos-help',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { checkLinks } = await import('./build/check-links.mjs');
        await checkLinks(dir, logger);
      },
    },
  };
}
