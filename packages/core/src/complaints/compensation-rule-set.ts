import { z } from 'zod';
import { type FieldIssue, ValidationError } from '../errors/frontline-error';
import { parseInput, toFieldIssues } from '../errors/validate';
import { CurrencyCode, Money } from '../kernel/money';
import { CompensationKind, ComplaintCategory, ComplaintSeverity } from './complaint.schema';

/** The largest amount a rule may state, in minor units (10 billion HUF in fillér). */
const MAX_RULE_AMOUNT = 1_000_000_000_000;
const RuleMoney = Money.refine((m) => m.amount >= 0 && m.amount <= MAX_RULE_AMOUNT, {
  message: `A rule amount is between 0 and ${MAX_RULE_AMOUNT} minor units`,
});
/** A rule, cap or segment id: lower-case letters, digits and "_". Internal. */
export const RuleSlug = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'Lower-case letters, digits and "_"');

/**
 * When a compensation rule applies. Every condition given must hold; a condition left out always holds.
 * Ranges are inclusive at `min`, exclusive at `max`.
 * @category Complaints
 */
export const CompensationCondition = z.strictObject({
  categories: z.array(ComplaintCategory).min(1).optional(),
  severities: z.array(ComplaintSeverity).min(1).optional(),
  minOutageHours: z.number().min(0).optional(),
  maxOutageHours: z.number().min(0).optional(),
  minAmountInDispute: RuleMoney.optional(),
  maxAmountInDispute: RuleMoney.optional(),
  /** Customer value segments (`gold`, `standard`). */
  segments: z.array(RuleSlug).min(1).optional(),
  minTenureMonths: z.int().min(0).optional(),
  maxTenureMonths: z.int().min(0).optional(),
});
/** @category Complaints */
export type CompensationCondition = z.infer<typeof CompensationCondition>;

/**
 * How a rule values its compensation: a fixed amount, an amount per started outage hour, or a percentage of
 * the amount in dispute (rounded down to the minor unit).
 * @category Complaints
 */
export const CompensationAward = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('fixed'), amount: RuleMoney }),
  z.strictObject({ basis: z.literal('per_outage_hour'), amount: RuleMoney }),
  z.strictObject({ basis: z.literal('percent_of_dispute'), percent: z.int().min(0).max(100) }),
]);
/** @category Complaints */
export type CompensationAward = z.infer<typeof CompensationAward>;

/**
 * One declarative compensation rule: `when` the complaint matches, propose `kind` valued by `award`, at most
 * `max`.
 * @category Complaints
 */
export const CompensationRule = z.strictObject({
  id: RuleSlug,
  description: z.string().trim().min(1).max(500),
  when: CompensationCondition.default({}),
  kind: CompensationKind,
  award: CompensationAward,
  max: RuleMoney.optional(),
  /** Days of free service, for `free_service_period`. */
  days: z.int().min(1).max(3650).optional(),
});
/** @category Complaints */
export type CompensationRule = z.infer<typeof CompensationRule>;

/**
 * A cap on what one customer receives in a window (default a year), over the kinds listed (all when left out).
 * @category Complaints
 */
export const CompensationCap = z.strictObject({
  id: RuleSlug,
  kinds: z.array(CompensationKind).min(1).optional(),
  perCustomer: RuleMoney,
  windowDays: z.int().min(1).max(3650).default(365),
});
/** @category Complaints */
export type CompensationCap = z.infer<typeof CompensationCap>;

/**
 * A versioned compensation rule set. Rules are tried in order; the first that matches is applied (put the
 * specific ones first). Every amount is in the set's `currency`.
 * @category Complaints
 */
export const CompensationRuleSet = z.strictObject({
  id: RuleSlug,
  version: z.int().min(1),
  currency: CurrencyCode,
  rules: z.array(CompensationRule).max(1_000),
  caps: z.array(CompensationCap).max(50).default([]),
});
/** @category Complaints */
export type CompensationRuleSet = z.output<typeof CompensationRuleSet>;
/** @category Complaints */
export type CompensationRuleSetInput = z.input<typeof CompensationRuleSet>;

const RuleSetShell = z.strictObject({
  id: RuleSlug,
  version: z.int().min(1),
  currency: CurrencyCode,
  rules: z.array(z.unknown()).max(1_000),
  caps: z.array(CompensationCap).max(50).default([]),
});

function moneyPaths(rule: CompensationRule): [string[], Money][] {
  const out: [string[], Money][] = [];
  if (rule.when.minAmountInDispute) out.push([['when', 'minAmountInDispute'], rule.when.minAmountInDispute]);
  if (rule.when.maxAmountInDispute) out.push([['when', 'maxAmountInDispute'], rule.when.maxAmountInDispute]);
  if (rule.award.basis !== 'percent_of_dispute') out.push([['award', 'amount'], rule.award.amount]);
  if (rule.max) out.push([['max'], rule.max]);
  return out;
}

/**
 * Parses a rule set (JSON as a CRM stores it). A bad rule is a `ValidationError` whose message names the rule
 * (its `id`, or its position when the id itself is bad) and the field, with `details.ruleId`; issue paths run
 * from the rule set's root (`rules.3.award.amount`).
 * @example
 * const set = parseCompensationRuleSet(JSON.parse(stored));
 * @category Complaints
 */
export function parseCompensationRuleSet(input: unknown): CompensationRuleSet {
  const shell = parseInput(RuleSetShell, input, 'compensation rule set');
  const rules: CompensationRule[] = [];
  const seen = new Set<string>();
  shell.rules.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : `#${index}`;
    const fail = (issues: FieldIssue[]): never => {
      const first = issues[0];
      const field = first && first.path.length > 2 ? first.path.slice(2).join('.') : '(rule)';
      throw new ValidationError(
        `Invalid compensation rule "${rawId}": ${field}: ${first?.message ?? 'invalid'}`,
        issues,
        { details: { ruleId: rawId, ruleIndex: index, field } },
      );
    };
    const result = CompensationRule.safeParse(raw);
    if (!result.success) {
      fail(toFieldIssues(result.error.issues).map((i) => ({ ...i, path: ['rules', index, ...i.path] })));
      return;
    }
    const rule = result.data;
    if (seen.has(rule.id)) {
      fail([
        { path: ['rules', index, 'id'], message: `The rule id "${rule.id}" is used twice`, code: 'custom' },
      ]);
    }
    seen.add(rule.id);
    for (const [path, value] of moneyPaths(rule)) {
      if (value.currency !== shell.currency) {
        fail([
          {
            path: ['rules', index, ...path, 'currency'],
            message: `Expected the rule set's currency ${shell.currency}, got ${value.currency}`,
            code: 'custom',
          },
        ]);
      }
    }
    const w = rule.when;
    const bad = (cond: boolean, path: string, message: string) =>
      cond && fail([{ path: ['rules', index, 'when', path], message, code: 'custom' }]);
    bad(
      w.minOutageHours !== undefined &&
        w.maxOutageHours !== undefined &&
        w.minOutageHours >= w.maxOutageHours,
      'maxOutageHours',
      'maxOutageHours must be above minOutageHours',
    );
    bad(
      w.minTenureMonths !== undefined &&
        w.maxTenureMonths !== undefined &&
        w.minTenureMonths >= w.maxTenureMonths,
      'maxTenureMonths',
      'maxTenureMonths must be above minTenureMonths',
    );
    if (rule.kind === 'apology_only' && (rule.award.basis !== 'fixed' || rule.award.amount.amount !== 0)) {
      fail([
        { path: ['rules', index, 'award'], message: 'An apology is worth a fixed zero', code: 'custom' },
      ]);
    }
    if (rule.kind === 'free_service_period' && rule.days === undefined) {
      fail([
        { path: ['rules', index, 'days'], message: 'A free service period needs its days', code: 'custom' },
      ]);
    }
    rules.push(rule);
  });
  shell.caps.forEach((cap, index) => {
    if (cap.perCustomer.currency !== shell.currency) {
      throw new ValidationError(
        `Invalid compensation cap "${cap.id}": perCustomer.currency: expected ${shell.currency}`,
        [{ path: ['caps', index, 'perCustomer', 'currency'], message: 'Currency differs', code: 'custom' }],
        { details: { capId: cap.id } },
      );
    }
  });
  return { ...shell, rules };
}
