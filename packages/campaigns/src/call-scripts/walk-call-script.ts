import { describeValue, parseInput, ValidationError } from '@frontline/core';
import { z } from 'zod';
import { type CallOutcome, CallScript, ScriptKey } from './call-script.schema';

/**
 * One step of a call: the node, and the answer recorded there (none at a `say` or an `outcome` node).
 * @category Call scripts
 */
export interface CallStep {
  readonly node: string;
  readonly answer?: string;
}

/**
 * A replayed call: either it `ended` at an outcome node, with the `outcome`, or it waits for the answer at
 * the node `awaiting` (the call is still going). `path` lists the steps taken, the outcome node last.
 * @category Call scripts
 */
export type CallWalk =
  | { readonly ended: true; readonly outcome: CallOutcome; readonly path: readonly CallStep[] }
  | { readonly ended: false; readonly awaiting: string; readonly path: readonly CallStep[] };

const Input = z.strictObject({ script: CallScript, answers: z.array(ScriptKey).max(10_000) });

function refuse(index: number, message: string): never {
  throw new ValidationError(`Invalid call: answers.${index}: ${message}`, [
    { path: ['answers', index], message, code: 'custom' },
  ]);
}

/**
 * Replays a call through a script: from the start, `say` nodes pass on by themselves, each node with answers
 * takes the next answer id from `answers`, and the call ends at an outcome node. When the answers run out
 * first, the walk says which node awaits an answer. Validates the script first (see {@link validateCallScript}).
 * @throws ValidationError at `['answers', i]` for an answer the node does not offer or an answer after the
 *   call ended, or at `['script', …]` for a script that does not validate.
 * @example
 * walkCallScript(script, ['yes', 'too-expensive', 'reconsider', 'accept'])
 * // { ended: true, outcome: 'sale', path: [{ node: 'greet', answer: 'yes' }, …, { node: 'sale' }] }
 * @category Call scripts
 */
export function walkCallScript(script: unknown, answers: readonly string[]): CallWalk {
  const input = parseInput(Input, { script, answers }, 'call');
  const nodes = new Map(Object.entries(input.script.nodes));
  const path: CallStep[] = [];
  let id = input.script.start;
  let next = 0;
  for (;;) {
    const node = nodes.get(id);
    // A validated script has every jump on a node; this only keeps the type checker honest.
    if (node === undefined) throw new Error(`Call script node "${id}" is missing`);
    if (node.kind === 'outcome') {
      path.push({ node: id });
      if (next < input.answers.length) {
        refuse(next, `The call already ended at "${id}" (${node.outcome}); no further answer is expected`);
      }
      return { ended: true, outcome: node.outcome, path };
    }
    if (node.kind === 'say') {
      path.push({ node: id });
      id = node.next;
      continue;
    }
    const answerId = input.answers[next];
    if (answerId === undefined) return { ended: false, awaiting: id, path };
    const answer = node.answers.find((a) => a.id === answerId);
    if (answer === undefined) {
      const offered = node.answers.map((a) => a.id).join(', ');
      refuse(next, `"${id}" does not offer the answer ${describeValue(answerId)}; it offers ${offered}`);
    }
    path.push({ node: id, answer: answerId });
    id = answer.next;
    next += 1;
  }
}
