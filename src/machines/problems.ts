/**
 * What the flow checks report: one problem names the file, the node, the field and the fix. They
 * are collected, never thrown one by one, so an author sees every mistake of every flow at once.
 */
import { AstroError } from 'astro/errors';

/** One thing wrong with a flow file, said so an author can fix it. */
export interface FlowProblem {
  /** The file, relative to the project, e.g. `src/content/flows/network.yaml`. */
  file: string;
  /** The node's id, or '' for a field of the file itself (`start`, `title`). */
  node: string;
  /** The field, relative to the node (or the file), e.g. `answers.YES.next`; '' for the whole node. */
  field: string;
  /** What is wrong, and why it matters. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** Where a problem is: file, node and field. */
const whereIs = (p: FlowProblem): string =>
  [p.file, p.node && `node "${p.node}"`, p.field && `field \`${p.field}\``].filter(Boolean).join(', ');

/** Formats problems one per line: where, what is wrong, the fix. */
export function formatProblems(problems: FlowProblem[]): string {
  return problems.map((p) => `${whereIs(p)}: ${p.message}. Fix: ${p.fix}.`).join('\n');
}

/** One AstroError for every problem: the message says where and what, the hint says the fix. */
export function flowsError(problems: FlowProblem[]): AstroError {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const message = [
    `The troubleshooting flows have ${count}:`,
    ...problems.map((p) => `- ${whereIs(p)}: ${p.message}.`),
  ];
  const hint = ['Fix:', ...problems.map((p) => `- ${whereIs(p)}: ${p.fix}.`)];
  const error = new AstroError(message.join('\n'), hint.join('\n'));
  error.name = 'FlowError';
  return error;
}

/** Turns zod issues of a flow file into problems (the path `nodes.<id>.<field…>` names the node). */
export function problemsFromIssues(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FlowProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const inNode = path[0] === 'nodes' && path.length > 1;
    const node = inNode ? path[1]! : '';
    const field = (inNode ? path.slice(2) : path).join('.');
    return {
      file,
      node,
      field,
      message: issue.message,
      fix: 'write it as the schema says (see flow.schema.json; an editor with YAML support shows it as you type)',
    };
  });
}
