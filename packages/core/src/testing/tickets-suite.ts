import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { CustomerCollection } from '../customers/customer-collections';
import type { FrontlineError } from '../errors/frontline-error';
import { createInteractionService, type InteractionService } from '../interactions/interaction-service';
import { hungarianCalendarDefinition } from '../kernel/business-calendar-hungary';
import type { FixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import type { Store } from '../ports/storage';
import type { SlaPolicyInput } from '../tickets/sla.schema';
import { Tickets } from '../tickets/ticket-collections';
import { ticketFacts } from '../tickets/ticket-facts';
import { createTicketService, type TicketService } from '../tickets/ticket-service';
import {
  expectFrontlineError,
  serviceDeskActors,
  snapshotStore,
  suiteCustomer,
  withoutScans,
} from './interactions-suite';
import type { RawInspector, StoreConformanceOptions } from './store-conformance';
import { suiteCase } from './suite-harness';

/** The names of the ticket suite's tests, for {@link TicketSuiteOptions.skip}. */
export type TicketSuiteTest =
  | 'open'
  | 'open-refusals'
  | 'lifecycle'
  | 'invalid-transition'
  | 'escalation'
  | 'reopen-window'
  | 'sla-paused-while-pending'
  | 'due-breaches'
  | 'sla-signals-once'
  | 'escalation-rules'
  | 'derived-facts'
  | 'link-interaction'
  | 'sla-policies'
  | 'concurrent-commands'
  | 'random-commands';

/**
 * What the ticket suite needs from an adapter: the options of the storage conformance suite (the same object may
 * be passed), plus tests to leave out. Given `raw`, refusals are also checked against the backing store directly.
 */
export interface TicketSuiteOptions
  extends Pick<StoreConformanceOptions, 'name' | 'createStore' | 'dispose' | 'raw'> {
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<TicketSuiteTest, string>>;
  /** Runs of the random-command property test (default 12). */
  randomRuns?: number;
}

const split = ['08:00-12:00', '12:30-16:30'];

/**
 * The SLA policy the ticket suite uses: a split-shift Budapest calendar with Hungarian holidays, targets by
 * priority, and a rule that escalates a ticket nobody answered within 45 business minutes.
 * @category Testing
 */
export function suiteSlaPolicy(): SlaPolicyInput {
  return {
    id: 'hotline',
    name: 'Hotline',
    calendar: hungarianCalendarDefinition({
      hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] },
    }),
    warningPercent: 80,
    targets: [
      { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
      { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 },
    ],
    escalationRules: [
      {
        id: 'no-first-response',
        target: 'first_response',
        afterBusinessMinutes: 45,
        priorities: ['low', 'normal', 'high'],
        actions: {
          setPriority: 'high',
          setGroup: 'hotline-l2',
          escalate: { reason: 'No first response within 45 business minutes' },
        },
      },
    ],
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

interface Ctx {
  store: Store;
  raw: Store;
  /** Direct read-back of the backing store, when the adapter gave one. */
  inspector: RawInspector | undefined;
  clock: FixedClock;
  tickets: TicketService;
  contacts: InteractionService;
  refused(promise: () => Promise<unknown>, code: string): Promise<FrontlineError>;
  /** Opens a ticket for `cust-1` as the first-level agent. */
  open(overrides?: Record<string, unknown>): Promise<string>;
}

const A = serviceDeskActors;
/** Monday 2 March 2026, 09:00 in Budapest. */
const START = '2026-03-02T08:00:00.000Z';
const MIN = 60_000;
const H = 3_600_000;
const DAY = 24 * H;

/**
 * The ticket suite: registers vitest tests that prove the ticket service keeps its contracts on a storage
 * adapter — the state machine with tiers and reasons, SLA clocks paused while pending, due breaches found by
 * index, warnings and breaches announced once, escalation rules, first-contact resolution derived from history,
 * and refusals (unknown customer, transition not allowed, reason missing, permission missing) that leave
 * entities, audit and outbox untouched.
 * @example
 * import { runTicketSuite } from '@frontline/core/testing';
 * runTicketSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runTicketSuite(options: TicketSuiteOptions): void {
  const test = (name: TicketSuiteTest, title: string, body: (ctx: Ctx) => Promise<void>, timeout?: number) =>
    suiteCase(
      options,
      name,
      title,
      START,
      async ({ store: raw, clock, raw: inspector }) => {
        const store = withoutScans(raw);
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-2', clock.now()));
        const ids = createSequentialIds('ts');
        const tickets = createTicketService({
          store,
          clock,
          ids,
          defaultSlaPolicyId: 'hotline',
          reopenWindowMs: 7 * DAY,
        });
        const contacts = createInteractionService({ store, clock, ids });
        await tickets.saveSlaPolicy({ actor: A.supervisor, policy: suiteSlaPolicy() });
        const refused = async (promise: () => Promise<unknown>, code: string) => {
          const before = await snapshotStore(raw, inspector);
          const error = await expectFrontlineError(promise(), code);
          expect(await snapshotStore(raw, inspector)).toEqual(before);
          return error;
        };
        const open = async (overrides: Record<string, unknown> = {}) =>
          (
            await tickets.openTicket({
              actor: A.agent,
              customerId: 'cust-1',
              subject: 'Nincs internet hétfő óta',
              category: 'network',
              ...overrides,
            })
          ).ticket.id;
        return { store, raw, inspector, clock, tickets, contacts, refused, open };
      },
      body,
      timeout,
    );

  describe(`tickets: ${options.name}`, () => {
    test(
      'open',
      'opens a ticket with SLA targets from its policy, audited and announced',
      async ({ raw, tickets, open }) => {
        const id = await open({ priority: 'urgent', group: 'hotline' });
        const ticket = await tickets.getTicket(id);
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
        expect(audit.map((e) => e.type)).toEqual(['ticket.opened']);
        const messages = await raw.outbox.claim({ worker: 'suite', limit: 10, leaseMs: 60_000 });
        expect(messages.map((m) => m.topic)).toContain('ticket.opened');
      },
    );

    test(
      'open-refusals',
      'refuses an unknown customer, a missing permission and bad input, storing nothing',
      async ({ tickets, refused }) => {
        const base = { actor: A.agent, customerId: 'cust-1', subject: 'Számla', category: 'billing' };
        const missing = await refused(
          () => tickets.openTicket({ ...base, customerId: 'nobody' }),
          'NOT_FOUND',
        );
        expect(missing.details).toMatchObject({ entity: 'customer', id: 'nobody' });
        await refused(() => tickets.openTicket({ ...base, actor: A.outsider }), 'FORBIDDEN');
        const bad = await refused(
          () => tickets.openTicket({ ...base, category: 'Not A Slug' }),
          'VALIDATION',
        );
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
          [
            'escalated',
            () => tickets.classifyTicket({ actor: A.specialist, ticketId: id, priority: 'high' }),
          ],
          [
            'resolved',
            () => tickets.resolveTicket({ actor: A.specialist, ticketId: id, reason: 'Vonal javítva' }),
          ],
          ['closed', () => tickets.closeTicket({ actor: A.supervisor, ticketId: id })],
          [
            'escalated',
            () => tickets.reopenTicket({ actor: A.agent, ticketId: id, reason: 'Újra nincs jel' }),
          ],
        ];
        for (const [expected, step] of steps) {
          clock.advance(10 * MIN);
          await step();
          expect((await tickets.getTicket(id)).status).toBe(expected);
        }
        const ticket = await tickets.getTicket(id);
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
        expect(audit.find((e) => e.type === 'ticket.escalated')?.payload).toMatchObject({
          reason: 'Vonalhiba, terepi mérés kell',
          changes: { tier: { from: 'L1', to: 'L2' }, group: { from: null, to: 'field' } },
        });
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
        expect(events.map((e) => e.type)).toEqual(['ticket.escalated']);
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
      'sla-paused-while-pending',
      'pauses SLA clocks while pending on the customer and resumes them on the reply',
      async ({ clock, tickets, open }) => {
        const id = await open();
        await tickets.respondToTicket({ actor: A.agent, ticketId: id });
        clock.advance(H); // 10:00 local: one business hour of resolution consumed
        await tickets.waitOnCustomer({ actor: A.agent, ticketId: id });
        const pending = await tickets.getTicket(id);
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
        const soon = await collect(tickets.dueBreaches({ before: '2026-03-02T09:30:00Z' }));
        expect(soon.map((d) => [d.ticketId, d.target])).toEqual([
          [urgent, 'first_response'],
          [normal, 'first_response'],
        ]);
        expect(soon.every((d) => !d.breached)).toBe(true);
        clock.set('2026-03-02T08:45:00Z');
        const late = await collect(tickets.dueBreaches({ before: clock.now() }));
        expect(late).toEqual([
          expect.objectContaining({ ticketId: urgent, target: 'first_response', breached: true }),
        ]);
        expect(await collect(tickets.dueBreaches({ before: '2026-03-02T08:00:00Z' }))).toEqual([]);
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
          'ticket.sla_warning',
          'ticket.sla_breached',
        ]);
        const topics = (await raw.outbox.claim({ worker: 'suite', limit: 100, leaseMs: 60_000 })).map(
          (m) => m.topic,
        );
        expect(topics.filter((t) => t === 'ticket.sla_warning').length).toBe(1);
        expect(topics.filter((t) => t === 'ticket.sla_breached').length).toBe(1);
        // a late answer still counts as breached, and nothing more is announced
        await tickets.respondToTicket({ actor: A.agent, ticketId: id });
        expect((await tickets.checkSla()).signals).toEqual([]);
        expect(ticketFacts(await tickets.getTicket(id)).breachedTargets).toEqual(['first_response']);
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
        const ticket = await tickets.getTicket(id);
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
        expect((await tickets.getTicket(answered)).status).toBe('open');
        const audit = await collect(raw.audit.read({ entityType: 'ticket', entityId: id }));
        expect(audit.filter((e) => e.actor === 'system:sla-monitor').length).toBeGreaterThanOrEqual(3);
      },
    );

    test(
      'derived-facts',
      'derives first-contact resolution and resolution without escalation from history',
      async ({ clock, tickets, contacts }) => {
        const call = await contacts.recordInteraction({
          actor: A.agent,
          customerId: 'cust-1',
          channel: 'phone',
          direction: 'inbound',
          queue: 'hotline',
          agentId: A.agent.id,
          offeredAt: '2026-03-02T07:55:00Z',
          answeredAt: '2026-03-02T07:55:30Z',
          endedAt: '2026-03-02T08:00:00Z',
          outcome: 'resolved',
        });
        const { ticket } = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-1',
          subject: 'Jelszócsere',
          category: 'account',
          interactionId: call.interaction.id,
        });
        expect(ticket.status).toBe('open'); // the call was the first response
        const resolved = await tickets.resolveTicket({ actor: A.agent, ticketId: ticket.id });
        expect(ticketFacts(resolved.ticket)).toMatchObject({
          firstContactResolution: true,
          resolvedWithoutEscalation: true,
        });
        expect(
          (await contacts.getInteraction(call.interaction.id)).amendments[0]?.changes.addLinks?.ticketIds,
        ).toEqual([ticket.id]);

        const first = await contacts.recordInteraction({
          actor: A.agent,
          customerId: 'cust-1',
          channel: 'email',
          direction: 'inbound',
          offeredAt: '2026-03-02T07:00:00Z',
        });
        const second = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-1',
          subject: 'Router',
          category: 'network',
          interactionId: first.interaction.id,
        });
        clock.advance(10 * MIN);
        await contacts.recordInteraction({
          actor: A.agent,
          customerId: 'cust-1',
          channel: 'phone',
          direction: 'inbound',
          offeredAt: '2026-03-02T08:05:00Z',
          answeredAt: '2026-03-02T08:05:10Z',
          endedAt: '2026-03-02T08:09:00Z',
          links: { ticketIds: [second.ticket.id] },
        });
        await tickets.escalateTicket({ actor: A.agent, ticketId: second.ticket.id, reason: 'Router csere' });
        const done = await tickets.resolveTicket({ actor: A.specialist, ticketId: second.ticket.id });
        expect(ticketFacts(done.ticket)).toMatchObject({
          firstContactResolution: false,
          resolvedWithoutEscalation: false,
          inboundContacts: 2,
        });
      },
    );

    test(
      'link-interaction',
      'links contacts: a reply resumes a pending ticket, a second link changes nothing, a foreign one is refused',
      async ({ clock, tickets, contacts, refused, open }) => {
        const id = await open();
        await tickets.respondToTicket({ actor: A.agent, ticketId: id });
        await tickets.waitOnCustomer({ actor: A.agent, ticketId: id });
        clock.advance(H);
        const mail = await contacts.recordInteraction({
          actor: A.agent,
          customerId: 'cust-1',
          channel: 'email',
          direction: 'inbound',
          offeredAt: clock.now(),
        });
        const linked = await tickets.linkInteraction({
          actor: A.agent,
          ticketId: id,
          interactionId: mail.interaction.id,
        });
        expect(linked.ticket.status).toBe('open');
        expect(linked.events.map((e) => e.type)).toEqual([
          'ticket.contact_linked',
          'ticket.customer_replied',
          'interaction.amended',
        ]);
        const again = await tickets.linkInteraction({
          actor: A.agent,
          ticketId: id,
          interactionId: mail.interaction.id,
        });
        expect(again.events).toEqual([]);
        const foreign = await contacts.recordInteraction({
          actor: A.agent,
          customerId: 'cust-2',
          channel: 'sms',
          direction: 'inbound',
          offeredAt: clock.now(),
        });
        await refused(
          () =>
            tickets.linkInteraction({ actor: A.agent, ticketId: id, interactionId: foreign.interaction.id }),
          'VALIDATION',
        );
        await refused(
          () => tickets.linkInteraction({ actor: A.agent, ticketId: id, interactionId: 'missing' }),
          'NOT_FOUND',
        );
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
        expect((await tickets.getSlaPolicy('hotline')).warningPercent).toBe(90);
        await refused(() => tickets.getSlaPolicy('missing'), 'NOT_FOUND');
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
        const ticket = await tickets.getTicket(id);
        expect(ticket.history.length).toBe(landed);
        expect((await collect(raw.audit.read({ entityType: 'ticket', entityId: id }))).length).toBe(
          1 + landed,
        );
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
            const ticket = await tickets.getTicket(id);
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
  });
}
