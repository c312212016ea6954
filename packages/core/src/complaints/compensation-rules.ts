import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Money } from '../kernel/money';
import {
  type CompensationRule,
  type CompensationRuleSet,
  parseCompensationRuleSet,
  RuleSlug,
} from './compensation-rule-set';
import {
  type Compensation,
  CompensationKind,
  ComplaintCategory,
  ComplaintSeverity,
} from './complaint.schema';

export {
  CompensationAward,
  CompensationCap,
  CompensationCondition,
  CompensationRule,
  CompensationRuleSet,
  type CompensationRuleSetInput,
  parseCompensationRuleSet,
} from './compensation-rule-set';

/**
 * What compensation rules read about one complaint. `granted` lists the compensations the customer already
 * received in the caps' windows (the service fills it from stored decisions).
 * @category Complaints
 */
export const CompensationFacts = z.strictObject({
  category: ComplaintCategory,
  severity: ComplaintSeverity,
  outageHours: z.number().min(0).max(100_000).optional(),
  amountInDispute: Money.nullable().default(null),
  valueSegment: RuleSlug.optional(),
  tenureMonths: z.int().min(0).max(2_400).optional(),
  granted: z
    .array(z.strictObject({ kind: CompensationKind, amount: Money, ageDays: z.number().min(0) }))
    .max(10_000)
    .default([]),
});
/** @category Complaints */
export type CompensationFacts = z.output<typeof CompensationFacts>;
/** @category Complaints */
export type CompensationFactsInput = z.input<typeof CompensationFacts>;

/**
 * Why each rule matched or did not, which rule was applied, and which cap cut the amount.
 * @category Complaints
 */
export interface CompensationExplanation {
  ruleSetId: string;
  ruleSetVersion: number;
  /** Every rule in order: whether it matched, and the reasons it did not. */
  rules: { ruleId: string; matched: boolean; reasons: string[] }[];
  /** The first matching rule, which the proposal comes from; `null` when none matched (apology only). */
  appliedRuleId: string | null;
  /** The amount the applied rule gave before caps. */
  uncapped: Money | null;
  /** The cap that reduced the amount, with what had already been granted in its window. */
  cap: { capId: string; limit: Money; alreadyGranted: Money; remaining: Money } | null;
}

/**
 * The result of {@link CompiledCompensationRules.evaluate}: the proposed compensation and its explanation.
 * @category Complaints
 */
export interface CompensationEvaluation {
  proposal: Compensation;
  explanation: CompensationExplanation;
}

/**
 * A rule set checked and compiled once into predicates, for evaluating many complaints.
 * @category Complaints
 */
export interface CompiledCompensationRules {
  readonly ruleSet: CompensationRuleSet;
  /** Evaluates one complaint's facts (validated) against the rules. */
  evaluate(facts: CompensationFactsInput): CompensationEvaluation;
}

type Check = (f: CompensationFacts) => string | null;

function scale(amount: number, num: number, den: number): number {
  const p = amount * num;
  if (Number.isSafeInteger(p)) return Math.floor(p / den);
  const big = (BigInt(amount) * BigInt(num)) / BigInt(den);
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

function compileRule(rule: CompensationRule, currency: string): Check[] {
  const w = rule.when;
  const checks: Check[] = [];
  // the lists a reason names are joined once, when the rule is compiled, not for every complaint
  if (w.categories) {
    const set = new Set(w.categories);
    const list = w.categories.join(', ');
    checks.push((f) => (set.has(f.category) ? null : `category ${f.category} is not one of ${list}`));
  }
  if (w.severities) {
    const set = new Set<string>(w.severities);
    const list = w.severities.join(', ');
    checks.push((f) => (set.has(f.severity) ? null : `severity ${f.severity} is not one of ${list}`));
  }
  const hoursNeeded =
    w.minOutageHours !== undefined ||
    w.maxOutageHours !== undefined ||
    rule.award.basis === 'per_outage_hour';
  if (hoursNeeded) {
    checks.push((f) => {
      if (f.outageHours === undefined) return 'no outage length is known';
      if (w.minOutageHours !== undefined && f.outageHours < w.minOutageHours)
        return `outage ${f.outageHours} h is below ${w.minOutageHours} h`;
      if (w.maxOutageHours !== undefined && f.outageHours >= w.maxOutageHours)
        return `outage ${f.outageHours} h is not below ${w.maxOutageHours} h`;
      return null;
    });
  }
  const disputeNeeded =
    w.minAmountInDispute !== undefined ||
    w.maxAmountInDispute !== undefined ||
    rule.award.basis === 'percent_of_dispute';
  if (disputeNeeded) {
    checks.push((f) => {
      const a = f.amountInDispute;
      if (a === null) return 'no amount is in dispute';
      if (a.currency !== currency)
        return `the amount in dispute is in ${a.currency}, the rules in ${currency}`;
      if (w.minAmountInDispute && a.amount < w.minAmountInDispute.amount)
        return `amount in dispute ${a.amount} is below ${w.minAmountInDispute.amount}`;
      if (w.maxAmountInDispute && a.amount >= w.maxAmountInDispute.amount)
        return `amount in dispute ${a.amount} is not below ${w.maxAmountInDispute.amount}`;
      return null;
    });
  }
  if (w.segments) {
    const set = new Set(w.segments);
    const list = w.segments.join(', ');
    checks.push((f) =>
      f.valueSegment !== undefined && set.has(f.valueSegment)
        ? null
        : `segment ${f.valueSegment ?? '(none)'} is not one of ${list}`,
    );
  }
  if (w.minTenureMonths !== undefined || w.maxTenureMonths !== undefined) {
    checks.push((f) => {
      if (f.tenureMonths === undefined) return 'no tenure is known';
      if (w.minTenureMonths !== undefined && f.tenureMonths < w.minTenureMonths)
        return `tenure ${f.tenureMonths} months is below ${w.minTenureMonths}`;
      if (w.maxTenureMonths !== undefined && f.tenureMonths >= w.maxTenureMonths)
        return `tenure ${f.tenureMonths} months is not below ${w.maxTenureMonths}`;
      return null;
    });
  }
  return checks;
}

function awardAmount(rule: CompensationRule, f: CompensationFacts): number {
  const a = rule.award;
  let amount: number;
  if (a.basis === 'fixed') amount = a.amount.amount;
  else if (a.basis === 'per_outage_hour') amount = scale(a.amount.amount, Math.ceil(f.outageHours ?? 0), 1);
  else amount = scale(Math.max(0, f.amountInDispute?.amount ?? 0), a.percent, 100);
  return rule.max ? Math.min(amount, rule.max.amount) : amount;
}

/**
 * Checks a rule set once ({@link parseCompensationRuleSet}) and compiles it into predicates; `evaluate` then
 * validates one complaint's facts and returns the proposal and its explanation. The first matching rule is
 * applied; every cap whose kinds include the proposal's kind limits it to what is left of the customer's
 * allowance in the cap's window. No match, or nothing left, proposes an apology only.
 * @example
 * const rules = compileCompensationRules(ruleSetJson);
 * const { proposal, explanation } = rules.evaluate({ category: 'network_outage', severity: 'high', outageHours: 30 });
 * @category Complaints
 */
export function compileCompensationRules(input: unknown): CompiledCompensationRules {
  const ruleSet = parseCompensationRuleSet(input);
  const currency = ruleSet.currency;
  const compiled = ruleSet.rules.map((rule) => ({ rule, checks: compileRule(rule, currency) }));
  return {
    ruleSet,
    evaluate(raw) {
      const facts = parseInput(CompensationFacts, raw, 'compensation facts');
      const rules: CompensationExplanation['rules'] = [];
      let applied: CompensationRule | null = null;
      for (const { rule, checks } of compiled) {
        const reasons: string[] = [];
        for (const check of checks) {
          const reason = check(facts);
          if (reason !== null) reasons.push(reason);
        }
        const matched = reasons.length === 0;
        if (matched && applied === null) applied = rule;
        rules.push({ ruleId: rule.id, matched, reasons });
      }
      const explanation: CompensationExplanation = {
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        rules,
        appliedRuleId: applied?.id ?? null,
        uncapped: null,
        cap: null,
      };
      const zero = { kind: 'apology_only' as const, amount: { amount: 0, currency } };
      if (applied === null) return { proposal: zero, explanation };
      let amount = awardAmount(applied, facts);
      explanation.uncapped = { amount, currency };
      for (const cap of ruleSet.caps) {
        if (cap.kinds && !cap.kinds.includes(applied.kind)) continue;
        let granted = 0;
        for (const g of facts.granted) {
          if (g.ageDays >= cap.windowDays || g.amount.currency !== currency) continue;
          if (cap.kinds && !cap.kinds.includes(g.kind)) continue;
          granted += Math.max(0, g.amount.amount);
        }
        const remaining = Math.max(0, cap.perCustomer.amount - granted);
        if (amount > remaining) {
          amount = remaining;
          explanation.cap = {
            capId: cap.id,
            limit: cap.perCustomer,
            alreadyGranted: { amount: granted, currency },
            remaining: { amount: remaining, currency },
          };
        }
      }
      if (amount === 0) return { proposal: zero, explanation };
      const proposal: Compensation = { kind: applied.kind, amount: { amount, currency } };
      if (applied.days !== undefined) proposal.days = applied.days;
      return { proposal, explanation };
    },
  };
}

/**
 * Evaluates one complaint against a rule set (parsing and compiling it first). For many complaints, compile
 * once with {@link compileCompensationRules}.
 * @example
 * const { proposal, explanation } = evaluateCompensation(ruleSet, facts);
 * @category Complaints
 */
export function evaluateCompensation(
  ruleSet: unknown,
  facts: CompensationFactsInput,
): CompensationEvaluation {
  return compileCompensationRules(ruleSet).evaluate(facts);
}
