import { suiteAuthorityMatrix } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { AuthorityMatrix, assertWithinAuthority, authorityLimit, isWithinAuthority } from './index';

const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });
const matrix = suiteAuthorityMatrix();

describe('authority', () => {
  it('takes the highest limit of the roles, zero when none is listed', () => {
    expect(authorityLimit(matrix, ['operator_l1'], 'credit')).toEqual(huf(5_000));
    expect(authorityLimit(matrix, ['operator_l1', 'supervisor'], 'credit')).toEqual(huf(50_000));
    expect(authorityLimit(matrix, ['operator_l1'], 'refund')).toEqual(huf(0));
  });

  it('lets anyone apologise, nobody grant in a foreign currency', () => {
    expect(isWithinAuthority(matrix, [], { kind: 'apology_only', amount: huf(0) })).toBe(true);
    expect(
      isWithinAuthority(matrix, ['supervisor'], { kind: 'credit', amount: { amount: 1, currency: 'EUR' } }),
    ).toBe(false);
  });

  it('refuses a grant above authority with a ForbiddenError carrying the limit', () => {
    const agent = { id: 'a', roles: ['operator_l1'], permissions: [] };
    expect(() => assertWithinAuthority(matrix, agent, { kind: 'credit', amount: huf(5_000) })).not.toThrow();
    try {
      assertWithinAuthority(matrix, agent, { kind: 'credit', amount: huf(5_001) });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'FORBIDDEN')).toBe(true);
      expect((error as FrontlineError).details).toMatchObject({ limit: huf(5_000), requested: huf(5_001) });
    }
  });

  it('refuses a matrix whose limits are in another currency', () => {
    const bad = {
      currency: 'HUF',
      limits: [{ role: 'x', kind: 'credit', max: { amount: 1, currency: 'EUR' } }],
    };
    expect(AuthorityMatrix.safeParse(bad).success).toBe(false);
    expect(() => authorityLimit(bad as AuthorityMatrix, ['x'], 'credit')).toThrow(/limits\.0\.max\.currency/);
  });

  it('never lets a role grant above its listed limit (property)', () => {
    const kinds = ['credit', 'refund', 'voucher', 'fee_waiver', 'free_service_period'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role: fc.constantFrom('a', 'b', 'c'),
            kind: fc.constantFrom(...kinds),
            max: fc.integer({ min: 0, max: 1_000_000 }).map((a) => ({ amount: a, currency: 'HUF' })),
          }),
          { maxLength: 10 },
        ),
        fc.subarray(['a', 'b', 'c']),
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 2_000_000 }),
        (limits, roles, kind, amount) => {
          const m = { currency: 'HUF', limits };
          const ok = isWithinAuthority(m, roles, { kind, amount: { amount, currency: 'HUF' } });
          const highest = Math.max(
            0,
            ...limits.filter((l) => l.kind === kind && roles.includes(l.role)).map((l) => l.max.amount),
          );
          expect(ok).toBe(amount <= highest);
        },
      ),
      { numRuns: 300 },
    );
  });
});
