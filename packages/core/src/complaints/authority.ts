import { z } from 'zod';
import { ForbiddenError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput } from '../kernel/actor';
import { CurrencyCode, Money } from '../kernel/money';
import { Compensation, CompensationKind } from './complaint.schema';

/**
 * The authority matrix (hatásköri mátrix) as data: for each role and compensation kind, the most an agent in
 * that role may grant on their own. A role or kind not listed may grant nothing but an apology. Amounts are in
 * the matrix's currency.
 * @example
 * const matrix = { currency: 'HUF', limits: [{ role: 'operator_l1', kind: 'credit', max: { amount: 500_000, currency: 'HUF' } }] };
 * @category Complaints
 */
export const AuthorityMatrix = z
  .strictObject({
    currency: CurrencyCode,
    limits: z
      .array(
        z.strictObject({
          role: z.string().min(1).max(100),
          kind: CompensationKind,
          max: Money.refine((m) => m.amount >= 0, 'A limit is not negative'),
        }),
      )
      .max(1_000),
  })
  .superRefine((m, ctx) => {
    m.limits.forEach((l, i) => {
      if (l.max.currency !== m.currency) {
        ctx.addIssue({
          code: 'custom',
          path: ['limits', i, 'max', 'currency'],
          message: `Expected the matrix currency ${m.currency}`,
        });
      }
    });
  });
/** @category Complaints */
export type AuthorityMatrix = z.infer<typeof AuthorityMatrix>;

/**
 * The most any of `roles` may grant of `kind` (the highest of their limits); zero when none is listed.
 * An apology costs nothing, so its limit is never below zero.
 * @example authorityLimit(matrix, ['supervisor'], 'refund') // { amount: 5_000_000, currency: 'HUF' }
 * @category Complaints
 */
export function authorityLimit(
  matrix: AuthorityMatrix,
  roles: readonly string[],
  kind: CompensationKind,
): Money {
  const m = parseInput(AuthorityMatrix, matrix, 'authority matrix');
  const r = parseInput(z.array(z.string()), roles, 'roles');
  const k = parseInput(CompensationKind, kind, 'compensation kind');
  let max = 0;
  for (const limit of m.limits) {
    if (limit.kind === k && r.includes(limit.role)) max = Math.max(max, limit.max.amount);
  }
  return { amount: max, currency: m.currency };
}

/**
 * True when `compensation` is within what the roles may grant. A compensation in another currency than the
 * matrix is never within authority.
 * @category Complaints
 */
export function isWithinAuthority(
  matrix: AuthorityMatrix,
  roles: readonly string[],
  compensation: Compensation,
): boolean {
  const c = parseInput(Compensation, compensation, 'compensation');
  const limit = authorityLimit(matrix, roles, c.kind);
  if (c.amount.amount <= 0) return true;
  return c.amount.currency === limit.currency && c.amount.amount <= limit.amount;
}

/**
 * Throws a `ForbiddenError` (with `details.limit`) when the actor's roles may not grant `compensation`.
 * @example assertWithinAuthority(matrix, approver, decision.compensation);
 * @category Complaints
 */
export function assertWithinAuthority(
  matrix: AuthorityMatrix,
  actor: ActorInput,
  compensation: Compensation,
): void {
  const a = parseInput(Actor, actor, 'actor');
  const c = parseInput(Compensation, compensation, 'compensation');
  if (!isWithinAuthority(matrix, a.roles, c)) {
    const limit = authorityLimit(matrix, a.roles, c.kind);
    throw new ForbiddenError(
      `${a.id} may grant ${c.kind} up to ${limit.amount} ${limit.currency} minor units, not ${c.amount.amount} ${c.amount.currency}.`,
      { details: { actorId: a.id, roles: a.roles, kind: c.kind, limit, requested: c.amount } },
    );
  }
}
