/**
 * The flow schemas as JSON Schema, for editors (YAML extension of VS Code and others):
 * `npm run flows:schema` writes them beside the flow files; a unit test checks they are current.
 */
import { z } from 'astro/zod';
import { flowSchema, namePatterns, sharedSchema } from './schema.ts';

/**
 * Adds, beside every name `pattern`, the message the YAML language server shows instead of the raw
 * regex (`patternErrorMessage`). Node ids and shared ids share a pattern: `kinds` says which
 * names the file holds, first the one a shared pattern stands for.
 */
function withPatternMessages(schema: unknown, kinds: (keyof typeof namePatterns)[]): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withPatternMessages(s, kinds));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = withPatternMessages(value, kinds);
  const pattern = (schema as { pattern?: unknown }).pattern;
  const kind = kinds.find((k) => namePatterns[k].regex.source === pattern);
  if (kind) out.patternErrorMessage = namePatterns[kind].message;
  return out;
}

/** File name → JSON Schema, for src/content/flows/. */
export function flowJsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', target: 'draft-7', unrepresentable: 'any' } as const;
  return {
    'flow.schema.json': {
      ...(withPatternMessages(z.toJSONSchema(flowSchema, options), ['nodeId', 'answer']) as object),
      title: 'pos-help flow file (src/content/flows/{flow}.yaml)',
    },
    'shared.schema.json': {
      ...(withPatternMessages(z.toJSONSchema(sharedSchema, options), ['sharedId']) as object),
      title: 'pos-help shared flow texts (src/content/flows/_shared.yaml)',
    },
  };
}

/** The text of a schema file as written (2-space JSON, final newline). */
export const schemaText = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;
