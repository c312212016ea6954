import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contact } from '../../test/kpi-arbitraries';
import { checkedContact } from './kpi-contact-check';
import { KpiContact } from './kpi-rows.schema';

const FIELDS = [...Object.keys(KpiContact.shape), 'unknownKey'];
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' q1 ',
  '  ',
  'x'.repeat(101),
  'x'.repeat(201),
  'Billing',
  'a b',
  'outbound',
  'inbound',
  'fax',
  'chat',
  -1,
  0,
  1.5,
  86_400_000,
  86_400_001,
  Number.NaN,
  true,
  false,
  new Date(Number.NaN),
  new Date('2026-10-24T17:00:00Z'),
  new Date('2026-10-27T20:00:00Z'),
  '2026-10-25T01:30:00Z',
  {},
  [],
];

const row = fc
  .tuple(
    contact,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...ODD_VALUES)), { maxLength: 2 }),
  )
  .map(([c, changes]) => {
    const r: Record<string, unknown> = { ...c, id: 'k1' };
    for (const [field, value] of changes) r[field] = value;
    return r;
  });

describe('checkedContact (the fast check behind kpiPartialOf)', () => {
  it('accepts only what KpiContact accepts, and gives what it gives', () => {
    fc.assert(
      fc.property(row, (r) => {
        const fast = checkedContact(r);
        const parsed = KpiContact.safeParse(r);
        if (fast !== undefined) {
          expect(parsed.success).toBe(true);
          expect(fast).toEqual(parsed.data);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the usual rows (instants as Dates) without the schema', () => {
    fc.assert(
      fc.property(contact, (c) => {
        expect(checkedContact({ ...c, id: 'k1' })).toEqual(KpiContact.parse({ ...c, id: 'k1' }));
      }),
    );
  });

  it('leaves anything but an object to the schema', () => {
    for (const value of [null, undefined, 'row', 3, [], new Map()])
      expect(checkedContact(value)).toBeUndefined();
  });
});
