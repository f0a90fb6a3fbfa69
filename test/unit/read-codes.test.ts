import { describe, expect, it } from 'vitest';
import { readCodes } from '../../src/lib/content/read-codes';

const file = 'src/content/codes/codes.yaml';
const code55 = `- id: '55'\n  meaning: 密碼錯誤\n  display: [密碼錯]\n  class: C\n`;
const codeA0 = `- id: A0\n  meaning: MAC 校驗錯\n  display: [MAC校驗錯]\n  class: B\n`;

/** The error readCodes throws for `text`, as an author sees it: message, then hint. */
function errorFor(text: string): string {
  try {
    readCodes(file, text);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message}\n${hint ?? ''}`;
  }
  throw new Error('readCodes accepted the text');
}

describe('reading the response-code list', () => {
  it('returns each code with the line it starts on', () => {
    expect(readCodes(file, code55 + codeA0).map(({ id, line }) => ({ id, line }))).toEqual([
      { id: '55', line: 1 },
      { id: 'A0', line: 5 },
    ]);
  });

  it('names the file, line, field and fix for a list left open', () => {
    expect(errorFor(code55.replace('[密碼錯]', '[密碼錯') + codeA0)).toMatchInlineSnapshot(`
      "src/content/codes/codes.yaml:3: this is not valid YAML (field \`display\`, code 55): Flow sequence in block collection must be sufficiently indented and end with a ].
      Fix line 3 of src/content/codes/codes.yaml: indent every field two spaces under its \`- id:\`, and close a \`[ ]\` list on the line it starts. The build stops rather than go on with old or missing codes."
    `);
  });

  it('names the file, line, field and fix for text with a colon that needs quotes', () => {
    expect(errorFor(code55.replace('密碼錯誤', '密碼錯誤: 請重輸') + codeA0)).toMatchInlineSnapshot(`
      "src/content/codes/codes.yaml:2: this is not valid YAML (field \`meaning\`, code 55): Nested mappings are not allowed in compact mappings.
      Fix line 2 of src/content/codes/codes.yaml: put text that contains \`: \` or \` #\` in quotes, e.g. meaning: '密碼錯: 請重輸'. The build stops rather than go on with old or missing codes."
    `);
  });

  it('names the file, line, field and fix for a quote left open', () => {
    expect(errorFor(code55.replace('meaning: 密碼錯誤', "meaning: '密碼錯誤") + codeA0)).toMatchInlineSnapshot(`
      "src/content/codes/codes.yaml:2: this is not valid YAML (field \`meaning\`, code 55): Missing closing 'quote.
      Fix line 2 of src/content/codes/codes.yaml: close the quote or the \`[ ]\` list this field opens, on the same line. The build stops rather than go on with old or missing codes."
    `);
  });

  it('names both lines of a code listed twice', () => {
    expect(errorFor(code55 + codeA0 + code55)).toMatchInlineSnapshot(`
      "src/content/codes/codes.yaml:9: code 55 is listed twice, at lines 1 and 9 (field \`id\`); the second would replace the first.
      Keep one entry for code 55: merge what is right into the one at line 1 and delete the one at line 9, or correct the \`id\` if it is a different code."
    `);
  });

  it('names the line of an item without an id', () => {
    expect(errorFor(code55 + '- meaning: 無代碼\n')).toMatchInlineSnapshot(`
      "src/content/codes/codes.yaml:5: this item is not a code (field \`id\` is missing).
      Start the item at line 5 with \`- id: '55'\` and indent its other fields two spaces under it."
    `);
  });
});
