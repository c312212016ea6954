import type { CallScriptInput } from '@frontline/campaigns';
import fc from 'fast-check';

const OUTCOMES = ['sale', 'callback', 'refused', 'no_answer', 'wrong_number', 'do_not_call'] as const;

/**
 * Random valid call scripts: a DAG of `steps` nodes in topological order (`n0` the start) followed by at
 * least two outcome leaves. Each node after the start gets a parent among the earlier non-outcome nodes, so
 * all are reachable; each non-outcome node jumps only forward, so every path ends at an outcome. A node with
 * one jump is a `say`, otherwise a question, an offer or an objection.
 */
export const validCallScript = fc
  .record({ steps: fc.integer({ min: 1, max: 12 }), leaves: fc.integer({ min: 2, max: 6 }) })
  .chain(({ steps, leaves }) => {
    const n = steps + leaves;
    return fc
      .record({
        parents: fc.tuple(
          ...Array.from({ length: n - 1 }, (_, k) => fc.integer({ min: 0, max: Math.min(k + 1, steps) - 1 })),
        ),
        extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 * steps }),
        kinds: fc.array(fc.constantFrom('question', 'offer', 'objection' as const), {
          minLength: steps,
          maxLength: steps,
        }),
        outcomes: fc.array(fc.constantFrom(...OUTCOMES), { minLength: leaves, maxLength: leaves }),
        forceSay: fc.array(fc.boolean(), { minLength: steps, maxLength: steps }),
      })
      .map(({ parents, extra, kinds, outcomes, forceSay }) => {
        const targets: number[][] = Array.from({ length: steps }, () => []);
        parents.forEach((p, k) => {
          targets[p]?.push(k + 1);
        });
        for (const [a, b] of extra) {
          const from = a % steps;
          const to = from + 1 + (b % (n - from - 1));
          if (!forceSay[from]) targets[from]?.push(to);
        }
        const nodes: CallScriptInput['nodes'] = {};
        for (let i = 0; i < steps; i += 1) {
          const out = targets[i] as number[];
          if (out.length === 0) out.push(i + 1 + ((i * 7) % (n - i - 1)));
          if (out.length === 1 && forceSay[i]) {
            nodes[`n${i}`] = { kind: 'say', text: `Say ${i}`, next: `n${out[0]}` };
            continue;
          }
          const answers = out.map((t, j) => ({ id: `a${j}`, label: `Answer ${j}`, next: `n${t}` }));
          const kind = kinds[i] ?? 'question';
          nodes[`n${i}`] =
            kind === 'objection'
              ? { kind, objection: `Objection ${i}`, text: `Reply ${i}`, answers }
              : { kind, text: `Ask ${i}`, answers };
        }
        outcomes.forEach((outcome, j) => {
          nodes[`n${steps + j}`] = { kind: 'outcome', outcome };
        });
        return { id: 'script-1', start: 'n0', nodes } satisfies CallScriptInput;
      });
  });

/** A small win-back script: an offer, an objection that loops back to it, every outcome but no_answer. */
export const winback = (): CallScriptInput => ({
  id: 'winback-2027',
  start: 'greet',
  nodes: {
    greet: { kind: 'say', text: 'Good afternoon, this is Anna from Frontline Telecom.', next: 'holder' },
    holder: {
      kind: 'question',
      text: 'Am I speaking with the account holder?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'offer' },
        { id: 'no', label: 'Wrong person', next: 'wrong' },
        { id: 'busy', label: 'Call me later', next: 'later' },
        { id: 'never', label: 'Do not call me again', next: 'dnc' },
      ],
    },
    offer: {
      kind: 'offer',
      offerId: 'premium-12',
      text: '12 months of Premium at half price.',
      answers: [
        { id: 'accept', label: 'Accepts', next: 'sale' },
        { id: 'too-expensive', label: 'Too expensive', next: 'price' },
        { id: 'no', label: 'Not interested', next: 'refused' },
      ],
    },
    price: {
      kind: 'objection',
      objection: 'Too expensive',
      text: 'The first three months are free.',
      answers: [
        { id: 'reconsider', label: 'Listens again', next: 'offer' },
        { id: 'no', label: 'Still no', next: 'refused' },
      ],
    },
    sale: { kind: 'outcome', outcome: 'sale' },
    refused: { kind: 'outcome', outcome: 'refused' },
    wrong: { kind: 'outcome', outcome: 'wrong_number' },
    later: { kind: 'outcome', outcome: 'callback' },
    dnc: {
      kind: 'outcome',
      outcome: 'do_not_call',
      text: 'Note the request: the number is suppressed at once.',
    },
  },
});
