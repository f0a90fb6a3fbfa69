/**
 * Reads the response-code list (src/content/codes/codes.yaml) with line numbers, so that broken
 * YAML and a code listed twice stop the build with the file, the line, the field and the fix,
 * instead of the build going on with old data or none.
 */
import { AstroError } from 'astro/errors';
import { isMap, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';

/** One list item, not yet checked against the schema. */
export interface CodeItem {
  id: string;
  /** 1-based line of the item's `- id:`. */
  line: number;
  data: Record<string, unknown>;
}

const fixes: Record<string, string> = {
  MISSING_CHAR: 'close the quote or the `[ ]` list this field opens, on the same line',
  BAD_INDENT: 'indent every field two spaces under its `- id:`, and close a `[ ]` list on the line it starts',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'write each field once per code',
  BLOCK_AS_IMPLICIT_KEY: "put text that contains `: ` or ` #` in quotes, e.g. meaning: '密碼錯: 請重輸'",
  MULTILINE_IMPLICIT_KEY: "put text that contains `: ` or ` #` in quotes, e.g. meaning: '密碼錯: 請重輸'",
  UNEXPECTED_TOKEN: "put text that contains `: ` or ` #` in quotes, e.g. meaning: '密碼錯: 請重輸'",
};

const keyOf = (line: string | undefined) => /^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:/.exec(line ?? '')?.[1];
const idOf = (line: string | undefined) => /^-[ \t]+id:[ \t]*['"]?([0-9A-Za-z]+)/.exec(line ?? '')?.[1];

/**
 * The field an error is in, and its line: the key on the error's line, or the one before when the
 * error is at a key's start (an unclosed list or quote shows only where the next field begins).
 */
function fieldAt(lines: string[], error: YAMLError): { field?: string; line?: number; code?: string } {
  const pos = error.linePos?.[0];
  if (!pos) return {};
  let at = pos.line - 1;
  // A quote left open runs on to the end of the file: look for the line that opens it.
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const open = lines.findIndex((l, i) => i <= at && /:[ \t]*(['"])(?:(?!\1).)*$/.test(l));
    if (open >= 0) at = open;
  }
  const indent = /^[ \t]*(?:-[ \t]+)?/.exec(lines[at] ?? '')?.[0].length ?? 0;
  const startsLine = at === pos.line - 1 && error.code !== 'DUPLICATE_KEY' && pos.col <= indent + 1;
  let found: { field?: string; line?: number; code?: string } = {};
  for (let i = startsLine ? at - 1 : at; i >= 0; i--) {
    const field = keyOf(lines[i]);
    if (field) {
      found = { field, line: i + 1 };
      break;
    }
  }
  for (let i = found.line ? found.line - 1 : at; i >= 0 && !found.code; i--) found.code = idOf(lines[i]);
  return found;
}

/**
 * Parses the list and returns its items with their lines. Throws an AstroError naming the file,
 * the line, the field and the fix when the YAML is broken, an item is not a code or a code is
 * listed twice.
 */
export function readCodes(file: string, text: string): CodeItem[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const { field, code, line = error.linePos?.[0].line ?? 1 } = fieldAt(text.split(/\r?\n/), error);
    const where = [field && `field \`${field}\``, code && `code ${code}`].filter(Boolean).join(', ');
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new AstroError(
      `${file}:${line}: this is not valid YAML${where ? ` (${where})` : ''}: ${reason}.`,
      `Fix line ${line} of ${file}: ${fixes[error.code] ?? 'compare it with the codes around it'}. The build stops rather than go on with old or missing codes.`,
    );
  }
  const list = doc.contents;
  if (!isSeq(list)) {
    throw new AstroError(
      `${file} is not a list of codes.`,
      'Start each code with `- id:` at the beginning of a line, its other fields indented two spaces under it.',
    );
  }
  const seen = new Map<string, number>();
  return list.items.map((item) => {
    const line = counter.linePos(item && typeof item === 'object' && 'range' in item ? (item.range?.[0] ?? 0) : 0).line;
    const data: unknown = isMap(item) ? item.toJSON() : undefined;
    const id = data && typeof data === 'object' && 'id' in data ? String(data.id) : '';
    if (!data || !id) {
      throw new AstroError(
        `${file}:${line}: this item is not a code (field \`id\` is missing).`,
        `Start the item at line ${line} with \`- id: '55'\` and indent its other fields two spaces under it.`,
      );
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new AstroError(
        `${file}:${line}: code ${id} is listed twice, at lines ${first} and ${line} (field \`id\`); the second would replace the first.`,
        `Keep one entry for code ${id}: merge what is right into the one at line ${first} and delete the one at line ${line}, or correct the \`id\` if it is a different code.`,
      );
    }
    seen.set(id, line);
    return { id, line, data: data as Record<string, unknown> };
  });
}
