/**
 * The flow checks shared by `astro dev`, the build and the tests: every target exists, every node
 * is reached, every path ends in an outcome, outcomes say what they must, shared texts exist, and
 * the safety rules hold. Each problem names the file, the node, the field and the fix.
 */
import { answersOf } from './compile.ts';
import type { FlowProblem } from './problems.ts';
import { checkSafety, checkText } from './safety.ts';
import type { FlowFile, SharedTexts } from './schema.ts';

/** Edit distance, to suggest the node an author meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The fix for a target that is not a node: the nearest id if one is close, else the ids to use. */
function targetFix(target: string, ids: string[]): string {
  const near = ids
    .map((id) => [id, distance(target.toLowerCase(), id.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1])[0];
  if (near && near[1] <= Math.max(2, Math.floor(target.length / 4))) return `did you mean "${near[0]}"? Correct the id`;
  return `write one of: ${ids.join(', ')}; or add a node "${target}"`;
}

/** Checks one parsed flow file; `file` is its path for the messages. */
export function checkFlowFile(file: string, flow: FlowFile, shared: SharedTexts): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add = (node: string, field: string, message: string, fix: string) =>
    problems.push({ file, node, field, message, fix });
  const ids = Object.keys(flow.nodes);
  if (!flow.nodes[flow.start])
    add(
      '',
      'start',
      `the flow starts at "${flow.start}", which is not a node of this flow`,
      targetFix(flow.start, ids),
    );

  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const answer of answersOf(node)) {
      const field = node.kind === 'step' ? 'done.next' : `answers.${answer.event}.next`;
      if (!flow.nodes[answer.next])
        add(
          id,
          field,
          `answer ${answer.event} leads to "${answer.next}", which is not a node of this flow`,
          targetFix(answer.next, ids),
        );
    }
    if (node.kind === 'question' && answersOf(node).length === 0)
      add(
        id,
        'answers',
        'this question has no answers, so a merchant who reaches it is stuck',
        'add answers, or make it `kind: outcome`',
      );
    if (node.kind !== 'outcome') continue;
    if (node.outcome === 'escalate' && !node.contact)
      add(
        id,
        'contact',
        'an escalation must say whom to contact',
        'add `contact:` (a text, or `{ shared: provider }`)',
      );
    if (node.outcome === 'escalate' && !node.tell?.length)
      add(id, 'tell', 'an escalation must say what to tell them', 'add `tell:` with the details to give, item by item');
    if (node.outcome === 'resolved' && !node.prevent?.length)
      add(
        id,
        'prevent',
        'a resolved outcome must say how to keep it from happening again',
        'add `prevent:` with one or more tips',
      );
    const refs = [
      ...(node.contact && typeof node.contact !== 'string'
        ? [{ field: 'contact', id: node.contact.shared, part: 'contact' as const }]
        : []),
      ...(node.tell ?? []).flatMap((t, i) =>
        typeof t === 'string' ? [] : [{ field: `tell.${i}`, id: t.shared, part: 'tell' as const }],
      ),
    ];
    for (const ref of refs)
      if (!shared[ref.id]?.[ref.part])
        add(
          id,
          ref.field,
          `"${ref.id}" has no ${ref.part} in _shared.yaml`,
          `use one of: ${
            Object.keys(shared)
              .filter((k) => shared[k]?.[ref.part])
              .join(', ') || '(none)'
          }; or add it to src/content/flows/_shared.yaml`,
        );
  }

  // Reachability: breadth first from the start.
  const next = (id: string) => {
    const node = flow.nodes[id];
    return node
      ? answersOf(node)
          .map((a) => a.next)
          .filter((t) => flow.nodes[t])
      : [];
  };
  const reached = new Set<string>();
  const queue = flow.nodes[flow.start] ? [flow.start] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...next(id));
  }
  // Only the first node of each unreached branch (the one nothing else points to): its fix reconnects
  // the rest. When the start itself is wrong, that problem is enough.
  const unreached = ids.filter((id) => !reached.has(id));
  const pointedTo = new Set(unreached.flatMap(next));
  const roots = unreached.filter((id) => !pointedTo.has(id));
  for (const id of flow.nodes[flow.start] ? (roots.length ? roots : unreached) : [])
    add(
      id,
      '',
      'no answer leads to this node, so no merchant ever sees it',
      `point an answer's \`next\` to "${id}", or delete the node`,
    );

  // Dead ends: a reachable node from which no outcome can be reached (a loop with no way out).
  const ends = new Set(ids.filter((id) => flow.nodes[id]!.kind === 'outcome'));
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ids)
      if (!ends.has(id) && next(id).some((t) => ends.has(t))) {
        ends.add(id);
        grew = true;
      }
  }
  const complete = (id: string) => answersOf(flow.nodes[id]!).every((a) => flow.nodes[a.next]);
  for (const id of ids)
    if (reached.has(id) && !ends.has(id) && answersOf(flow.nodes[id]!).length > 0 && complete(id))
      add(
        id,
        'answers',
        'no path from this node reaches an outcome: its answers only go round in a loop',
        'point one of its answers towards an outcome',
      );

  // The "not fixed" escalation every resolved outcome leads to is worded by a _shared.yaml entry.
  if (Object.values(flow.nodes).some((n) => n.kind === 'outcome' && n.outcome === 'resolved')) {
    const entry = shared[flow.notFixed];
    const given = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));
    const missing = (['title', 'steps', 'contact', 'tell'] as const).filter((f) => !given(entry?.[f]));
    if (missing.length)
      add(
        '',
        'notFixed',
        entry
          ? `"${flow.notFixed}" in _shared.yaml has no ${missing.join(', ')}, which the escalation after "not fixed" needs`
          : `"${flow.notFixed}" is not an entry of _shared.yaml`,
        `give "${flow.notFixed}" a title, steps, contact and tell in src/content/flows/_shared.yaml, or name another entry (${
          Object.keys(shared)
            .filter((k) => shared[k]?.title && shared[k]?.steps)
            .join(', ') || 'none has them yet'
        })`,
      );
  }

  problems.push(...checkSafety(file, flow));
  return problems;
}

/** Safety rules over the texts of `_shared.yaml` (a "not fixed" escalation's steps are advice too). */
export function checkSharedSafety(file: string, shared: SharedTexts): FlowProblem[] {
  return Object.entries(shared).flatMap(([id, entry]) =>
    [
      ...(entry.title ? [['title', entry.title] as [string, string]] : []),
      ...(entry.steps ?? []).map((t, i) => [`steps.${i}`, t] as [string, string]),
      ...(entry.tell ?? []).flatMap((t, i) => (typeof t === 'string' ? [[`tell.${i}`, t] as [string, string]] : [])),
    ].flatMap((t) => checkText(file, id, t)),
  );
}
