/**
 * The flow checks shared by `astro dev`, the build and the tests: every target exists, every node
 * is reached, every path ends in an outcome, outcomes say what they must, shared texts exist, and
 * the safety rules hold. Each problem names the file, the node, the field and the fix.
 */
import { MAX_NODES } from './constants.ts';
import { answersOf } from './to-model.ts';
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

/** What is wrong with a `{ shared: id }` reference that needs the entry's `part`; undefined when nothing. */
function sharedRefProblem(
  shared: SharedTexts,
  id: string,
  part: 'contact' | 'tell',
): { message: string; fix: string } | undefined {
  if (Object.hasOwn(shared, id) && shared[id]![part]) return undefined;
  const usable = Object.keys(shared).filter((k) => shared[k]?.[part]);
  return {
    message: `"${id}" has no ${part} in _shared.yaml`,
    fix: `use one of: ${usable.join(', ') || '(none)'}; or add it to src/content/flows/_shared.yaml`,
  };
}

/**
 * The size limit: a flow of more than MAX_NODES nodes stops here, before the checks, the layout
 * of its flowchart or the walk of its paths could take the build's time and memory.
 */
export function checkFlowSize(file: string, nodes: unknown): FlowProblem[] {
  const count = nodes && typeof nodes === 'object' ? Object.keys(nodes).length : 0;
  if (count <= MAX_NODES) return [];
  return [
    {
      file,
      node: '',
      field: 'nodes',
      message: `this flow has ${count} nodes, more than the ${MAX_NODES} one troubleshooter may have (a merchant walks it at the till, and one A4 sheet draws it)`,
      fix: `split it into several flows of at most ${MAX_NODES} nodes each (one file per flow in src/content/flows/, each named by an article's \`flow:\`), or merge nodes that say the same`,
    },
  ];
}

/** Checks one parsed flow file; `file` is its path for the messages. */
export function checkFlowFile(file: string, flow: FlowFile, shared: SharedTexts): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add = (node: string, field: string, message: string, fix: string) =>
    problems.push({ file, node, field, message, fix });
  const ids = Object.keys(flow.nodes);
  const has = (id: string) => Object.hasOwn(flow.nodes, id);
  if (!has(flow.start))
    add(
      '',
      'start',
      `the flow starts at "${flow.start}", which is not a node of this flow`,
      targetFix(flow.start, ids),
    );

  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const answer of answersOf(node)) {
      const field = node.kind === 'step' ? 'done.next' : `answers.${answer.event}.next`;
      if (!has(answer.next))
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
    for (const ref of refs) {
      const problem = sharedRefProblem(shared, ref.id, ref.part);
      if (problem) add(id, ref.field, problem.message, problem.fix);
    }
  }

  // Reachability: breadth first from the start.
  const next = (id: string) =>
    has(id)
      ? answersOf(flow.nodes[id]!)
          .map((a) => a.next)
          .filter(has)
      : [];
  const reached = new Set<string>();
  const queue = has(flow.start) ? [flow.start] : [];
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
  for (const id of has(flow.start) ? (roots.length ? roots : unreached) : [])
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
  const complete = (id: string) => answersOf(flow.nodes[id]!).every((a) => has(a.next));
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
    const entry = Object.hasOwn(shared, flow.notFixed) ? shared[flow.notFixed] : undefined;
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

/**
 * Checks `_shared.yaml` itself: every `{ shared: id }` inside it names an entry with what it is
 * used for, and the safety rules hold over its texts (a "not fixed" escalation's steps are advice too).
 */
export function checkShared(file: string, shared: SharedTexts): FlowProblem[] {
  const refs = Object.entries(shared).flatMap(([id, entry]) => [
    ...(entry.contact && typeof entry.contact !== 'string'
      ? [{ id, field: 'contact', ref: entry.contact.shared, part: 'contact' as const }]
      : []),
    ...(entry.tell ?? []).flatMap((t, i) =>
      typeof t === 'string' ? [] : [{ id, field: `tell.${i}`, ref: t.shared, part: 'tell' as const }],
    ),
  ]);
  const problems = refs.flatMap(({ id, field, ref, part }) => {
    const problem = sharedRefProblem(shared, ref, part);
    return problem ? [{ file, node: id, field, ...problem }] : [];
  });
  return [...problems, ...checkSharedSafety(file, shared)];
}

/** Safety rules over the texts of `_shared.yaml`. */
function checkSharedSafety(file: string, shared: SharedTexts): FlowProblem[] {
  return Object.entries(shared).flatMap(([id, entry]) =>
    [
      ...(entry.title ? [['title', entry.title] as [string, string]] : []),
      ...(entry.steps ?? []).map((t, i) => [`steps.${i}`, t] as [string, string]),
      ...(entry.tell ?? []).flatMap((t, i) => (typeof t === 'string' ? [[`tell.${i}`, t] as [string, string]] : [])),
    ].flatMap((t) => checkText(file, id, t)),
  );
}
