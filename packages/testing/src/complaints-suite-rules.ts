import type { ActorInput, FrontlineError } from '@frontline/core';
import { createSequentialIds } from '@frontline/core';
import { authorityLimit } from '@frontline/core/complaints';
import { createInteractionService } from '@frontline/core/service-desk';
import fc from 'fast-check';
import {
  A,
  type ComplaintSuiteRegister,
  DAY,
  huf,
  suiteAuthorityMatrix,
  suiteCompensationRuleSet,
} from './complaints-suite-fixtures';
import { expect } from './runner';

/** Compensation rules: caps, tenure, rule-set versions, the case file and the authority property. */
export function complaintRuleTests(test: ComplaintSuiteRegister): void {
  test(
    'caps',
    'caps a proposal by what the customer was granted in the year',
    async ({ clock, complaints, receive, toInvestigation }) => {
      const finish = async (id: string, actor: ActorInput) => {
        await toInvestigation(id);
        const d = await complaints.decideComplaint({
          actor,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        await complaints.sendAnswer({
          actor,
          complaintId: id,
          agentName: 'N',
          agentTitle: 'T',
          nextSteps: 'x',
        });
        return d;
      };
      const first = await finish(await receive({ facts: { outageHours: 45 } }), A.supervisor);
      expect(first.complaint.decisions[0]?.compensation.amount).toEqual(huf(45_000));
      clock.advance(30 * DAY);
      const second = await finish(await receive({ facts: { outageHours: 48 } }), A.supervisor);
      expect(second.complaint.decisions[0]?.compensation.amount).toEqual(huf(35_000));
      expect(second.evaluation.explanation.cap).toMatchObject({
        capId: 'yearly',
        alreadyGranted: huf(45_000),
        remaining: huf(35_000),
      });
      const third = await finish(await receive({ facts: { outageHours: 48 } }), A.supervisor);
      expect(third.complaint.decisions[0]?.compensation).toEqual({ kind: 'apology_only', amount: huf(0) });
      clock.advance(400 * DAY);
      const fresh = await finish(await receive({ facts: { outageHours: 30 } }), A.supervisor);
      expect(fresh.complaint.decisions[0]?.compensation.amount).toEqual(huf(30_000));
    },
  );

  test(
    'tenure-from-customer',
    "reads the tenure from the customer's record when the intake facts do not state it",
    async ({ complaints, receive, toInvestigation }) => {
      const id = await receive({ category: 'service', facts: { valueSegment: 'gold' } });
      await toInvestigation(id);
      const d = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      // customer since 2020-01-01, decided on 2 March 2026: 74 months
      expect(d.evaluation.explanation.appliedRuleId).toBe('loyal_gold');
      expect(d.complaint.decisions[0]?.compensation).toEqual({ kind: 'voucher', amount: huf(5_000) });
      const short = await receive({
        category: 'service',
        facts: { valueSegment: 'gold', tenureMonths: 3 },
      });
      await toInvestigation(short);
      const s = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: short,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      expect(s.complaint.decisions[0]?.compensation.kind).toBe('apology_only');
    },
  );

  test(
    'rule-sets',
    'keeps rule set versions; a decision records the version it used',
    async ({ complaints, receive, toInvestigation, refused }) => {
      const v2 = suiteCompensationRuleSet(2);
      v2.rules = [
        {
          id: 'flat',
          description: 'Everything: 1 000 Ft credit',
          kind: 'credit',
          award: { basis: 'fixed', amount: huf(1_000) },
        },
      ];
      await complaints.saveRuleSet({ actor: A.supervisor, ruleSet: v2 });
      expect((await complaints.getRuleSet({ actor: A.agent, id: 'standard' })).version).toBe(2);
      expect(
        (await complaints.getRuleSet({ actor: A.agent, id: 'standard', version: 1 })).rules,
      ).toHaveLength(5);
      await refused(() => complaints.saveRuleSet({ actor: A.supervisor, ruleSet: v2 }), 'CONFLICT');
      await refused(
        () => complaints.saveRuleSet({ actor: A.agent, ruleSet: suiteCompensationRuleSet(3) }),
        'FORBIDDEN',
      );
      const broken = suiteCompensationRuleSet(3);
      broken.rules[1] = {
        ...broken.rules[1]!,
        award: { basis: 'fixed', amount: { amount: 1.5, currency: 'HUF' } },
      };
      const err = await refused(
        () => complaints.saveRuleSet({ actor: A.supervisor, ruleSet: broken }),
        'VALIDATION',
      );
      expect(err.message).toContain('outage_short');
      expect(err.message).toContain('award.amount.amount');
      expect(err.details).toMatchObject({ ruleId: 'outage_short' });
      await refused(() => complaints.getRuleSet({ actor: A.agent, id: 'missing' }), 'NOT_FOUND');
      const id = await receive();
      await toInvestigation(id);
      const latest = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      expect(latest.complaint.decisions[0]).toMatchObject({
        ruleSetVersion: 2,
        compensation: { amount: huf(1_000) },
      });
      const pinned = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
        ruleSetVersion: 1,
      });
      expect(pinned.complaint.decisions[1]).toMatchObject({
        ruleSetVersion: 1,
        compensation: { amount: huf(2_000) },
      });
    },
  );

  test(
    'case-file',
    'returns minutes, decisions, approvals, letters, contacts and the audit trail in one call',
    async ({ store, clock, complaints, receive, toInvestigation }) => {
      const contacts = createInteractionService({ store, clock, ids: createSequentialIds('ia') });
      const { interaction } = await contacts.recordInteraction({
        actor: { id: A.agent.id, roles: ['operator_l1'], permissions: ['interaction.write'] },
        customerId: 'cust-1',
        channel: 'phone',
        direction: 'inbound',
        queue: 'hotline',
        agentId: A.agent.id,
        offeredAt: '2026-03-02T07:50:00Z',
        answeredAt: '2026-03-02T07:50:40Z',
        endedAt: '2026-03-02T07:56:00Z',
        holdMs: 0,
        wrapUpMs: 0,
        outcome: 'resolved',
        notes: 'Panaszt tett',
      });
      const id = await receive({
        channel: 'phone',
        place: 'Hotline',
        interactionIds: [interaction.id],
        facts: { outageHours: 40 },
      });
      await toInvestigation(id);
      await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      await complaints.approveCompensation({ actor: A.supervisor, complaintId: id });
      await complaints.sendAnswer({
        actor: A.agent,
        complaintId: id,
        agentName: 'N',
        agentTitle: 'T',
        nextSteps: 'x',
      });
      const file = await complaints.caseFile({ actor: A.agent, id });
      expect(file.minutes?.kind).toBe('minutes');
      expect(file.decisions).toHaveLength(1);
      expect(file.approvals).toEqual([expect.objectContaining({ status: 'approved', by: A.supervisor.id })]);
      expect(file.compensation).toEqual({ kind: 'credit', amount: huf(40_000) });
      expect(file.letters.map((l) => l.kind)).toEqual(['minutes', 'answer']);
      expect(file.contacts.map((c) => c.id)).toEqual([interaction.id]);
      // the contact's notes are the customer's words: masked without customer.read_personal
      expect(file.contacts[0]?.notes).not.toBe('Panaszt tett');
      const whole = await complaints.caseFile({ actor: A.officer, id });
      expect(whole.contacts[0]?.notes).toBe('Panaszt tett');
      expect(file.auditTrail.map((e) => e.type)).toEqual([
        'complaint.received.v1',
        'complaint.minutes_recorded.v1',
        'complaint.acknowledged.v1',
        'complaint.investigation_started.v1',
        'complaint.approval_requested.v1',
        'complaint.compensation_approved.v1',
        'complaint.answered.v1',
      ]);
      expect(file.decisions[0]?.explanation).toMatchObject({ appliedRuleId: 'outage_long' });
      expect(file.retainUntil).toBeNull();
    },
  );

  test(
    'authority-property',
    'never lets a compensation stand above the authority of whoever decided or approved it (property)',
    async ({ complaints, receive, toInvestigation, randomRuns }) => {
      const matrix = suiteAuthorityMatrix();
      const deciders = [A.agent, A.supervisor, A.supervisor2] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('network_outage', 'billing', 'service'),
          fc.integer({ min: 0, max: 120 }),
          fc.integer({ min: 0, max: 150_000 }),
          fc.constantFrom(0, 1, 2),
          fc.constantFrom(0, 1, 2),
          async (category, hours, dispute, deciderIndex, approverIndex) => {
            const decider = deciders[deciderIndex]!;
            const approver = deciders[approverIndex]!;
            const id = await receive({
              customerId: 'cust-2',
              category,
              facts: { outageHours: hours },
              amountInDispute: huf(dispute),
            });
            await toInvestigation(id);
            const d = await complaints.decideComplaint({
              actor: decider,
              complaintId: id,
              outcome: 'upheld',
              reasons: 'r',
              ruleSetId: 'standard',
            });
            const comp = d.complaint.decisions[0]!.compensation;
            const ownLimit = authorityLimit(matrix, decider.roles, comp.kind).amount;
            expect(d.needsApproval).toBe(comp.amount.amount > ownLimit);
            expect(comp.amount.amount).toBeLessThanOrEqual(80_000 * 100);
            if (d.needsApproval) {
              const approved = await complaints
                .approveCompensation({ actor: approver, complaintId: id })
                .then(() => true)
                .catch((error: FrontlineError) => {
                  expect(error.code).toBe('FORBIDDEN');
                  return false;
                });
              const approverLimit = authorityLimit(matrix, approver.roles, comp.kind).amount;
              expect(approved).toBe(approver.id !== decider.id && comp.amount.amount <= approverLimit);
              expect((await complaints.getComplaint({ actor: A.agent, id })).status).toBe(
                approved ? 'decided' : 'awaiting_approval',
              );
            } else {
              expect(d.complaint.status).toBe('decided');
            }
          },
        ),
        { numRuns: randomRuns },
      );
    },
  );
}
