import { FrontlineError } from '@frontline/core';
import {
  type KpiDimension,
  type KpiGroupingInput,
  kpiPartialOf,
  mergeKpiPartials,
  regroupKpiPartial,
  settleFirstContacts,
} from '@frontline/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutes, rows, SPAN_MIN } from '../../test/kpi-arbitraries';

const DIMS = ['agent', 'queue', 'channel', 'category'] as const;
const ASOF = minutes(SPAN_MIN / 2);

/** A finer grain and a coarser one it nests in, on the local clock of any zone. */
const nesting = fc.constantFrom(
  ['15min', '60min'],
  ['15min', 'day'],
  ['30min', '60min'],
  ['60min', 'day'],
  ['day', 'week'],
  ['day', 'month'],
  ['day', null],
  ['week', null],
  [null, null],
) as fc.Arbitrary<[KpiGroupingInput['period'], KpiGroupingInput['period']]>;

describe('regroupKpiPartial', () => {
  it('gives the partial a pass over the rows with the coarser grouping gives (periods nested, dimensions dropped)', () => {
    fc.assert(
      fc.property(
        rows,
        nesting,
        fc.subarray([...DIMS]),
        fc.subarray([...DIMS]),
        fc.constantFrom('Europe/Budapest', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
        fc.constantFrom(1, 6, 24),
        (all, [fine, coarse], a, b, timeZone, recontactWindowHours) => {
          const by = [...new Set([...a, ...b])] as KpiDimension[];
          const kept = b as KpiDimension[];
          const base = { timeZone, recontactWindowHours };
          const data = { ...all, backlogAsOf: ASOF };
          const regrouped = regroupKpiPartial(kpiPartialOf(data, { ...base, period: fine, by }), {
            period: coarse,
            by: kept,
          });
          expect(regrouped).toEqual(kpiPartialOf(data, { ...base, period: coarse, by: kept }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('commutes with merging and settling: daily roll-ups regrouped to a week equal the week of the rows', () => {
    fc.assert(
      fc.property(rows, fc.nat({ max: 1000 }), (all, cut) => {
        const g = {
          period: 'day' as const,
          by: ['agent', 'queue'] as KpiDimension[],
          recontactWindowHours: 6,
        };
        const at = cut % (all.contacts.length + 1);
        const halves = [
          kpiPartialOf({ contacts: all.contacts.slice(0, at), surveys: all.surveys }, g),
          kpiPartialOf({ contacts: all.contacts.slice(at) }, g),
        ];
        const through = { completeThrough: minutes(SPAN_MIN + 24 * 60) };
        const merged = settleFirstContacts(mergeKpiPartials(halves[1]!, halves[0]!), through);
        const week = { ...g, period: 'week' as const, by: ['queue'] as KpiDimension[] };
        expect(regroupKpiPartial(merged, { period: 'week', by: ['queue'] })).toEqual(
          settleFirstContacts(kpiPartialOf({ contacts: all.contacts, surveys: all.surveys }, week), through),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a grain that cuts periods, a period the partial lacks and a dimension it lacks, naming the field', () => {
    // the week of Thursday 29 October 2026 runs into November
    const at = Date.parse('2026-10-29T10:00:00Z');
    const contacts = [
      { id: 'k1', channel: 'phone' as const, offeredAt: new Date(at), endedAt: new Date(at + 60_000) },
    ];
    const weekly = kpiPartialOf({ contacts }, { period: 'week', by: ['queue'] });
    const cases: [object, string][] = [
      [() => regroupKpiPartial(weekly, { period: 'month' }), 'period'],
      [() => regroupKpiPartial(kpiPartialOf({ contacts }, { period: null }), { period: 'day' }), 'period'],
      [() => regroupKpiPartial(weekly, { by: ['agent'] }), 'by'],
      [() => regroupKpiPartial(weekly, { by: ['queue', 'queue'] }), 'by'],
      [() => regroupKpiPartial(weekly, { period: 'fortnight' } as never), 'period'],
    ];
    for (const [run, field] of cases) {
      try {
        (run as () => void)();
        expect.unreachable(`regrouping should fail at ${field}`);
      } catch (error) {
        expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        const issues = (error as FrontlineError).details.issues as { path: unknown[] }[];
        expect(issues[0]?.path.slice(0, 2)).toEqual(['regrouping', field]);
      }
    }
  });
});
