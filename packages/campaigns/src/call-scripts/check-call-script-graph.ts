import type { z } from 'zod';

interface GraphNode {
  readonly kind: string;
  readonly next?: string;
  readonly answers?: readonly { readonly id: string; readonly next: string }[];
}

interface Edge {
  readonly target: string;
  readonly path: (string | number)[];
}

/** The jumps out of a node, each with the path of the field that names its target. */
export function jumpsOf(id: string, node: GraphNode): Edge[] {
  if (node.next !== undefined) return [{ target: node.next, path: ['nodes', id, 'next'] }];
  return (node.answers ?? []).map((a, i) => ({ target: a.next, path: ['nodes', id, 'answers', i, 'next'] }));
}

function reach(from: Iterable<string>, step: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set(from);
  const queue = [...seen];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of step(id)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * The graph rules of a call script, as issues at the path at fault: a jump to an unknown node, an answer id
 * used twice in a node, a dead end (a node other than an outcome with no answers), a node the start cannot
 * reach, and a node from which no path reaches an outcome (it is caught in a cycle with no way out). A node
 * that leads only to a dead end or an unknown node is not reported again: the cause is.
 */
export function checkCallScriptGraph(
  script: { start: string; nodes: Record<string, GraphNode> },
  ctx: z.RefinementCtx,
): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const nodes = new Map(Object.entries(script.nodes));
  const edges = new Map<string, Edge[]>();
  const incoming = new Map<string, string[]>();
  const exits: string[] = [];
  for (const [id, node] of nodes) {
    const out = jumpsOf(id, node);
    edges.set(id, out);
    if (node.kind === 'outcome') exits.push(id);
    else if (out.length === 0) {
      issue(['nodes', id, 'answers'], `"${id}" is a dead end: a ${node.kind} needs at least one answer`);
      exits.push(id);
    }
    const seen = new Set<string>();
    node.answers?.forEach((a, i) => {
      if (seen.has(a.id))
        issue(['nodes', id, 'answers', i, 'id'], `"${id}" offers the answer "${a.id}" twice`);
      seen.add(a.id);
    });
    for (const edge of out) {
      if (!nodes.has(edge.target)) {
        issue(edge.path, `"${id}" jumps to "${edge.target}", which is not a node of the script`);
        exits.push(id);
      } else incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), id]);
    }
  }
  if (!nodes.has(script.start)) {
    issue(['start'], `The start "${script.start}" is not a node of the script`);
    return;
  }
  const known = (id: string) => (edges.get(id) ?? []).map((e) => e.target).filter((t) => nodes.has(t));
  const reachable = reach([script.start], known);
  const wayOut = reach(exits, (id) => incoming.get(id) ?? []);
  for (const id of nodes.keys()) {
    if (!reachable.has(id))
      issue(['nodes', id], `"${id}" cannot be reached from the start "${script.start}"`);
    else if (!wayOut.has(id)) {
      issue(
        ['nodes', id],
        `No path from "${id}" reaches an outcome: it is caught in a cycle with no way out`,
      );
    }
  }
}
