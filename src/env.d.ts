declare module 'virtual:pos-hans' {
  /** zh-Hant text → zh-Hans text, for every text of the troubleshooter that changes. */
  const table: Record<string, string>;
  export default table;
}
