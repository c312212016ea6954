import { createSequentialIds } from '@frontline/core';
import { createTicketService, ticketFacts } from '@frontline/core/service-desk';
import { expect } from './runner';
import { A, collect, H, suiteSlaPolicy, type TicketTest } from './tickets-suite-context';

/** The ticket suite's SLA cases: paused clocks, due breaches, signals once, escalation rules, policies. */
export function ticketSlaTests(test: TicketTest): void {
  test(
    'sla-paused-while-pending',
    'pauses SLA clocks while pending on the customer and resumes them on the reply',
    async ({ clock, tickets, open }) => {
      const id = await open();
      await tickets.respondToTicket({ actor: A.agent, ticketId: id });
      clock.advance(H); // 10:00 local: one business hour of resolution consumed
      await tickets.waitOnCustomer({ actor: A.agent, ticketId: id });
      const pending = await tickets.getTicket({ actor: A.supervisor, id });
      expect(pending.sla?.paused).toBe(true);
      expect(pending.sla?.nextDueAt).toBeNull();
      clock.set('2026-03-04T08:00:00Z'); // Wednesday 09:00 local, two days later
      const { ticket } = await tickets.recordCustomerReply({ actor: A.agent, ticketId: id });
      const resolution = ticket.sla!.targets.find((t) => t.target === 'resolution')!;
      expect(resolution.clock.consumedMs).toBe(H);
      // 15 business hours left from Wednesday 09:00: 7 h on Wednesday, 8 h on Thursday → Thursday 16:30 local
      expect(resolution.dueAt?.toISOString()).toBe('2026-03-05T15:30:00.000Z');
      expect(ticket.sla!.targets.find((t) => t.target === 'next_response')?.dueAt?.toISOString()).toBe(
        '2026-03-04T10:00:00.000Z',
      );
    },
  );
  test(
    'due-breaches',
    'lists running targets due before an instant by a range query on the due index',
    async ({ clock, tickets, open }) => {
      const urgent = await open({ priority: 'urgent' });
      const normal = await open({ priority: 'normal' });
      const waiting = await open({ priority: 'urgent' });
      await tickets.waitOnCustomer({ actor: A.agent, ticketId: waiting });
      const soon = await collect(tickets.dueBreaches({ actor: A.agent, before: '2026-03-02T09:30:00Z' }));
      expect(soon.map((d) => [d.ticketId, d.target])).toEqual([
        [urgent, 'first_response'],
        [normal, 'first_response'],
      ]);
      expect(soon.every((d) => !d.breached)).toBe(true);
      // a window: what falls due between 08:45 and 09:30, not what is already overdue
      const window = await collect(
        tickets.dueBreaches({
          actor: A.agent,
          after: '2026-03-02T08:45:00Z',
          before: '2026-03-02T09:30:00Z',
        }),
      );
      expect(window.map((d) => [d.ticketId, d.target])).toEqual([[normal, 'first_response']]);
      const emptyWindow = { actor: A.agent, after: '2026-03-02T09:30:00Z', before: '2026-03-02T09:30:00Z' };
      await expect((async () => collect(tickets.dueBreaches(emptyWindow)))()).rejects.toMatchObject({
        code: 'VALIDATION',
      });
      clock.set('2026-03-02T08:45:00Z');
      const late = await collect(tickets.dueBreaches({ actor: A.agent, before: clock.now() }));
      expect(late).toEqual([
        expect.objectContaining({ ticketId: urgent, target: 'first_response', breached: true }),
      ]);
      expect(await collect(tickets.dueBreaches({ actor: A.agent, before: '2026-03-02T08:00:00Z' }))).toEqual(
        [],
      );
    },
  );
  test(
    'sla-signals-once',
    'announces each warning and breach once, however often and by how many workers it runs',
    async ({ raw, clock, tickets, store, open }) => {
      const id = await open({ priority: 'urgent' });
      expect((await tickets.checkSla()).signals).toEqual([]);
      clock.set('2026-03-02T08:25:00Z'); // 80 % of 30 min = 24 min
      const warned = await tickets.checkSla();
      expect(warned.signals).toEqual([
        {
          ticketId: id,
          target: 'first_response',
          cycle: 1,
          kind: 'warning',
          at: new Date('2026-03-02T08:24:00Z'),
        },
      ]);
      clock.set('2026-03-02T08:31:00Z');
      const second = createTicketService({
        store,
        clock,
        ids: createSequentialIds('w2'),
        slaWorkerId: 'system:worker-2',
      });
      const [a, b] = await Promise.all([tickets.checkSla(), second.checkSla()]);
      const breaches = [...a.signals, ...b.signals];
      expect(breaches).toEqual([
        expect.objectContaining({ ticketId: id, kind: 'breach', target: 'first_response' }),
      ]);
      expect((await tickets.checkSla()).signals).toEqual([]);
      const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
      expect(audit.map((e) => e.type).filter((t) => t.startsWith('ticket.sla_'))).toEqual([
        'ticket.sla_warning.v1',
        'ticket.sla_breached.v1',
      ]);
      const topics = (await raw.outbox.claim({ worker: 'suite', limit: 100, leaseMs: 60_000 })).map(
        (m) => m.topic,
      );
      expect(topics.filter((t) => t === 'ticket.sla_warning.v1').length).toBe(1);
      expect(topics.filter((t) => t === 'ticket.sla_breached.v1').length).toBe(1);
      // a late answer still counts as breached, and nothing more is announced
      await tickets.respondToTicket({ actor: A.agent, ticketId: id });
      expect((await tickets.checkSla()).signals).toEqual([]);
      expect(ticketFacts(await tickets.getTicket({ actor: A.supervisor, id })).breachedTargets).toEqual([
        'first_response',
      ]);
    },
  );
  test(
    'escalation-rules',
    'escalates a ticket nobody answered in time, by the rules, once',
    async ({ raw, clock, tickets, open }) => {
      const id = await open();
      const answered = await open();
      await tickets.respondToTicket({ actor: A.agent, ticketId: answered });
      clock.set('2026-03-02T08:46:00Z');
      const run = await tickets.checkSla();
      expect(run.rulesApplied).toEqual([
        {
          ticketId: id,
          ruleId: 'no-first-response',
          applied: ['classify', 'assign', 'escalate'],
          skipped: [],
        },
      ]);
      const ticket = await tickets.getTicket({ actor: A.supervisor, id });
      expect(ticket).toMatchObject({
        status: 'escalated',
        tier: 'L2',
        priority: 'high',
        group: 'hotline-l2',
      });
      expect(ticket.history.filter((h) => h.rule === 'no-first-response').map((h) => h.by)).toEqual([
        'system:sla-monitor',
        'system:sla-monitor',
        'system:sla-monitor',
      ]);
      clock.advance(H);
      expect((await tickets.checkSla()).rulesApplied).toEqual([]);
      expect((await tickets.getTicket({ actor: A.supervisor, id: answered })).status).toBe('open');
      const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
      const byWorker = audit.filter((e) => e.actor === 'system:sla-monitor');
      // the rule's commands and its own event (the breach an hour later is announced by the worker too)
      expect(byWorker.map((e) => e.type).filter((t) => !t.startsWith('ticket.sla_'))).toEqual([
        'ticket.classified.v1',
        'ticket.assigned.v1',
        'ticket.escalated.v1',
        'ticket.escalation_rule_fired.v1',
      ]);
      expect(byWorker.find((e) => e.type === 'ticket.escalation_rule_fired.v1')?.payload).toEqual({
        ruleId: 'no-first-response',
        target: 'first_response',
        cycle: 1,
        applied: ['classify', 'assign', 'escalate'],
        skipped: [],
      });
    },
  );
  test(
    'sla-policies',
    'stores SLA policies as validated data, changed only by supervisors',
    async ({ tickets, refused }) => {
      const policy = suiteSlaPolicy();
      await refused(
        () => tickets.saveSlaPolicy({ actor: A.agent, policy: { ...policy, id: 'other' } }),
        'FORBIDDEN',
      );
      await refused(
        () => tickets.saveSlaPolicy({ actor: A.supervisor, policy: { ...policy, targets: [] } }),
        'VALIDATION',
      );
      const saved = await tickets.saveSlaPolicy({
        actor: A.supervisor,
        policy: { ...policy, warningPercent: 90 },
      });
      expect(saved.version).toBe(2);
      expect((await tickets.getSlaPolicy({ actor: A.agent, id: 'hotline' })).warningPercent).toBe(90);
      await refused(() => tickets.getSlaPolicy({ actor: A.agent, id: 'missing' }), 'NOT_FOUND');
    },
  );
}
