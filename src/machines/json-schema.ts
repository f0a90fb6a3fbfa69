/**
 * The flow schemas as JSON Schema, for editors (YAML extension of VS Code and others):
 * `npm run flows:schema` writes them beside the flow files; a unit test checks they are current.
 */
import { z } from 'astro/zod';
import { flowSchema, sharedSchema } from './schema.ts';

/** File name → JSON Schema, for src/content/flows/. */
export function flowJsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', target: 'draft-7', unrepresentable: 'any' } as const;
  return {
    'flow.schema.json': {
      ...z.toJSONSchema(flowSchema, options),
      title: 'pos-help flow file (src/content/flows/{flow}.yaml)',
    },
    'shared.schema.json': {
      ...z.toJSONSchema(sharedSchema, options),
      title: 'pos-help shared flow texts (src/content/flows/_shared.yaml)',
    },
  };
}

/** The text of a schema file as written (2-space JSON, final newline). */
export const schemaText = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;
