/**
 * The types of the virtual modules declared in scripts/virtual-modules.mjs (build-time data
 * handed to runtime code), and of the theme stylesheet (scripts/vite-plugin-theme.mjs).
 */

declare module 'virtual:pos-help/config' {
  /** The deployer's settings (site.config.mjs), checked by scripts/site-config.mjs. */
  const config: import('../scripts/site-config.mjs').SiteConfig;
  export default config;
}

declare module 'virtual:pos-help/catalogue' {
  /** Every flow's model (zh-Hant, in order), the shared texts, and any problem the checks found. */
  const catalogue: {
    models: import('./machines/types').FlowModel[];
    shared: import('./machines/schema').SharedTexts;
    problems: import('./machines/problems').FlowProblem[];
  };
  export default catalogue;
}

declare module 'virtual:pos-help/flows' {
  /**
   * What the browser needs to load one flow: the flows' ids in order, and per script each flow's
   * JSON file (relative to `base`) with, in the embed bundle, its SRI hash.
   */
  const flows: {
    /** The URL the flow files are under, ending in a slash. */
    base: string;
    names: string[];
    files: Record<string, Record<string, { file: string; integrity?: string }>>;
  };
  export default flows;
}

declare module 'virtual:pos-help/widget-strings' {
  /** Per script, a loader of the widget's UI strings in it: key (src/i18n/widget.ts) → text. */
  const tables: Partial<
    Record<
      import('./i18n/langs.mjs').Lang,
      () => Promise<{ default: Record<import('./i18n/widget').WidgetKey, string> }>
    >
  >;
  export default tables;
}

declare module 'virtual:pos-theme.css' {}
