import { type CallScriptInput, validateCallScript, walkCallScript } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCallScript } from '../../test/call-scripts';
import { issuePaths } from '../../test/issue-paths';

type Node = CallScriptInput['nodes'][string];
const jumpsOf = (node: Node): string[] =>
  node.kind === 'say' ? [node.next] : node.kind === 'outcome' ? [] : node.answers.map((a) => a.next);
const redirect = (node: Node, from: string, to: string): Node => {
  if (node.kind === 'say') return node.next === from ? { ...node, next: to } : node;
  if (node.kind === 'outcome') return node;
  return { ...node, answers: node.answers.map((a) => (a.next === from ? { ...a, next: to } : a)) };
};
const clone = (s: CallScriptInput): CallScriptInput => structuredClone(s);
const pick = <T>(items: readonly T[], k: number): T => items[k % items.length] as T;

describe('call scripts, property', () => {
  it('random valid scripts (DAGs with outcome leaves) always validate, and every walk ends in an outcome', () => {
    fc.assert(
      fc.property(validCallScript, fc.array(fc.nat(), { maxLength: 40 }), (script, choices) => {
        validateCallScript(script);
        // choose answers by walking: at each node with answers, take one picked by the next choice
        const answers: string[] = [];
        let id = script.start;
        for (let step = 0; ; step += 1) {
          const node = script.nodes[id] as Node;
          if (node.kind === 'outcome') break;
          if (node.kind === 'say') {
            id = node.next;
            continue;
          }
          const answer = pick(node.answers, choices[step % Math.max(1, choices.length)] ?? 0);
          answers.push(answer.id);
          id = answer.next;
        }
        const walk = walkCallScript(script, answers);
        expect(walk.ended).toBe(true);
        expect(walk.path.at(-1)?.node).toBe(id);
        expect(walk.path.filter((s) => s.answer !== undefined).map((s) => s.answer)).toEqual(answers);
      }),
    );
  });

  it('an extra jump to any step, earlier ones included, keeps a script valid: its loops keep a way forward', () => {
    fc.assert(
      fc.property(validCallScript, fc.nat(), fc.nat(), (script, k, j) => {
        const asks = Object.keys(script.nodes).filter((id) => {
          const node = script.nodes[id] as Node;
          return node.kind !== 'outcome' && node.kind !== 'say';
        });
        fc.pre(asks.length > 0);
        const from = pick(asks, k);
        const back = pick(
          Object.keys(script.nodes).filter((id) => script.nodes[id]?.kind !== 'outcome'),
          j,
        );
        const looped = clone(script);
        const node = looped.nodes[from] as Extract<Node, { answers: unknown }>;
        node.answers.push({ id: 'again', label: 'Once more', next: back });
        expect(validateCallScript(looped).nodes[from]).toEqual(node);
      }),
    );
  });

  it('a node added where no jump leads is refused as unreachable', () => {
    fc.assert(
      fc.property(validCallScript, fc.constantFrom('sale', 'refused' as const), (script, outcome) => {
        const broken = clone(script);
        broken.nodes.orphan = { kind: 'outcome', outcome };
        expect(issuePaths(() => validateCallScript(broken))).toEqual([['nodes', 'orphan']]);
      }),
    );
  });

  it('cutting every jump into a node is refused, naming that node', () => {
    fc.assert(
      fc.property(validCallScript, fc.nat(), fc.nat(), (script, k, j) => {
        const ids = Object.keys(script.nodes).filter((id) => id !== script.start);
        const victim = pick(ids, k);
        const outcomes = ids.filter((id) => id !== victim && script.nodes[id]?.kind === 'outcome');
        const elsewhere = pick(outcomes, j);
        const broken = clone(script);
        for (const [id, node] of Object.entries(broken.nodes))
          broken.nodes[id] = redirect(node, victim, elsewhere);
        expect(issuePaths(() => validateCallScript(broken))).toContainEqual(['nodes', victim]);
      }),
    );
  });

  it('a node whose every jump leads back to itself is refused as a cycle with no way out', () => {
    fc.assert(
      fc.property(validCallScript, fc.nat(), (script, k) => {
        const steps = Object.keys(script.nodes).filter((id) => script.nodes[id]?.kind !== 'outcome');
        const victim = pick(steps, k);
        const broken = clone(script);
        const node = broken.nodes[victim] as Node;
        for (const target of jumpsOf(node))
          broken.nodes[victim] = redirect(broken.nodes[victim] as Node, target, victim);
        expect(issuePaths(() => validateCallScript(broken))).toContainEqual(['nodes', victim]);
      }),
    );
  });

  it('a step left without answers is refused as a dead end, and a jump to a missing node at the jump', () => {
    fc.assert(
      fc.property(validCallScript, fc.nat(), (script, k) => {
        const steps = Object.keys(script.nodes).filter((id) => script.nodes[id]?.kind !== 'outcome');
        const victim = pick(steps, k);
        const dead = clone(script);
        dead.nodes[victim] = { kind: 'question', text: 'And then?', answers: [] };
        expect(issuePaths(() => validateCallScript(dead))).toContainEqual(['nodes', victim, 'answers']);
        const lost = clone(script);
        const node = script.nodes[victim] as Node;
        lost.nodes[victim] = redirect(node, jumpsOf(node)[0] as string, 'missing');
        const path =
          node.kind === 'say' ? ['nodes', victim, 'next'] : ['nodes', victim, 'answers', 0, 'next'];
        expect(issuePaths(() => validateCallScript(lost))).toContainEqual(path);
      }),
    );
  });
});
