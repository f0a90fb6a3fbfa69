declare module 'virtual:pos-hans' {
  /**
   * Per converted language (src/i18n/langs.mjs), the troubleshooter's texts: a character map plus
   * whole-text exceptions where OpenCC converts a phrase differently (built by
   * scripts/vite-plugin-hans.mjs).
   */
  const tables: Partial<
    Record<import('./i18n/langs.mjs').Lang, { chars: Record<string, string>; exceptions: Record<string, string> }>
  >;
  export default tables;
}

declare module 'virtual:pos-embed-flows' {
  /** The embed bundle's flow files: `flows/{flow}.{hash}.js` beside it, by flow file path (scripts/build/embed.mjs). */
  const chunks: Record<string, string>;
  export default chunks;
}

declare module 'virtual:pos-theme.css' {}

declare module '*.yaml' {
  /** A YAML file of src/content/flows/, parsed (scripts/vite-plugin-flows.mjs); checked by src/machines/. */
  const data: unknown;
  export default data;
}
