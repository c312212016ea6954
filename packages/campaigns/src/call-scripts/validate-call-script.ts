import { parseInput } from '@frontline/core';
import { CallScript } from './call-script.schema';

/**
 * Validates a call script and returns it parsed: each node's shape, then the graph. Refused, each at the path
 * of the node or answer at fault, all reported together:
 * - a jump to an unknown node (`['nodes', 'offer', 'answers', 1, 'next']`), an unknown start (`['start']`);
 * - an **unreachable node** (`['nodes', 'orphan']`);
 * - a **dead end**: a node other than an outcome with no way on (`['nodes', 'ask', 'answers']`);
 * - a **cycle with no way out**: nodes from which no path reaches an outcome (`['nodes', 'loop']`);
 * - an answer id offered twice by one node.
 * @throws ValidationError whose `issues` name every problem.
 * @example
 * const script = validateCallScript({
 *   id: 'winback-2027', start: 'greet',
 *   nodes: {
 *     greet: { kind: 'question', text: 'Am I speaking with the account holder?', answers: [
 *       { id: 'yes', label: 'Yes', next: 'offer' },
 *       { id: 'no', label: 'Wrong person', next: 'wrong' },
 *     ] },
 *     offer: { kind: 'offer', offerId: 'premium-12', text: '12 months of Premium at half price…', answers: [
 *       { id: 'accept', label: 'Accepts', next: 'sale' },
 *       { id: 'too-expensive', label: 'Too expensive', next: 'price' },
 *     ] },
 *     price: { kind: 'objection', objection: 'Too expensive', text: 'The first three months are free…', answers: [
 *       { id: 'reconsider', label: 'Listens again', next: 'offer' },
 *       { id: 'no', label: 'Still no', next: 'refused' },
 *     ] },
 *     sale: { kind: 'outcome', outcome: 'sale' },
 *     refused: { kind: 'outcome', outcome: 'refused' },
 *     wrong: { kind: 'outcome', outcome: 'wrong_number' },
 *   },
 * });
 * @category Call scripts
 */
export function validateCallScript(script: unknown): CallScript {
  return parseInput(CallScript, script, 'call script');
}
