import { EntityId } from '@frontline/core';
import { z } from 'zod';
import { checkCallScriptGraph } from './check-call-script-graph';

/**
 * The id of a node or an answer in a call script: 1–100 letters, digits, `_`, `-`, `.` or `:` (`greet`,
 * `offer.premium`); `__proto__` is reserved.
 * @category Call scripts
 */
export const ScriptKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'A script id is 1–100 letters, digits, "_", "-", "." or ":"')
  .refine((s) => s !== '__proto__', 'The id "__proto__" is reserved');

/**
 * How a call ends (hívás eredménye): `sale`, `callback` (call again later), `refused`, `no_answer`,
 * `wrong_number`, `do_not_call` (the customer asks never to be called: suppresses at once).
 * @category Call scripts
 */
export const CallOutcome = z.enum([
  'sale',
  'callback',
  'refused',
  'no_answer',
  'wrong_number',
  'do_not_call',
]);
/** @category Call scripts */
export type CallOutcome = z.infer<typeof CallOutcome>;

const Text = z.string().trim().min(1).max(2000);

/**
 * An answer the agent can record at a node, and the jump rule it carries: the node the script goes on to.
 * @category Call scripts
 */
export const ScriptAnswer = z.strictObject({
  id: ScriptKey,
  /** What the agent sees (`"Yes, interested"`). */
  label: z.string().trim().min(1).max(500),
  /** The node to jump to. */
  next: ScriptKey,
});
/** @category Call scripts */
export type ScriptAnswer = z.infer<typeof ScriptAnswer>;

const Answers = z.array(ScriptAnswer).max(50);

/**
 * A node of a call script:
 * - `say` — the agent says `text` and goes on to `next`;
 * - `question` — the agent asks `text`; the customer's answer picks the next node;
 * - `objection` — objection handling (kifogáskezelés): the customer's `objection`, the agent's `text` in
 *   reply, and answers for how the customer takes it;
 * - `offer` — the agent makes an offer (`offerId`, the host's offer for the segment) and records the answer;
 * - `outcome` — the call ends with `outcome`; it has no way on.
 * @category Call scripts
 */
export const CallScriptNode = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('say'), text: Text, next: ScriptKey }),
  z.strictObject({ kind: z.literal('question'), text: Text, answers: Answers }),
  z.strictObject({ kind: z.literal('objection'), objection: Text, text: Text, answers: Answers }),
  z.strictObject({ kind: z.literal('offer'), offerId: EntityId.optional(), text: Text, answers: Answers }),
  z.strictObject({ kind: z.literal('outcome'), outcome: CallOutcome, text: Text.optional() }),
]);
/** @category Call scripts */
export type CallScriptNode = z.infer<typeof CallScriptNode>;

/** The most nodes a script may have. @category Call scripts */
export const MAX_CALL_SCRIPT_NODES = 1000;

/**
 * A branching telemarketing call script (hívásforgatókönyv) as data: the `start` node and the nodes by id.
 * Besides each node's shape, the schema checks the graph (see {@link validateCallScript}): every jump lands on
 * a node, every node can be reached from the start, no node but an outcome is a dead end, and every node has a
 * way on to an outcome (a loop, such as an objection that returns to the offer, is fine while it has a way
 * out). Each problem is an issue at the path of the node or answer at fault.
 * @category Call scripts
 */
export const CallScript = z
  .strictObject({
    id: EntityId,
    title: z.string().trim().min(1).max(200).optional(),
    start: ScriptKey,
    nodes: z
      .record(ScriptKey, CallScriptNode)
      .refine((nodes) => Object.keys(nodes).length <= MAX_CALL_SCRIPT_NODES, {
        message: `A script has at most ${MAX_CALL_SCRIPT_NODES} nodes`,
      }),
  })
  .superRefine(checkCallScriptGraph);
/** A script as given. @category Call scripts */
export type CallScriptInput = z.input<typeof CallScript>;
/** @category Call scripts */
export type CallScript = z.output<typeof CallScript>;
