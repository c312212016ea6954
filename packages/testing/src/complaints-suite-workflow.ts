import { A, type ComplaintSuiteRegister, collect, DAY, huf } from './complaints-suite-fixtures';
import { expect } from './runner';

/** The workflow: answers, approvals, refusals, disputes, closing and reopening, deadlines. */
export function complaintWorkflowTests(test: ComplaintSuiteRegister): void {
  test(
    'workflow',
    'walks received → acknowledged → under_investigation → decided → awaiting_customer → accepted → closed',
    async ({ raw, clock, complaints, receive, toInvestigation }) => {
      const id = await receive();
      await toInvestigation(id);
      const decided = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'A hálózati hiba 6 órán át tartott.',
        ruleSetId: 'standard',
      });
      expect(decided.needsApproval).toBe(false);
      expect(decided.complaint.status).toBe('decided');
      expect(decided.evaluation.explanation.appliedRuleId).toBe('outage_short');
      expect(decided.complaint.decisions[0]?.compensation).toEqual({ kind: 'credit', amount: huf(2_000) });
      expect(decided.complaint.decisions[0]?.ruleSetVersion).toBe(1);
      clock.advance(DAY);
      const answered = await complaints.sendAnswer({
        actor: A.agent,
        complaintId: id,
        agentName: 'Nagy Anna',
        agentTitle: 'ügyfélszolgálati munkatárs',
        nextSteps: 'A jóváírás a következő számlán jelenik meg.',
      });
      expect(answered.complaint.status).toBe('awaiting_customer');
      const answer = answered.complaint.letters.find((l) => l.kind === 'answer');
      expect(answer?.body).toContain('megalapozottnak találtuk');
      expect(answer?.body).toContain('2000');
      expect(answer?.body).not.toContain('Békéltető');
      await complaints.acceptAnswer({ actor: A.agent, complaintId: id, note: 'Telefonon elfogadta' });
      const closed = await complaints.closeComplaint({ actor: A.agent, complaintId: id });
      expect(closed.complaint.status).toBe('closed');
      expect(closed.complaint.retainUntil?.toISOString()).toBe('2031-03-03T08:00:00.000Z');
      expect(
        await collect(complaints.dueForDisposal({ actor: A.agent, before: '2031-03-03T08:00:00Z' })),
      ).toEqual([]);
      const disposable = await collect(
        complaints.dueForDisposal({ actor: A.agent, before: '2031-03-04T00:00:00Z' }),
      );
      expect(disposable.map((c) => c.id)).toEqual([id]);
      expect(
        (await complaints.complaintsOfCustomer({ actor: A.agent, customerId: 'cust-1' })).items.map(
          (c) => c.id,
        ),
      ).toEqual([id]);
      const file = await complaints.caseFile({ actor: A.agent, id });
      expect(file.compensation).toEqual({ kind: 'credit', amount: huf(2_000) });
      expect(file.letters.map((l) => l.kind)).toEqual(['answer']);
      expect(file.policy.retentionYears).toBe(5);
      expect(file.auditTrail.map((e) => e.type)).toEqual([
        'complaint.received.v1',
        'complaint.acknowledged.v1',
        'complaint.investigation_started.v1',
        'complaint.decided.v1',
        'complaint.answered.v1',
        'complaint.accepted.v1',
        'complaint.closed.v1',
      ]);
      const audit = await collect(raw.audit.read({ entityType: 'complaint', entityId: id }));
      expect(audit).toHaveLength(7);
    },
  );

  test(
    'approval',
    'sends a compensation above authority to a second person with enough authority, never the proposer',
    async ({ complaints, receive, toInvestigation, refused }) => {
      const id = await receive({ facts: { outageHours: 40 } });
      await toInvestigation(id);
      const pending = await complaints.decideComplaint({
        actor: A.supervisor,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'Negyven órás kiesés.',
        ruleSetId: 'standard',
      });
      // 40 started hours × 1 000 Ft = 40 000 Ft: within a supervisor's 50 000 Ft, so no approval
      expect(pending.needsApproval).toBe(false);
      const id2 = await receive({ facts: { outageHours: 40 } });
      await toInvestigation(id2);
      const above = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id2,
        outcome: 'upheld',
        reasons: 'Negyven órás kiesés.',
        ruleSetId: 'standard',
      });
      expect(above.needsApproval).toBe(true);
      expect(above.complaint.status).toBe('awaiting_approval');
      expect(above.complaint.decisions[0]?.proposerLimit).toEqual(huf(5_000));
      const send = {
        actor: A.agent,
        complaintId: id2,
        agentName: 'Nagy Anna',
        agentTitle: 'munkatárs',
        nextSteps: 'x',
      };
      await refused(() => complaints.sendAnswer(send), 'INVALID_TRANSITION');
      await refused(() => complaints.approveCompensation({ actor: A.agent, complaintId: id2 }), 'FORBIDDEN');
      const low = await refused(
        () => complaints.approveCompensation({ actor: A.lowApprover, complaintId: id2 }),
        'FORBIDDEN',
      );
      expect(low.details).toMatchObject({ limit: huf(5_000) });
      const approved = await complaints.approveCompensation({
        actor: A.supervisor,
        complaintId: id2,
        note: 'Rendben',
      });
      expect(approved.complaint.status).toBe('decided');
      expect(approved.complaint.decisions[0]?.approval).toMatchObject({
        status: 'approved',
        by: A.supervisor.id,
      });

      // a supervisor's own proposal above a supervisor's authority needs another approver
      const id3 = await receive({ customerId: 'cust-2', facts: { outageHours: 70 } });
      await toInvestigation(id3);
      const big = await complaints.decideComplaint({
        actor: A.supervisor,
        complaintId: id3,
        outcome: 'upheld',
        reasons: 'Hetven órás kiesés.',
        ruleSetId: 'standard',
      });
      expect(big.complaint.decisions[0]?.compensation.amount).toEqual(huf(60_000));
      expect(big.needsApproval).toBe(true);
      const own = await refused(
        () => complaints.approveCompensation({ actor: A.supervisor, complaintId: id3 }),
        'FORBIDDEN',
      );
      expect(own.details).toMatchObject({ rule: 'four_eyes' });
      // the second supervisor also lacks 60 000 Ft of authority
      await refused(
        () => complaints.approveCompensation({ actor: A.supervisor2, complaintId: id3 }),
        'FORBIDDEN',
      );
      const file = await complaints.caseFile({ actor: A.agent, id: id2 });
      expect(file.approvals).toEqual([
        expect.objectContaining({ seq: 1, status: 'approved', by: A.supervisor.id, note: 'Rendben' }),
      ]);
      expect(file.auditTrail.map((e) => e.type)).toContain('complaint.compensation_approved.v1');
    },
  );

  test(
    'refusal',
    'a refused compensation returns to investigation, audited',
    async ({ complaints, receive, toInvestigation, refused }) => {
      const id = await receive({ facts: { outageHours: 30 } });
      await toInvestigation(id);
      await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      await refused(
        () => complaints.refuseCompensation({ actor: A.supervisor, complaintId: id } as never),
        'VALIDATION',
      );
      const back = await complaints.refuseCompensation({
        actor: A.supervisor,
        complaintId: id,
        note: 'Túl sok',
      });
      expect(back.complaint.status).toBe('under_investigation');
      expect(back.complaint.decisions[0]?.approval.status).toBe('refused');
      const again = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'rejected',
        reasons: 'A hiba az ügyfél eszközében volt.',
        ruleSetId: 'standard',
      });
      expect(again.complaint.decisions[1]?.compensation).toEqual({ kind: 'apology_only', amount: huf(0) });
      expect(again.complaint.status).toBe('decided');
      const file = await complaints.caseFile({ actor: A.agent, id });
      expect(file.auditTrail.map((e) => e.type)).toContain('complaint.compensation_refused.v1');
    },
  );

  test(
    'rejection-and-dispute',
    'a rejection names the conciliation board; a dispute escalates or closes with the referral letter',
    async ({ complaints, receive, toInvestigation }) => {
      const answerIt = async (id: string, locale: 'hu' | 'en' = 'hu') => {
        await toInvestigation(id);
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'rejected',
          reasons: 'A számla helyes.',
          ruleSetId: 'standard',
        });
        return complaints.sendAnswer({
          actor: A.agent,
          complaintId: id,
          agentName: 'Nagy Anna',
          agentTitle: 'munkatárs',
          nextSteps: 'Nincs további teendő.',
          locale,
        });
      };
      const id = await receive({ category: 'billing', amountInDispute: huf(12_000) });
      const answered = await answerIt(id);
      const body = answered.complaint.letters.at(-1)?.body ?? '';
      expect(body).toContain('elutasítjuk');
      expect(body).toContain('Budapesti Békéltető Testület');
      expect(body).toContain('1016 Budapest, Krisztina krt. 99.');
      await complaints.disputeAnswer({ actor: A.agent, complaintId: id, note: 'Nem fogadja el' });
      const escalated = await complaints.escalateComplaint({
        actor: A.agent,
        complaintId: id,
        assigneeId: A.supervisor.id,
      });
      expect(escalated.complaint).toMatchObject({
        status: 'under_investigation',
        assigneeId: A.supervisor.id,
      });

      const id2 = await receive({ category: 'billing', amountInDispute: huf(12_000) });
      const en = await answerIt(id2, 'en');
      expect(en.complaint.letters.at(-1)?.body).toContain('conciliation board');
      await complaints.disputeAnswer({ actor: A.agent, complaintId: id2 });
      const closed = await complaints.closeComplaint({
        actor: A.agent,
        complaintId: id2,
        agentName: 'Nagy Anna',
        agentTitle: 'munkatárs',
      });
      const referral = closed.complaint.letters.find((l) => l.kind === 'referral');
      expect(referral?.body).toContain('Budapesti Békéltető Testület');
      expect(closed.complaint.customerResponse?.kind).toBe('disputed');
    },
  );
}
