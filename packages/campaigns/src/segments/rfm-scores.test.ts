import { type RfmEntryInput, rfmScores, SegmentProfile } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const asOf = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(asOf.getTime() - d * 86_400_000);
const huf = (amount: number) => ({ amount, currency: 'HUF' });

describe('rfmScores', () => {
  it('scores ten distinct customers two to a quintile, best last contact, most contacts and most value highest', () => {
    const entries: RfmEntryInput[] = Array.from({ length: 10 }, (_, i) => ({
      customerId: `c-${i}`,
      lastContactAt: daysAgo(100 - i * 10),
      contactCount: i,
      value: huf(i * 1000),
    }));
    const scores = rfmScores(entries, { asOf });
    expect(scores.map((s) => s.recency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((s) => s.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores[9]).toMatchObject({ customerId: 'c-9', code: '555', total: 15, recencyDays: 10 });
  });

  it('gives ties the same score, the middle of their run, and a list of equals or of one the score 3', () => {
    const same = Array.from({ length: 7 }, (_, i) => ({ customerId: `c-${i}`, contactCount: 4 }));
    expect(rfmScores(same, { asOf }).map((s) => s.frequency)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(rfmScores([{ customerId: 'solo', contactCount: 1 }], { asOf })[0]).toMatchObject({
      recency: 3,
      frequency: 3,
      monetary: 3,
    });
    // four zeros and one big spender: the zeros share the middle of ranks 1–4, the spender is on top
    const skewed = [0, 0, 0, 0, 9].map((v, i) => ({ customerId: `c-${i}`, value: huf(v) }));
    expect(rfmScores(skewed, { asOf }).map((s) => s.monetary)).toEqual([2, 2, 2, 2, 5]);
  });

  it('counts recency in whole days, so contacts on the same day tie, and puts the never contacted last', () => {
    const scores = rfmScores(
      [
        { customerId: 'a', lastContactAt: new Date(asOf.getTime() - 3_600_000) },
        { customerId: 'b', lastContactAt: new Date(asOf.getTime() - 7_200_000) },
        { customerId: 'never' },
      ],
      { asOf },
    );
    expect(scores.map((s) => [s.recencyDays, s.recency])).toEqual([
      [0, 4],
      [0, 4],
      [null, 1],
    ]);
  });

  it('scores segment profiles as they are', () => {
    const profiles = [
      SegmentProfile.parse({
        customerId: 'a',
        kind: 'person',
        contactCount: 3,
        value: huf(500),
        lastContactAt: daysAgo(2),
      }),
      SegmentProfile.parse({ customerId: 'b', kind: 'organisation', segmentTags: ['b2b'] }),
    ];
    expect(rfmScores(profiles, { asOf }).map((s) => s.code)).toEqual(['444', '222']);
  });

  it('gives an empty list for an empty list', () => {
    expect(rfmScores([], { asOf })).toEqual([]);
  });

  it('refuses a customer listed twice and values in two currencies, naming the entry', () => {
    expect(
      issuePaths(() =>
        rfmScores(
          [
            { customerId: 'a', value: huf(1) },
            { customerId: 'a', value: { amount: 1, currency: 'EUR' } },
            { customerId: 'b', value: { amount: 1.5, currency: 'HUF' } },
          ],
          { asOf },
        ),
      ),
    ).toEqual([['entries', 2, 'value', 'amount']]);
    expect(
      issuePaths(() =>
        rfmScores(
          [
            { customerId: 'a', value: huf(1) },
            { customerId: 'a', value: { amount: 1, currency: 'EUR' } },
          ],
          { asOf },
        ),
      ),
    ).toEqual([
      ['entries', 1, 'customerId'],
      ['entries', 1, 'value', 'currency'],
    ]);
  });

  it('is deterministic: any order of the list gives each customer the same scores, ties the same, better never lower', () => {
    const entry = fc.record({
      lastDaysAgo: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      contactCount: fc.integer({ min: 0, max: 6 }),
      amount: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.integer(), (raw, seed) => {
        const entries = raw.map((e, i) => ({
          customerId: `c-${i}`,
          contactCount: e.contactCount,
          value: huf(e.amount),
          ...(e.lastDaysAgo === undefined ? {} : { lastContactAt: daysAgo(e.lastDaysAgo) }),
        }));
        const scores = rfmScores(entries, { asOf });
        const shuffled = [...entries].sort(
          (a, b) =>
            ((a.customerId.length * seed) ^ Number(a.customerId.slice(2))) -
            ((b.customerId.length * seed) ^ Number(b.customerId.slice(2))),
        );
        const byId = new Map(rfmScores(shuffled, { asOf }).map((s) => [s.customerId, s]));
        for (const s of scores) expect(byId.get(s.customerId)).toEqual(s);
        for (const a of scores) {
          for (const b of scores) {
            const ea = entries[Number(a.customerId.slice(2))];
            const eb = entries[Number(b.customerId.slice(2))];
            if (ea?.contactCount === eb?.contactCount) expect(a.frequency).toBe(b.frequency);
            if ((ea?.contactCount ?? 0) > (eb?.contactCount ?? 0))
              expect(a.frequency).toBeGreaterThanOrEqual(b.frequency);
            if ((ea?.value.amount ?? 0) > (eb?.value.amount ?? 0))
              expect(a.monetary).toBeGreaterThanOrEqual(b.monetary);
          }
          expect([a.recency, a.frequency, a.monetary].every((x) => x >= 1 && x <= 5)).toBe(true);
        }
      }),
    );
  });
});
