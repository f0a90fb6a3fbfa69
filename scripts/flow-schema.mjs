// @ts-check
/**
 * npm run flows:schema: writes the JSON Schemas of the flow files (src/content/flows/*.schema.json)
 * from the zod schemas in src/machines/schema.ts. Run it after changing the schema.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';
import { flowsDir } from './flow-files.mjs';

const root = process.cwd();
const { module } = await runnerImport(path.join(root, 'src/machines/json-schema.ts'), { configFile: false, root });
const { flowJsonSchemas, schemaText } = /** @type {typeof import('../src/machines/json-schema.ts')} */ (module);
for (const [name, schema] of Object.entries(flowJsonSchemas())) {
  writeFileSync(path.join(root, flowsDir, name), schemaText(schema));
  console.log(`${flowsDir}/${name}`);
}
