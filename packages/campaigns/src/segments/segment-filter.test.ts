import { compileSegment, matchesSegment, SegmentFilter } from '@frontline/campaigns';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const profile = { customerId: 'c-1', kind: 'person' as const };
const asOf = new Date('2026-12-02T18:00:00Z');

describe('a segment filter', () => {
  it('refuses a field the profile does not have, naming its path', () => {
    expect(issuePaths(() => compileSegment({ all: [{ field: 'shoeSize', op: 'eq', value: '42' }] }))).toEqual(
      [['filter', 'all', 0, 'field']],
    );
    expect(issuePaths(() => compileSegment({ field: '__proto__', op: 'eq', value: 'x' }))).toEqual([
      ['filter', 'field'],
    ]);
    expect(
      issuePaths(() =>
        matchesSegment(profile, { not: { field: 'toString', op: 'exists', value: true } }, { asOf }),
      ),
    ).toEqual([['filter', 'not', 'field']]);
  });

  it('refuses an operator that does not fit the field type, naming its path', () => {
    expect(
      issuePaths(() =>
        compileSegment({
          any: [
            { field: 'kind', op: 'range', from: '2020-01-01' },
            { field: 'segmentTags', op: 'eq', value: 'vip' },
            { field: 'birthDate', op: 'within', days: 3 },
            { field: 'lastContactAt', op: 'tenure', unit: 'years', min: 1 },
          ],
        }),
      ),
    ).toEqual([
      ['filter', 'any', 0, 'op'],
      ['filter', 'any', 1, 'op'],
      ['filter', 'any', 2, 'op'],
      ['filter', 'any', 3, 'op'],
    ]);
  });

  it('refuses operands of the wrong type, unknown keys and empty ranges at their paths', () => {
    expect(
      issuePaths(() =>
        compileSegment({
          all: [
            { field: 'kind', op: 'eq', value: 'robot' },
            { field: 'customerSince', op: 'range', from: '2020-13-01' },
            { field: 'value', op: 'range', currency: 'HUF', min: 10.5 },
            { field: 'value', op: 'range', currency: 'XXY', min: 1 },
            { field: 'contactCount', op: 'range' },
            { field: 'contractStart', op: 'range', from: '2021-01-01', to: '2020-01-01' },
            { field: 'tags', op: 'hasTag', tag: 'x', extra: 1 },
            { field: 'lastContactAt', op: 'within', days: -1 },
          ],
        }),
      ),
    ).toEqual([
      ['filter', 'all', 0, 'value'],
      ['filter', 'all', 1, 'from'],
      ['filter', 'all', 2, 'min'],
      ['filter', 'all', 3, 'currency'],
      ['filter', 'all', 4, 'min'],
      ['filter', 'all', 5, 'to'],
      ['filter', 'all', 6],
      ['filter', 'all', 7, 'days'],
    ]);
  });

  it('refuses an empty combinator, a node of no known shape and a non-object', () => {
    expect(issuePaths(() => compileSegment({ all: [] }))).toEqual([['filter', 'all']]);
    expect(issuePaths(() => compileSegment({ any: [{ either: [] }, 'vip'] }))).toEqual([
      ['filter', 'any', 0],
      ['filter', 'any', 1],
    ]);
    // a node with two shapes at once: the extra key is reported at the node
    expect(
      issuePaths(() => compileSegment({ not: { field: 'kind', op: 'eq', value: 'person' }, all: [] })),
    ).toContainEqual(['filter']);
  });

  it('refuses a filter nested too deep', () => {
    let deep: unknown = { field: 'kind', op: 'eq', value: 'person' };
    for (let i = 0; i < 20; i += 1) deep = { not: deep };
    expect(issuePaths(() => compileSegment(deep))).toHaveLength(1);
  });

  it('is plain JSON: a stored filter parses back to itself', () => {
    const filter: SegmentFilter = {
      all: [
        { field: 'county', op: 'in', values: ['Budapest', 'Pest'] },
        { field: 'customerSince', op: 'tenure', unit: 'years', min: 5 },
        { not: { field: 'segmentTags', op: 'hasAnyTag', tags: ['churned', 'debtor'] } },
        {
          any: [
            { field: 'lastContactAt', op: 'before', days: 90 },
            { field: 'lastContactAt', op: 'exists', value: false },
          ],
        },
      ],
    };
    expect(SegmentFilter.parse(JSON.parse(JSON.stringify(filter)))).toEqual(filter);
  });
});
