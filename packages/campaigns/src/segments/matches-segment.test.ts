import {
  compileSegment,
  matchesSegment,
  SegmentProfile,
  type SegmentProfileInput,
} from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const asOf = new Date('2026-12-02T18:00:00Z');
const anna: SegmentProfileInput = {
  customerId: 'c-1',
  kind: 'person',
  birthDate: '1980-12-03',
  tags: ['newsletter'],
  segmentTags: ['vip', 'pensioner'],
  customerSince: '2016-12-02',
  contractStart: '2024-02-29',
  value: { amount: 1_250_000_00, currency: 'HUF' },
  contactCount: 7,
  lastContactAt: '2026-11-02T18:00:00Z',
  preferredChannel: 'email',
  county: 'Budapest',
  postalCode: '1117',
  language: 'hu',
  timeZone: 'Europe/Budapest',
};
const matches = (filter: unknown, profile: SegmentProfileInput = anna, at: Date | string = asOf) =>
  matchesSegment(profile, filter, { asOf: at });

describe('matchesSegment', () => {
  it('compares keywords with eq and in', () => {
    expect(matches({ field: 'kind', op: 'eq', value: 'person' })).toBe(true);
    expect(matches({ field: 'preferredChannel', op: 'in', values: ['sms', 'phone'] })).toBe(false);
    expect(matches({ field: 'postalCode', op: 'in', values: ['1117', '1118'] })).toBe(true);
    expect(matches({ field: 'timeZone', op: 'eq', value: 'Europe/Budapest' })).toBe(true);
  });

  it('counts tenure and age in whole months and years on the as-of day in the profile zone', () => {
    expect(matches({ field: 'customerSince', op: 'tenure', unit: 'years', min: 10 })).toBe(true);
    expect(
      matches({ field: 'customerSince', op: 'tenure', unit: 'years', min: 10 }, anna, '2026-12-01T22:59:59Z'),
    ).toBe(false);
    // 23:00 UTC on 1 December is already 2 December in Budapest
    expect(
      matches({ field: 'customerSince', op: 'tenure', unit: 'years', min: 10 }, anna, '2026-12-01T23:00:00Z'),
    ).toBe(true);
    expect(matches({ field: 'birthDate', op: 'tenure', unit: 'years', max: 45 })).toBe(true); // 46 tomorrow
    // a 29 February contract completes its years on 28 February
    expect(matches({ field: 'contractStart', op: 'tenure', unit: 'months', min: 33, max: 33 })).toBe(true);
    expect(
      matches({ field: 'contractStart', op: 'tenure', unit: 'years', min: 2 }, anna, '2026-02-28T12:00:00Z'),
    ).toBe(true);
  });

  it('never matches a tenure condition for a date after the as-of day', () => {
    expect(
      matches(
        { field: 'contractStart', op: 'tenure', unit: 'months', max: 12 },
        { ...anna, contractStart: '2027-01-01' },
      ),
    ).toBe(false);
  });

  it('compares date ranges inclusively', () => {
    expect(matches({ field: 'birthDate', op: 'range', from: '1980-01-01', to: '1980-12-03' })).toBe(true);
    expect(matches({ field: 'birthDate', op: 'range', to: '1980-12-02' })).toBe(false);
  });

  it('compares value in integer minor units of one currency, never across currencies', () => {
    expect(matches({ field: 'value', op: 'range', currency: 'HUF', min: 1_000_000_00 })).toBe(true);
    expect(matches({ field: 'value', op: 'range', currency: 'EUR', min: 0 })).toBe(false);
    expect(matches({ field: 'contactCount', op: 'range', min: 5, max: 7 })).toBe(true);
    expect(matches({ field: 'contactCount', op: 'eq', value: 8 })).toBe(false);
  });

  it('checks tags', () => {
    expect(matches({ field: 'segmentTags', op: 'hasTag', tag: 'vip' })).toBe(true);
    expect(matches({ field: 'segmentTags', op: 'hasAllTags', tags: ['vip', 'b2b'] })).toBe(false);
    expect(matches({ field: 'tags', op: 'hasAnyTag', tags: ['b2b', 'newsletter'] })).toBe(true);
  });

  it('splits profiles with a last contact into within and before N days', () => {
    expect(matches({ field: 'lastContactAt', op: 'within', days: 30 })).toBe(true);
    expect(matches({ field: 'lastContactAt', op: 'before', days: 30 })).toBe(false);
    expect(matches({ field: 'lastContactAt', op: 'before', days: 29 })).toBe(true);
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.integer({ min: 0, max: 3650 }), (at, days) => {
        const p = { ...anna, lastContactAt: at };
        const within = matches({ field: 'lastContactAt', op: 'within', days }, p);
        const before = matches({ field: 'lastContactAt', op: 'before', days }, p);
        expect(within).not.toBe(before);
      }),
    );
  });

  it('matches an absent field only with exists: false', () => {
    const bare = { customerId: 'c-2', kind: 'organisation' as const };
    for (const filter of [
      { field: 'lastContactAt', op: 'within', days: 10_000 },
      { field: 'lastContactAt', op: 'before', days: 0 },
      { field: 'birthDate', op: 'tenure', unit: 'years', max: 200 },
      { field: 'county', op: 'in', values: ['Budapest'] },
      { field: 'value', op: 'range', currency: 'HUF', min: 0 },
    ]) {
      expect(matches(filter, bare)).toBe(false);
    }
    expect(matches({ field: 'lastContactAt', op: 'exists', value: false }, bare)).toBe(true);
    expect(
      matches(
        {
          any: [
            { field: 'lastContactAt', op: 'before', days: 30 },
            { field: 'lastContactAt', op: 'exists', value: false },
          ],
        },
        bare,
      ),
    ).toBe(true);
  });

  it('combines with all, any and not', () => {
    const vip = { field: 'segmentTags', op: 'hasTag', tag: 'vip' };
    const b2b = { field: 'segmentTags', op: 'hasTag', tag: 'b2b' };
    expect(matches({ all: [vip, { not: b2b }] })).toBe(true);
    expect(matches({ any: [b2b, { not: vip }] })).toBe(false);
  });

  it('validates the profile and the as-of instant', () => {
    expect(
      issuePaths(() =>
        matchesSegment(
          { ...anna, shoeSize: 42 } as never,
          { field: 'kind', op: 'eq', value: 'person' },
          { asOf },
        ),
      ),
    ).toEqual([['profile']]);
    expect(
      issuePaths(() =>
        matchesSegment(anna, { field: 'kind', op: 'eq', value: 'person' }, { asOf: 'yesterday' }),
      ),
    ).toEqual([['options', 'asOf']]);
  });

  it('agrees with its compiled form, which evaluates many profiles against one validated filter', () => {
    const filter = {
      any: [
        {
          all: [
            { field: 'segmentTags', op: 'hasTag', tag: 'vip' },
            { field: 'customerSince', op: 'tenure', unit: 'years', min: 3 },
          ],
        },
        { not: { field: 'lastContactAt', op: 'within', days: 60 } },
      ],
    };
    const predicate = compileSegment(filter);
    const profileArb = fc.record({
      customerId: fc.constant('c-9'),
      kind: fc.constantFrom('person' as const, 'organisation' as const),
      segmentTags: fc.subarray(['vip', 'b2b']),
      customerSince: fc.option(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
      lastContactAt: fc.option(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(profileArb, (raw) => {
        const p = Object.fromEntries(
          Object.entries(raw).filter(([, v]) => v !== undefined),
        ) as unknown as SegmentProfileInput;
        expect(predicate(SegmentProfile.parse(p), { asOf })).toBe(matches(filter, p));
      }),
    );
  });
});
