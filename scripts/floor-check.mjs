// @ts-check
/**
 * Whether a shipped script parses in every engine of the browser floor (scripts/floor.mjs):
 * test/e2e/floor.test.ts runs it over every JavaScript file in dist/.
 */
import { parse } from 'acorn';

/**
 * The text of a string literal or a template literal without substitutions ('' for anything else).
 * @param {any} node
 */
const stringValue = (node) =>
  node?.type === 'Literal' && typeof node.value === 'string'
    ? node.value
    : node?.type === 'TemplateLiteral' && node.expressions.length === 0
      ? node.quasis[0].value.cooked
      : '';

/**
 * Syntax that parses at ES2020 (acorn's level for dynamic import and import.meta, which every
 * floor engine has) but that one of the floor engines does not: each with the engine that lacks it.
 * @type {Record<string, (node: any) => boolean>}
 */
const tooNew = {
  'optional chaining `?.` (Chromium 80, Safari 13.1)': (n) => n.type === 'ChainExpression',
  'nullish coalescing `??` (Chromium 80, Safari 13.1)': (n) => n.type === 'LogicalExpression' && n.operator === '??',
  'BigInt literal (Safari 14)': (n) => n.type === 'Literal' && n.bigint !== undefined,
  '`export * as name` (Safari 14.1)': (n) => n.type === 'ExportAllDeclaration' && n.exported != null,
  'regular expression lookbehind (Safari 16.4)': (n) =>
    (n.type === 'Literal' && n.regex !== undefined && /\(\?<[=!]/.test(n.regex.pattern)) ||
    ((n.type === 'NewExpression' || n.type === 'CallExpression') &&
      n.callee.type === 'Identifier' &&
      n.callee.name === 'RegExp' &&
      /\(\?<[=!]/.test(stringValue(n.arguments[0]))),
};

/**
 * Checks one script against the floor. Returns the problems, empty when it runs on every floor
 * engine: a syntax error at ES2020 (class fields, `??=`, top-level await…) or a newer construct
 * above, each with its line.
 * @param {string} code
 * @param {{ module?: boolean }} [options]
 * @returns {string[]}
 */
export function floorProblems(code, { module = true } = {}) {
  /** @type {any} */
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 2020, sourceType: module ? 'module' : 'script', locations: true });
  } catch (error) {
    // Only modules have import/export; a classic script (a worker, an IIFE) may still be one.
    if (module && /'import' and 'export' may appear only|import\.meta/.test(String(error)))
      return floorProblems(code, { module: false });
    return [`does not parse at ES2020: ${/** @type {Error} */ (error).message}`];
  }
  /** @type {string[]} */
  const found = [];
  /** @param {any} node */
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    for (const [what, test] of Object.entries(tooNew)) {
      if (test(node)) found.push(`${what} at line ${node.loc.start.line}:${node.loc.start.column + 1}`);
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return found;
}
