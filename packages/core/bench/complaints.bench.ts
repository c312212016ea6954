/**
 * Compensation rule evaluation for 100,000 complaints against a 50-rule set (categories, severities, outage
 * lengths, amounts in dispute, value segments, tenure, a yearly cap over earlier compensations).
 *
 * Baseline: what a competent developer writes — the rule set parsed once from the JSON a CRM stores and
 * interpreted with plain `if`s per complaint, every rule checked, the first match applied, the cap summed (no
 * validation of the facts, no explanation beyond the matches).
 * Candidate: the SDK's `compileCompensationRules` — the rule set validated once and compiled into predicates —
 * whose `evaluate` also validates each complaint's facts and writes the full explanation. Both must agree on
 * the proposal, the applied rule, every rule's match and the cap on a sample of 5,000 before anything is timed.
 */
import { type BenchCase, benchSize, defineBenchSuite, seededRandom } from '../../../scripts/bench-kit';
import {
  type CompensationFactsInput,
  type CompensationRule,
  type CompensationRuleSet,
  type CompensationRuleSetInput,
  compileCompensationRules,
} from '../src/complaints/compensation-rules';

const CATEGORIES = [
  'network_outage',
  'billing',
  'service',
  'delivery',
  'device',
  'contract',
  'roaming',
  'tv',
  'porting',
  'staff',
];
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const SEGMENTS = ['standard', 'silver', 'gold', 'business'];
const KINDS = ['credit', 'refund', 'voucher', 'fee_waiver'] as const;
const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });

const random = seededRandom;

function ruleSet(): CompensationRuleSetInput {
  const r = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rules: CompensationRuleSetInput['rules'] = [];
  for (let i = 0; i < 49; i++) {
    const when: Record<string, unknown> = { categories: [pick(CATEGORIES), pick(CATEGORIES)] };
    if (r() < 0.5) when.severities = [pick(SEVERITIES), pick(SEVERITIES)];
    if (r() < 0.3) when.minOutageHours = Math.floor(r() * 24);
    if (r() < 0.3) when.minAmountInDispute = huf(Math.floor(r() * 5_000));
    if (r() < 0.3) when.segments = [pick(SEGMENTS)];
    if (r() < 0.3) when.minTenureMonths = Math.floor(r() * 36);
    const basis =
      when.minOutageHours !== undefined
        ? 'per_outage_hour'
        : when.minAmountInDispute
          ? 'percent_of_dispute'
          : 'fixed';
    rules.push({
      id: `rule_${i}`,
      description: `generated rule ${i}`,
      when,
      kind: pick(KINDS),
      award:
        basis === 'percent_of_dispute'
          ? { basis, percent: 10 + Math.floor(r() * 90) }
          : { basis, amount: huf(500 + Math.floor(r() * 5_000)) },
      max: huf(60_000),
    } as CompensationRuleSetInput['rules'][number]);
  }
  rules.push({
    id: 'apology',
    description: 'otherwise',
    kind: 'apology_only',
    award: { basis: 'fixed', amount: huf(0) },
  });
  return {
    id: 'bench',
    version: 1,
    currency: 'HUF',
    rules,
    caps: [{ id: 'yearly', perCustomer: huf(80_000), windowDays: 365 }],
  };
}

function complaints(n: number): CompensationFactsInput[] {
  const r = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, () => ({
    category: pick(CATEGORIES),
    severity: pick(SEVERITIES),
    ...(r() < 0.6 ? { outageHours: Math.floor(r() * 96 * 10) / 10 } : {}),
    amountInDispute: r() < 0.5 ? huf(Math.floor(r() * 20_000)) : null,
    ...(r() < 0.8 ? { valueSegment: pick(SEGMENTS) } : {}),
    ...(r() < 0.8 ? { tenureMonths: Math.floor(r() * 120) } : {}),
    granted:
      r() < 0.3
        ? [{ kind: pick(KINDS), amount: huf(Math.floor(r() * 80_000)), ageDays: Math.floor(r() * 500) }]
        : [],
  }));
}

interface NaiveResult {
  kind: string;
  amount: number;
  appliedRuleId: string | null;
  matched: boolean[];
  capId: string | null;
}

/** The baseline: interpret the parsed rule set with plain checks. */
function naiveEvaluate(set: CompensationRuleSet, f: CompensationFactsInput): NaiveResult {
  const matched: boolean[] = [];
  let applied: CompensationRule | null = null;
  for (const rule of set.rules) {
    const w = rule.when ?? {};
    let ok = true;
    if (w.categories && !w.categories.includes(f.category)) ok = false;
    if (w.severities && !w.severities.includes(f.severity)) ok = false;
    const needsHours =
      w.minOutageHours !== undefined ||
      w.maxOutageHours !== undefined ||
      rule.award.basis === 'per_outage_hour';
    if (needsHours) {
      if (f.outageHours === undefined) ok = false;
      else {
        if (w.minOutageHours !== undefined && f.outageHours < w.minOutageHours) ok = false;
        if (w.maxOutageHours !== undefined && f.outageHours >= w.maxOutageHours) ok = false;
      }
    }
    const needsDispute =
      w.minAmountInDispute || w.maxAmountInDispute || rule.award.basis === 'percent_of_dispute';
    if (needsDispute) {
      const a = f.amountInDispute;
      if (!a || a.currency !== set.currency) ok = false;
      else {
        if (w.minAmountInDispute && a.amount < w.minAmountInDispute.amount) ok = false;
        if (w.maxAmountInDispute && a.amount >= w.maxAmountInDispute.amount) ok = false;
      }
    }
    if (w.segments && (f.valueSegment === undefined || !w.segments.includes(f.valueSegment))) ok = false;
    if (w.minTenureMonths !== undefined || w.maxTenureMonths !== undefined) {
      if (f.tenureMonths === undefined) ok = false;
      else {
        if (w.minTenureMonths !== undefined && f.tenureMonths < w.minTenureMonths) ok = false;
        if (w.maxTenureMonths !== undefined && f.tenureMonths >= w.maxTenureMonths) ok = false;
      }
    }
    matched.push(ok);
    if (ok && applied === null) applied = rule;
  }
  if (applied === null) return { kind: 'apology_only', amount: 0, appliedRuleId: null, matched, capId: null };
  let amount: number;
  if (applied.award.basis === 'fixed') amount = applied.award.amount.amount;
  else if (applied.award.basis === 'per_outage_hour')
    amount = applied.award.amount.amount * Math.ceil(f.outageHours ?? 0);
  else amount = Math.floor((Math.max(0, f.amountInDispute?.amount ?? 0) * applied.award.percent) / 100);
  if (applied.max) amount = Math.min(amount, applied.max.amount);
  let capId: string | null = null;
  for (const cap of set.caps ?? []) {
    if (cap.kinds && !cap.kinds.includes(applied.kind)) continue;
    let granted = 0;
    for (const g of f.granted ?? []) {
      if (g.ageDays >= (cap.windowDays ?? 365) || g.amount.currency !== set.currency) continue;
      if (cap.kinds && !cap.kinds.includes(g.kind)) continue;
      granted += Math.max(0, g.amount.amount);
    }
    const remaining = Math.max(0, cap.perCustomer.amount - granted);
    if (amount > remaining) {
      amount = remaining;
      capId = cap.id;
    }
  }
  if (amount === 0) return { kind: 'apology_only', amount: 0, appliedRuleId: applied.id, matched, capId };
  return { kind: applied.kind, amount, appliedRuleId: applied.id, matched, capId };
}

export default defineBenchSuite({
  name: 'core',
  cases: () => {
    const n = benchSize(100_000);
    const set = ruleSet();
    const json = JSON.stringify(set);
    const facts = complaints(n);
    const compiled = compileCompensationRules(JSON.parse(json));
    const parsed: CompensationRuleSet = JSON.parse(json);
    for (const f of facts.slice(0, 5_000)) {
      const naive = naiveEvaluate(parsed, f);
      const { proposal, explanation } = compiled.evaluate(f);
      const sdk: NaiveResult = {
        kind: proposal.kind,
        amount: proposal.amount.amount,
        appliedRuleId: explanation.appliedRuleId,
        matched: explanation.rules.map((r) => r.matched),
        capId: explanation.cap?.capId ?? null,
      };
      if (JSON.stringify(sdk) !== JSON.stringify(naive)) {
        throw new Error(
          `complaints bench: outputs differ for ${JSON.stringify(f)}:\n${JSON.stringify(sdk)}\n${JSON.stringify(naive)}`,
        );
      }
    }
    let sink = 0;
    const cases: BenchCase[] = [
      {
        name: `compensation rules (50) over ${n.toLocaleString('en')} complaints`,
        itemsPerOp: n,
        unit: 'complaint',
        iterations: 3,
        time: 200,
        baseline: {
          name: 'rule set parsed once, interpreted with plain checks',
          fn: () => {
            for (const f of facts) sink += naiveEvaluate(parsed, f).amount;
            return sink;
          },
        },
        candidates: [
          {
            name: 'compileCompensationRules().evaluate (validated, explained)',
            fn: () => {
              for (const f of facts) sink += compiled.evaluate(f).proposal.amount.amount;
              return sink;
            },
          },
        ],
      },
    ];
    return cases;
  },
});
