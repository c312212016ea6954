import { A, type ComplaintSuiteRegister, collect, DAY } from './complaints-suite-fixtures';
import { expect } from './runner';

/** Closing and reopening, the legal deadlines, and the four-eyes rule on exact actor ids. */
export function complaintClosingTests(test: ComplaintSuiteRegister): void {
  test(
    'closed-refusals',
    'refuses a decision on a closed complaint; reopens only within the window',
    async ({ clock, complaints, receive, toInvestigation, refused }) => {
      const id = await receive();
      await toInvestigation(id);
      await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      await complaints.sendAnswer({
        actor: A.agent,
        complaintId: id,
        agentName: 'N',
        agentTitle: 'T',
        nextSteps: 'x',
      });
      await complaints.acceptAnswer({ actor: A.agent, complaintId: id });
      await complaints.closeComplaint({ actor: A.agent, complaintId: id });
      const decide = {
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      } as const;
      const err = await refused(() => complaints.decideComplaint(decide), 'INVALID_TRANSITION');
      expect(err.details).toMatchObject({ state: 'closed', command: 'decide' });
      await refused(
        () => complaints.reopenComplaint({ actor: A.agent, complaintId: id } as never),
        'VALIDATION',
      );
      clock.advance(10 * DAY);
      const reopened = await complaints.reopenComplaint({
        actor: A.agent,
        complaintId: id,
        note: 'Újra jelentkezett',
      });
      expect(reopened.complaint).toMatchObject({ status: 'under_investigation', closedAt: null });
      await complaints.decideComplaint(decide);
      await complaints.sendAnswer({
        actor: A.agent,
        complaintId: id,
        agentName: 'N',
        agentTitle: 'T',
        nextSteps: 'x',
      });
      await complaints.acceptAnswer({ actor: A.agent, complaintId: id });
      await complaints.closeComplaint({ actor: A.agent, complaintId: id });
      clock.advance(31 * DAY);
      await refused(
        () => complaints.reopenComplaint({ actor: A.agent, complaintId: id, note: 'Késve' }),
        'INVALID_TRANSITION',
      );
      await refused(() => complaints.decideComplaint({ ...decide, complaintId: 'nope' }), 'NOT_FOUND');
    },
  );

  test(
    'deadlines',
    'finds due answers by index and announces each warning and breach once',
    async ({ raw, clock, complaints, receive }) => {
      const a = await receive();
      clock.advance(2 * DAY);
      const b = await receive();
      const answered = await receive();
      await complaints.acknowledgeComplaint({ actor: A.agent, complaintId: answered });
      await complaints.startInvestigation({ actor: A.agent, complaintId: answered });
      await complaints.decideComplaint({
        actor: A.agent,
        complaintId: answered,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      await complaints.sendAnswer({
        actor: A.agent,
        complaintId: answered,
        agentName: 'N',
        agentTitle: 'T',
        nextSteps: 'x',
      });
      const due = await collect(complaints.dueAnswers({ actor: A.agent, before: '2026-04-02T00:00:00Z' }));
      expect(due.map((d) => d.complaintId)).toEqual([a]);
      expect(due[0]?.breached).toBe(false);
      expect((await complaints.checkDeadlines()).signals).toEqual([]);
      // 26 days after a: a is in its warning window (5 days before), b not yet
      // a is due at the end of 1 April (Budapest); its warning comes at the end of 27 March, 5 days before
      expect((await complaints.checkDeadlines({ now: '2026-03-27T22:00:00Z' })).signals).toEqual([]);
      const warnA = await complaints.checkDeadlines({ now: '2026-03-27T23:00:00Z' });
      expect(warnA.signals).toEqual([
        { complaintId: a, kind: 'warning', at: new Date('2026-03-27T22:59:59.999Z') },
      ]);
      expect((await complaints.checkDeadlines({ now: '2026-03-27T23:30:00Z' })).signals).toEqual([]);
      const later = await complaints.checkDeadlines({ now: '2026-04-05T00:00:00Z' });
      // b's next signal was its warning (earlier in the index than a's breach); past its due date it is a breach only
      expect(later.signals.map((s) => [s.complaintId, s.kind]).sort()).toEqual([
        [a, 'breach'],
        [b, 'breach'],
      ]);
      expect((await complaints.checkDeadlines({ now: '2026-04-06T00:00:00Z' })).signals).toEqual([]);
      const messages = await raw.outbox.claim({ worker: 'suite', limit: 500, leaseMs: 60_000 });
      const topics = messages.map((m) => m.topic).filter((t) => t.startsWith('complaint.deadline'));
      expect(topics.sort()).toEqual([
        'complaint.deadline_breached.v1',
        'complaint.deadline_breached.v1',
        'complaint.deadline_warning.v1',
      ]);
      clock.set(new Date('2026-04-05T00:00:00Z'));
      const breached = await collect(
        complaints.dueAnswers({ actor: A.agent, before: '2026-05-01T00:00:00Z' }),
      );
      expect(breached.map((d) => [d.complaintId, d.breached])).toEqual([
        [a, true],
        [b, true],
      ]);
    },
  );

  test(
    'four-eyes-exact-ids',
    'compares actor ids exactly: "agent-1" cannot approve its own proposal, "Agent-1" is another actor',
    async ({ complaints, receive, toInvestigation, refused }) => {
      const proposer = { id: 'agent-1', roles: ['operator_l1'], permissions: ['complaint.write'] };
      const same = {
        id: 'agent-1',
        roles: ['supervisor'],
        permissions: ['complaint.write', 'complaint.approve'],
      };
      const other = { ...same, id: 'Agent-1' };
      const id = await receive({ facts: { outageHours: 40 } });
      await toInvestigation(id);
      const d = await complaints.decideComplaint({
        actor: proposer,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      expect(d.needsApproval).toBe(true);
      const own = await refused(
        () => complaints.approveCompensation({ actor: same, complaintId: id }),
        'FORBIDDEN',
      );
      expect(own.details).toMatchObject({ rule: 'four_eyes', actorId: 'agent-1' });
      await refused(
        () => complaints.refuseCompensation({ actor: same, complaintId: id, note: 'no' }),
        'FORBIDDEN',
      );
      const approved = await complaints.approveCompensation({ actor: other, complaintId: id });
      expect(approved.complaint.decisions[0]?.approval).toMatchObject({ status: 'approved', by: 'Agent-1' });
    },
  );

  test(
    'expected-version',
    'fails a command decided on a stale version with CONFLICT, storing nothing; a current one lands',
    async ({ complaints, receive, refused }) => {
      const id = await receive();
      const acked = await complaints.acknowledgeComplaint({
        actor: A.agent,
        complaintId: id,
        expectedVersion: 1,
      });
      expect(acked.version).toBe(2);
      const stale = await refused(
        () => complaints.startInvestigation({ actor: A.agent, complaintId: id, expectedVersion: 1 }),
        'CONFLICT',
      );
      expect(stale.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      const started = await complaints.startInvestigation({
        actor: A.agent,
        complaintId: id,
        expectedVersion: acked.version,
      });
      expect(started).toMatchObject({ version: 3, complaint: { status: 'under_investigation' } });
      const decided = await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
        expectedVersion: started.version,
      });
      expect(decided.version).toBe(4);
    },
  );
}
