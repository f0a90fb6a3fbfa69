/**
 * From flow files to checked, compiled flows: parse each file with its schema, run the checks,
 * compile. Every problem of every file is collected, then reported together.
 */
import { checkFlowFile, checkSharedSafety } from './check.ts';
import { compileFlow } from './compile.ts';
import { problemsFromIssues, type FlowProblem } from './problems.ts';
import { flowSchema, sharedSchema, type FlowFile, type SharedTexts } from './schema.ts';
import type { Flow } from './types.ts';

/** A YAML file as read: its flow id (file name), its path for messages, its parsed content. */
export interface FlowSource {
  name: string;
  file: string;
  data: unknown;
}

/** Checks and compiles every flow; the flows come sorted by `order`, then name. */
export function loadFlows(
  sources: FlowSource[],
  shared: Omit<FlowSource, 'name'>,
): { flows: Flow[]; problems: FlowProblem[] } {
  const problems: FlowProblem[] = [];
  const sharedParsed = sharedSchema.safeParse(shared.data ?? {});
  if (!sharedParsed.success) problems.push(...problemsFromIssues(shared.file, sharedParsed.error.issues));
  const texts: SharedTexts = sharedParsed.success ? sharedParsed.data : {};
  problems.push(...checkSharedSafety(shared.file, texts));
  const flows: Flow[] = [];
  for (const source of sources) {
    if (!/^[a-z][a-z0-9-]*$/.test(source.name)) {
      problems.push({
        file: source.file,
        node: '',
        field: '(the file name)',
        message: `"${source.name}" cannot be a flow id: it becomes a URL and an attribute value`,
        fix: 'rename the file in lower case letters, digits and hyphens, e.g. card-reading.yaml',
      });
      continue;
    }
    const parsed = flowSchema.safeParse(source.data);
    if (!parsed.success) {
      problems.push(...problemsFromIssues(source.file, parsed.error.issues));
      continue;
    }
    const found = checkFlowFile(source.file, parsed.data, texts);
    problems.push(...found);
    if (!found.length) flows.push(compileFlow(source.name, parsed.data as FlowFile, texts));
  }
  flows.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  return { flows, problems };
}

export { flowsError } from './problems.ts';
