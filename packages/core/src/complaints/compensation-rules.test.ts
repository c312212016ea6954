import { suiteCompensationRuleSet } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError, ValidationError } from '../errors/frontline-error';
import {
  type CompensationKind,
  type CompensationRuleSetInput,
  compileCompensationRules,
  evaluateCompensation,
  parseCompensationRuleSet,
} from './index';

const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });

function thrown(f: () => unknown): FrontlineError {
  try {
    f();
  } catch (error) {
    if (FrontlineError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a FrontlineError');
}

describe('parseCompensationRuleSet', () => {
  it('accepts the suite rule set and fills defaults', () => {
    const set = parseCompensationRuleSet(suiteCompensationRuleSet());
    expect(set.rules.map((r) => r.id)).toEqual([
      'outage_long',
      'outage_short',
      'billing_error',
      'loyal_gold',
      'apology',
    ]);
    expect(set.rules[4]?.when).toEqual({});
  });

  it('names the rule and the field of a bad rule', () => {
    const set = suiteCompensationRuleSet();
    set.rules[2] = {
      ...set.rules[2]!,
      when: { categories: ['billing'], minAmountInDispute: { amount: 100, currency: 'huf' } },
    };
    const error = thrown(() => parseCompensationRuleSet(set));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('"billing_error"');
    expect(error.message).toContain('when.minAmountInDispute.currency');
    expect(error.details).toMatchObject({ ruleId: 'billing_error', ruleIndex: 2 });
    expect(JSON.stringify(error.details.issues)).toContain(
      '"rules",2,"when","minAmountInDispute","currency"',
    );
  });

  it('refuses unknown fields, duplicate ids, a foreign currency, bad ranges and an apology with a price', () => {
    const base = suiteCompensationRuleSet();
    const cases: [CompensationRuleSetInput['rules'][number], string][] = [
      [{ ...base.rules[0]!, colour: 'red' } as never, 'outage_long'],
      [{ ...base.rules[1]!, id: 'outage_long' }, 'id'],
      [{ ...base.rules[1]!, max: { amount: 100, currency: 'EUR' } }, 'max.currency'],
      [{ ...base.rules[1]!, when: { minOutageHours: 10, maxOutageHours: 5 } }, 'when.maxOutageHours'],
      [{ ...base.rules[4]!, award: { basis: 'fixed', amount: huf(10) } }, 'award'],
      [{ ...base.rules[1]!, kind: 'free_service_period' }, 'days'],
    ];
    for (const [rule, field] of cases) {
      const error = thrown(() => parseCompensationRuleSet({ ...base, rules: [base.rules[0]!, rule] }));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain(field);
    }
    const noId = thrown(() => parseCompensationRuleSet({ ...base, rules: [{ kind: 'credit' }] }));
    expect(noId.message).toContain('"#0"');
  });
});

describe('evaluate', () => {
  const rules = compileCompensationRules(suiteCompensationRuleSet());

  it('applies the first matching rule and explains every rule', () => {
    const { proposal, explanation } = rules.evaluate({
      category: 'network_outage',
      severity: 'high',
      outageHours: 25.5,
    });
    expect(proposal).toEqual({ kind: 'credit', amount: huf(26_000) });
    expect(explanation.appliedRuleId).toBe('outage_long');
    expect(explanation.rules.find((r) => r.ruleId === 'outage_short')).toEqual({
      ruleId: 'outage_short',
      matched: false,
      reasons: ['outage 25.5 h is not below 24 h'],
    });
    expect(explanation.rules.find((r) => r.ruleId === 'billing_error')?.reasons).toEqual([
      'category network_outage is not one of billing',
      'no amount is in dispute',
    ]);
    expect(explanation.rules.at(-1)).toEqual({ ruleId: 'apology', matched: true, reasons: [] });
    expect(explanation).toMatchObject({
      ruleSetId: 'standard',
      ruleSetVersion: 1,
      cap: null,
      uncapped: huf(26_000),
    });
  });

  it('refunds a share of the amount in dispute, up to the rule maximum', () => {
    expect(
      rules.evaluate({ category: 'billing', severity: 'low', amountInDispute: huf(12_345) }).proposal,
    ).toEqual({
      kind: 'refund',
      amount: huf(12_345),
    });
    const big = rules.evaluate({ category: 'billing', severity: 'low', amountInDispute: huf(500_000) });
    expect(big.explanation.uncapped).toEqual(huf(100_000));
    expect(big.proposal.amount).toEqual(huf(80_000));
    expect(big.explanation.cap?.capId).toBe('yearly');
    const eur = rules.evaluate({
      category: 'billing',
      severity: 'low',
      amountInDispute: { amount: 100, currency: 'EUR' },
    });
    expect(eur.explanation.rules[2]?.reasons).toEqual(['the amount in dispute is in EUR, the rules in HUF']);
  });

  it('reads segment and tenure, and proposes an apology when nothing else matches', () => {
    expect(
      rules.evaluate({ category: 'service', severity: 'low', valueSegment: 'gold', tenureMonths: 30 })
        .proposal,
    ).toEqual({
      kind: 'voucher',
      amount: huf(5_000),
    });
    const none = rules.evaluate({
      category: 'service',
      severity: 'low',
      valueSegment: 'gold',
      tenureMonths: 3,
    });
    expect(none.proposal).toEqual({ kind: 'apology_only', amount: huf(0) });
    expect(none.explanation.rules[3]?.reasons).toEqual(['tenure 3 months is below 24']);
  });

  it('applies the yearly cap over compensations already granted in its window', () => {
    const r = rules.evaluate({
      category: 'network_outage',
      severity: 'high',
      outageHours: 50,
      granted: [
        { kind: 'refund', amount: huf(30_000), ageDays: 100 },
        { kind: 'credit', amount: huf(20_000), ageDays: 364 },
        { kind: 'credit', amount: huf(70_000), ageDays: 365 },
      ],
    });
    expect(r.proposal.amount).toEqual(huf(30_000));
    expect(r.explanation.cap).toEqual({
      capId: 'yearly',
      limit: huf(80_000),
      alreadyGranted: huf(50_000),
      remaining: huf(30_000),
    });
  });

  it('validates facts', () => {
    expect(() => rules.evaluate({ category: 'Bad Slug', severity: 'low' })).toThrow(ValidationError);
    expect(() => evaluateCompensation({ nonsense: true }, { category: 'x', severity: 'low' })).toThrow(
      ValidationError,
    );
  });

  it('never proposes more than the rule maximum or what is left of a cap (property)', () => {
    const money = fc.integer({ min: 0, max: 2_000_000 }).map((f) => huf(f));
    const ruleArb = fc.record({
      kind: fc.constantFrom('credit', 'refund', 'voucher', 'fee_waiver') as fc.Arbitrary<'credit'>,
      award: fc.oneof(
        money.map((amount) => ({ basis: 'fixed' as const, amount })),
        money.map((amount) => ({ basis: 'per_outage_hour' as const, amount })),
        fc
          .integer({ min: 0, max: 100 })
          .map((percent) => ({ basis: 'percent_of_dispute' as const, percent })),
      ),
      max: fc.option(money, { nil: undefined }),
      minOutageHours: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
        fc.array(
          fc.record({
            kinds: fc.option(fc.constantFrom<CompensationKind[]>(['credit'], ['refund', 'voucher']), {
              nil: undefined,
            }),
            perCustomer: money,
          }),
          {
            maxLength: 3,
          },
        ),
        fc.record({
          outageHours: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }),
          amountInDispute: fc.option(money, { nil: null }),
          granted: fc.array(
            fc.record({
              kind: fc.constantFrom('credit', 'refund', 'voucher') as fc.Arbitrary<'credit'>,
              amount: money,
              ageDays: fc.integer({ min: 0, max: 800 }),
            }),
            { maxLength: 6 },
          ),
        }),
        (ruleInputs, capInputs, facts) => {
          const set = {
            id: 'prop',
            version: 1,
            currency: 'HUF',
            rules: ruleInputs.map((r, i) => ({
              id: `r${i}`,
              description: 'generated',
              kind: r.kind,
              award: r.award,
              ...(r.max ? { max: r.max } : {}),
              ...(r.minOutageHours !== undefined ? { when: { minOutageHours: r.minOutageHours } } : {}),
            })),
            caps: capInputs.map((c, i) => ({
              id: `c${i}`,
              perCustomer: c.perCustomer,
              ...(c.kinds ? { kinds: c.kinds } : {}),
            })),
          };
          const { proposal, explanation } = evaluateCompensation(set, {
            category: 'any',
            severity: 'low',
            ...facts,
          });
          expect(proposal.amount.amount).toBeGreaterThanOrEqual(0);
          if (proposal.kind === 'apology_only') {
            expect(proposal.amount.amount).toBe(0);
            return;
          }
          const rule = set.rules.find((r) => r.id === explanation.appliedRuleId)!;
          if (rule.max) expect(proposal.amount.amount).toBeLessThanOrEqual(rule.max.amount);
          for (const cap of set.caps) {
            if (cap.kinds && !cap.kinds.includes(proposal.kind)) continue;
            const granted = facts.granted
              .filter((g) => g.ageDays < 365 && (!cap.kinds || cap.kinds.includes(g.kind)))
              .reduce((sum, g) => sum + g.amount.amount, 0);
            expect(proposal.amount.amount).toBeLessThanOrEqual(Math.max(0, cap.perCustomer.amount - granted));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
