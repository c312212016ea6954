import { EntityId, Instant, Money, parseInput } from '@frontline/core';
import { z } from 'zod';

/**
 * One customer's facts for RFM scoring: when they were last contacted (absent: never), how many contacts the
 * host counts for them (absent: 0) and their value in integer minor units (absent: 0 of the list's currency).
 * A {@link SegmentProfile} carries all three, so profiles can be scored as they are.
 * @category Segments
 */
export const RfmEntry = z.object({
  customerId: EntityId,
  lastContactAt: Instant.optional(),
  contactCount: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  value: Money.optional(),
});
/** @category Segments */
export type RfmEntryInput = z.input<typeof RfmEntry>;

/**
 * One customer's RFM scores, each 1 (worst) to 5 (best): `recency` (the more recent the last contact, the
 * higher; never contacted is the least recent), `frequency` (more contacts, higher), `monetary` (more value,
 * higher). `recencyDays` is the whole days from the last contact to the as-of instant (`null`: never);
 * `code` is the classic three-digit cell (`"555"` the best customers), `total` the sum (3–15).
 * @category Segments
 */
export interface RfmScore {
  readonly customerId: string;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly recencyDays: number | null;
  readonly code: string;
  readonly total: number;
}

const Input = z
  .object({ entries: z.array(RfmEntry).max(10_000_000), asOf: Instant })
  .superRefine(({ entries }, ctx) => {
    const seen = new Set<string>();
    let currency: string | undefined;
    entries.forEach((e, i) => {
      if (seen.has(e.customerId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'customerId'],
          message: 'A customer is scored once',
        });
      }
      seen.add(e.customerId);
      if (e.value === undefined) return;
      currency ??= e.value.currency;
      if (e.value.currency !== currency) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'value', 'currency'],
          message: `Values are compared in one currency (${currency} first); no exchange rate is guessed`,
        });
      }
    });
  });

const DAY_MS = 86_400_000;

/**
 * Quintile scores of one metric (higher is better) by mid-rank: an entry with `below` entries worse and
 * `tied` entries equal (itself included) sits at the fraction (below + tied / 2) / n of the list and scores
 * ⌈5 × that⌉. Ties always score the same; a list of one, or of equal values, scores 3.
 */
function quintiles(metric: Float64Array): Uint8Array {
  const n = metric.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (metric[a] as number) - (metric[b] as number),
  );
  const scores = new Uint8Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && metric[order[end] as number] === metric[order[start] as number]) end += 1;
    const tied = end - start;
    const score = Math.min(5, Math.max(1, Math.ceil((5 * (2 * start + tied)) / (2 * n))));
    for (let k = start; k < end; k += 1) scores[order[k] as number] = score;
    start = end;
  }
  return scores;
}

/**
 * RFM (recency, frequency, monetary) quintile scores of a list of customers, in the list's order.
 *
 * Each metric is ranked over the whole list and cut into fifths by **mid-rank**: equal values (ties) always
 * get the same score, the score of the middle of their run, so a block of equal values is never split
 * between two scores and the order of the list never matters. Recency compares whole days since the last
 * contact (two contacts on the same day tie; never contacted ties with never contacted, below everyone);
 * frequency compares contact counts; monetary compares value amounts, which must all be in one currency. With
 * fewer than five customers, scores still spread over 1–5 by the same rule (one customer scores 3 on each).
 * An empty list gives an empty list. Same input, same output.
 * @throws ValidationError at `['entries', i, …]` for a bad entry, a customer listed twice or a second
 *   currency, or at `['asOf']`.
 * @example
 * rfmScores(profiles, { asOf: clock.now() }).filter((s) => s.code === '555') // the best customers
 * @category Segments
 */
export function rfmScores(entries: readonly RfmEntryInput[], options: { asOf: Date | string }): RfmScore[] {
  const input = parseInput(Input, { entries, asOf: options?.asOf }, 'RFM scoring input');
  const asOfMs = input.asOf.getTime();
  const n = input.entries.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const days: (number | null)[] = [];
  input.entries.forEach((e, i) => {
    const d =
      e.lastContactAt === undefined ? null : Math.floor((asOfMs - e.lastContactAt.getTime()) / DAY_MS);
    days.push(d);
    recency[i] = d === null ? Number.NEGATIVE_INFINITY : -d;
    frequency[i] = e.contactCount ?? 0;
    monetary[i] = e.value?.amount ?? 0;
  });
  const r = quintiles(recency);
  const f = quintiles(frequency);
  const m = quintiles(monetary);
  return input.entries.map((e, i) => {
    const scores = [r[i] as number, f[i] as number, m[i] as number] as const;
    return {
      customerId: e.customerId,
      recency: scores[0],
      frequency: scores[1],
      monetary: scores[2],
      recencyDays: days[i] ?? null,
      code: scores.join(''),
      total: scores[0] + scores[1] + scores[2],
    };
  });
}
