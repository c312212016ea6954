import type { FrontlineError } from '@frontline/core';
import { TICKET_EVENTS } from '@frontline/core/service-desk';
import { Tickets } from '@frontline/core/storage';
import fc from 'fast-check';
import { expectFrontlineError, snapshotStore } from './interactions-suite';
import { expect } from './runner';
import {
  A,
  collect,
  DAY,
  MIN,
  START,
  type TicketSuiteOptions,
  type TicketTest,
} from './tickets-suite-context';

/** The ticket suite's command cases: opening, the table with tiers and reasons, refusals, concurrency. */
export function ticketCommandTests(test: TicketTest, options: TicketSuiteOptions): void {
  test(
    'open',
    'opens a ticket with SLA targets from its policy, audited and announced',
    async ({ raw, tickets, open }) => {
      const id = await open({ priority: 'urgent', group: 'hotline' });
      const ticket = await tickets.getTicket({ actor: A.supervisor, id });
      expect(ticket).toMatchObject({
        status: 'new',
        tier: 'L1',
        priority: 'urgent',
        group: 'hotline',
        customerId: 'cust-1',
      });
      expect(ticket.sla?.targetRow).toBe(0);
      const due = Object.fromEntries(ticket.sla!.targets.map((t) => [t.target, t.dueAt?.toISOString()]));
      // 09:00 + 30 business minutes; + 4 business hours with the 12:00–12:30 break → 13:30 local
      expect(due).toEqual({
        first_response: '2026-03-02T08:30:00.000Z',
        resolution: '2026-03-02T12:30:00.000Z',
      });
      const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
      expect(audit.map((e) => e.type)).toEqual(['ticket.opened.v1']);
      const messages = await raw.outbox.claim({ worker: 'suite', limit: 10, leaseMs: 60_000 });
      expect(messages.map((m) => m.topic)).toContain('ticket.opened.v1');
    },
  );
  test(
    'open-refusals',
    'refuses an unknown customer, a missing permission and bad input, storing nothing',
    async ({ tickets, refused }) => {
      const base = { actor: A.agent, customerId: 'cust-1', subject: 'Számla', category: 'billing' };
      const missing = await refused(() => tickets.openTicket({ ...base, customerId: 'nobody' }), 'NOT_FOUND');
      expect(missing.details).toMatchObject({ entity: 'customer', id: 'nobody' });
      await refused(() => tickets.openTicket({ ...base, actor: A.outsider }), 'FORBIDDEN');
      const bad = await refused(() => tickets.openTicket({ ...base, category: 'Not A Slug' }), 'VALIDATION');
      expect(JSON.stringify(bad.details)).toContain('category');
      await refused(() => tickets.openTicket({ ...base, slaPolicyId: 'no-such-policy' }), 'NOT_FOUND');
      await refused(() => tickets.openTicket({ ...base, interactionId: 'no-such-contact' }), 'NOT_FOUND');
    },
  );
  test(
    'lifecycle',
    'walks new → open → pending → escalated → resolved → closed → reopened, one audit event per command',
    async ({ raw, inspector, clock, tickets, open }) => {
      const id = await open();
      const steps: [string, () => Promise<unknown>][] = [
        ['open', () => tickets.assignTicket({ actor: A.agent, ticketId: id, assigneeId: A.agent.id })],
        ['open', () => tickets.respondToTicket({ actor: A.agent, ticketId: id })],
        [
          'pending',
          () => tickets.waitOnCustomer({ actor: A.agent, ticketId: id, reason: 'Modem sorozatszám kell' }),
        ],
        ['open', () => tickets.recordCustomerReply({ actor: A.agent, ticketId: id })],
        [
          'escalated',
          () =>
            tickets.escalateTicket({
              actor: A.agent,
              ticketId: id,
              reason: 'Vonalhiba, terepi mérés kell',
              group: 'field',
            }),
        ],
        ['escalated', () => tickets.classifyTicket({ actor: A.specialist, ticketId: id, priority: 'high' })],
        [
          'resolved',
          () => tickets.resolveTicket({ actor: A.specialist, ticketId: id, reason: 'Vonal javítva' }),
        ],
        ['closed', () => tickets.closeTicket({ actor: A.supervisor, ticketId: id })],
        ['escalated', () => tickets.reopenTicket({ actor: A.agent, ticketId: id, reason: 'Újra nincs jel' })],
      ];
      for (const [expected, step] of steps) {
        clock.advance(10 * MIN);
        await step();
        expect((await tickets.getTicket({ actor: A.supervisor, id })).status).toBe(expected);
      }
      const ticket = await tickets.getTicket({ actor: A.supervisor, id });
      expect(ticket).toMatchObject({
        tier: 'L2',
        group: 'field',
        priority: 'high',
        resolvedAt: null,
        closedAt: null,
      });
      expect(ticket.history.map((h) => h.command)).toEqual([
        'assign',
        'respond',
        'wait_on_customer',
        'customer_reply',
        'escalate',
        'classify',
        'resolve',
        'close',
        'reopen',
      ]);
      const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
      expect(audit.length).toBe(1 + steps.length);
      const catalogue = new Set(TICKET_EVENTS.map((e) => e.type));
      expect(audit.filter((e) => !catalogue.has(e.type))).toEqual([]);
      const escalated = audit.find((e) => e.type === 'ticket.escalated.v1')?.payload;
      expect(escalated).toMatchObject({
        reasonGiven: true,
        changes: { tier: { from: 'L1', to: 'L2' }, group: { from: null, to: 'field' } },
      });
      // the reason is free text about the customer: the ticket keeps it, the event does not
      expect(JSON.stringify(audit.map((e) => e.payload))).not.toContain('terepi');
      expect(ticket.history.find((h) => h.command === 'escalate')?.reason).toBe(
        'Vonalhiba, terepi mérés kell',
      );
      if (inspector) {
        expect(await inspector.readEntity(Tickets.name, id)).toMatchObject({
          version: 1 + steps.length,
          data: { id, status: 'escalated', tier: 'L2', group: 'field' },
        });
      }
    },
  );
  test(
    'invalid-transition',
    'refuses a command the table does not allow, naming state and command, storing nothing',
    async ({ tickets, refused, open }) => {
      const id = await open();
      const error = await refused(
        () => tickets.closeTicket({ actor: A.supervisor, ticketId: id }),
        'INVALID_TRANSITION',
      );
      expect(error.details).toMatchObject({ machine: 'ticket', state: 'new', command: 'close' });
      await refused(
        () => tickets.deescalateTicket({ actor: A.specialist, ticketId: id, reason: 'x' }),
        'INVALID_TRANSITION',
      );
      await refused(() => tickets.respondToTicket({ actor: A.agent, ticketId: 'missing' }), 'NOT_FOUND');
    },
  );
  test(
    'escalation',
    'escalates to L2 only with a reason and the permission; L2 work needs L2 rights',
    async ({ tickets, refused, open }) => {
      const id = await open();
      const noReason = await refused(
        () => tickets.escalateTicket({ actor: A.agent, ticketId: id } as never),
        'VALIDATION',
      );
      expect(JSON.stringify(noReason.details)).toContain('reason');
      await refused(
        () => tickets.escalateTicket({ actor: A.agent, ticketId: id, reason: '   ' }),
        'VALIDATION',
      );
      await refused(
        () => tickets.escalateTicket({ actor: A.specialist, ticketId: id, reason: 'Nem megy' }),
        'FORBIDDEN',
      );
      const { ticket, events } = await tickets.escalateTicket({
        actor: A.agent,
        ticketId: id,
        reason: 'Nem megy',
        group: 'l2',
      });
      expect(ticket).toMatchObject({ status: 'escalated', tier: 'L2', group: 'l2' });
      expect(events.map((e) => e.type)).toEqual(['ticket.escalated.v1']);
      await refused(() => tickets.resolveTicket({ actor: A.agent, ticketId: id }), 'FORBIDDEN');
      await refused(
        () => tickets.escalateTicket({ actor: A.agent, ticketId: id, reason: 'Még egyszer' }),
        'INVALID_TRANSITION',
      );
      const back = await tickets.deescalateTicket({
        actor: A.specialist,
        ticketId: id,
        reason: 'L1 is meg tudja oldani',
      });
      expect(back.ticket).toMatchObject({ status: 'open', tier: 'L1' });
    },
  );
  test(
    'reopen-window',
    'reopens a closed ticket within the window only',
    async ({ clock, tickets, refused, open }) => {
      const id = await open();
      await tickets.resolveTicket({ actor: A.agent, ticketId: id });
      await tickets.closeTicket({ actor: A.supervisor, ticketId: id });
      clock.advance(7 * DAY + 1);
      const error = await refused(
        () => tickets.reopenTicket({ actor: A.agent, ticketId: id }),
        'INVALID_TRANSITION',
      );
      expect(error.details).toMatchObject({ state: 'closed', command: 'reopen' });
      const other = await open();
      await tickets.resolveTicket({ actor: A.agent, ticketId: other });
      await tickets.closeTicket({ actor: A.supervisor, ticketId: other });
      clock.advance(7 * DAY);
      expect((await tickets.reopenTicket({ actor: A.agent, ticketId: other })).ticket.status).toBe('open');
    },
  );
  test(
    'expected-version',
    'fails a command decided on a stale version with CONFLICT, storing nothing; a current one lands',
    async ({ tickets, refused, open }) => {
      const id = await open();
      const first = await tickets.assignTicket({
        actor: A.agent,
        ticketId: id,
        group: 'hotline',
        expectedVersion: 1,
      });
      expect(first.version).toBe(2);
      const stale = await refused(
        () => tickets.classifyTicket({ actor: A.agent, ticketId: id, priority: 'high', expectedVersion: 1 }),
        'CONFLICT',
      );
      expect(stale.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      const next = await tickets.respondToTicket({ actor: A.agent, ticketId: id, expectedVersion: 2 });
      expect(next).toMatchObject({ version: 3, ticket: { status: 'open' } });
    },
  );

  test(
    'concurrent-commands',
    'never loses a concurrent change: each command lands or fails with CONFLICT',
    async ({ raw, tickets, open }) => {
      const id = await open();
      const results = await Promise.allSettled([
        tickets.assignTicket({ actor: A.agent, ticketId: id, assigneeId: A.agent.id }),
        tickets.classifyTicket({ actor: A.agent, ticketId: id, priority: 'high' }),
        tickets.assignTicket({ actor: A.agent, ticketId: id, group: 'billing' }),
      ]);
      for (const r of results) {
        if (r.status === 'rejected') await expectFrontlineError(Promise.reject(r.reason), 'CONFLICT');
      }
      const landed = results.filter((r) => r.status === 'fulfilled').length;
      expect(landed).toBeGreaterThan(0);
      const ticket = await tickets.getTicket({ actor: A.supervisor, id });
      expect(ticket.history.length).toBe(landed);
      expect((await collect(raw.audit.read({ entityType: 'ticket', entityId: id }))).length).toBe(1 + landed);
    },
  );
  test(
    'random-commands',
    'keeps one audit event per accepted command and leaves the store unchanged on every refusal (random sequences)',
    async ({ raw, inspector, clock, tickets, open }) => {
      type Step = { command: number; actor: number; advance: number };
      const step = fc.record({
        command: fc.integer({ min: 0, max: 9 }),
        actor: fc.integer({ min: 0, max: 2 }),
        advance: fc.integer({ min: 0, max: 3 * DAY }),
      });
      const actors = [A.agent, A.specialist, A.supervisor];
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps: Step[]) => {
          clock.set(START);
          const id = await open();
          let accepted = 0;
          for (const s of steps) {
            clock.advance(s.advance);
            const actor = actors[s.actor]!;
            const ticketId = id;
            const commands = [
              () => tickets.assignTicket({ actor, ticketId, assigneeId: actor.id }),
              () => tickets.classifyTicket({ actor, ticketId, priority: 'urgent' }),
              () => tickets.respondToTicket({ actor, ticketId }),
              () => tickets.waitOnCustomer({ actor, ticketId }),
              () => tickets.recordCustomerReply({ actor, ticketId }),
              () => tickets.escalateTicket({ actor, ticketId, reason: 'random' }),
              () => tickets.deescalateTicket({ actor, ticketId, reason: 'random' }),
              () => tickets.resolveTicket({ actor, ticketId }),
              () => tickets.reopenTicket({ actor, ticketId }),
              () => tickets.closeTicket({ actor, ticketId }),
            ];
            const before = await snapshotStore(raw, inspector);
            try {
              const result = await commands[s.command]!();
              accepted++;
              expect((result as { events: unknown[] }).events.length).toBe(1);
            } catch (error) {
              const e = error as FrontlineError;
              expect(['INVALID_TRANSITION', 'FORBIDDEN']).toContain(e.code);
              expect(await snapshotStore(raw, inspector)).toEqual(before);
            }
          }
          const ticket = await tickets.getTicket({ actor: A.supervisor, id });
          expect(ticket.history.length).toBe(accepted);
          const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
          expect(audit.length).toBe(1 + accepted);
          expect(await raw.repository(Tickets).count()).toBeGreaterThan(0);
        }),
        { numRuns: options.randomRuns ?? 12 },
      );
    },
    120_000,
  );
}
