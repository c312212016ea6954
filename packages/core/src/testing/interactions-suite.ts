import { describe, expect } from 'vitest';
import type { Customer } from '../customers/customer.schema';
import { CustomerCollection } from '../customers/customer-collections';
import { FrontlineError } from '../errors/frontline-error';
import { effectiveInteraction } from '../interactions/effective-interaction';
import { Interactions } from '../interactions/interaction-collection';
import type { RecordInteractionInput } from '../interactions/interaction-inputs';
import { createInteractionService, type InteractionService } from '../interactions/interaction-service';
import type { ActorInput } from '../kernel/actor';
import type { FixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import type { OutboxStats } from '../ports/outbox';
import type { CollectionDefinition, Repository, Store } from '../ports/storage';
import { SlaPolicies, Tickets } from '../tickets/ticket-collections';
import { createTicketService, type TicketService } from '../tickets/ticket-service';
import type { RawInspector, StoreConformanceOptions } from './store-conformance';
import { suiteCase } from './suite-harness';

/** The names of the interaction suite's tests, for {@link InteractionSuiteOptions.skip}. */
export type InteractionSuiteTest =
  | 'record'
  | 'unknown-customer'
  | 'permission'
  | 'validation'
  | 'duplicate-external-ref'
  | 'contact-history'
  | 'amendments'
  | 'feedback'
  | 'feedback-refusals'
  | 'ticket-links'
  | 'ticket-link-refusals'
  | 'period-queries';

/**
 * What the interaction suite needs from an adapter: the options of the storage conformance suite (the same object may
 * be passed), plus tests to leave out. Given `raw`, refusals are also checked against the backing store directly.
 */
export interface InteractionSuiteOptions
  extends Pick<StoreConformanceOptions, 'name' | 'createStore' | 'dispose' | 'raw'> {
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<InteractionSuiteTest, string>>;
}

/**
 * Actors the interaction and ticket suites work with: a first-level agent, a second-level specialist, a
 * supervisor, and an agent with no rights on contacts or tickets.
 * @category Testing
 */
export const serviceDeskActors = {
  agent: {
    id: 'agent-anna',
    roles: ['agent'],
    permissions: ['interaction.write', 'ticket.write', 'ticket.escalate'],
  },
  specialist: {
    id: 'l2-bela',
    roles: ['specialist'],
    permissions: ['interaction.write', 'ticket.write', 'ticket.work_l2'],
  },
  supervisor: {
    id: 'lead-csilla',
    roles: ['team-lead'],
    permissions: [
      'interaction.write',
      'ticket.write',
      'ticket.escalate',
      'ticket.work_l2',
      'ticket.supervise',
    ],
  },
  outsider: { id: 'agent-dani', roles: ['agent'], permissions: ['customer.read'] },
} as const satisfies Record<string, ActorInput>;

/**
 * A minimal, valid, active person for the suites to document contacts and open tickets for.
 * @category Testing
 */
export function suiteCustomer(id: string, at: Date): Customer {
  return {
    id,
    kind: 'person',
    status: 'active',
    familyName: 'Kiss',
    givenNames: ['Anna'],
    contactPoints: [],
    locale: 'hu',
    timeZone: 'Europe/Budapest' as Customer['timeZone'],
    segmentTags: [],
    consentState: [],
    customerSince: '2020-01-01',
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The store behind a service, refusing full scans: a selection that should ride an index and scans instead
 * fails the test. Every other call goes to the adapter unchanged.
 * @category Testing
 */
export function withoutScans(store: Store): Store {
  const guardRepository = <T extends { id: string }>(
    repository: Repository<T>,
    name: string,
  ): Repository<T> =>
    new Proxy(repository, {
      get(target, prop) {
        if (prop === 'scan') {
          return () => {
            throw new Error(`A full scan of "${name}" where an index query was expected`);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const guard = (inner: Store): Store =>
    new Proxy(inner, {
      get(target, prop) {
        if (prop === 'repository') {
          return <T extends { id: string }>(definition: CollectionDefinition<T>) =>
            guardRepository(target.repository(definition), definition.name);
        }
        if (prop === 'transaction') {
          return <R>(work: (tx: Store) => Promise<R>) => target.transaction((tx) => work(guard(tx)));
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return guard(store);
}

/** What a failed command must leave unchanged: entity counts, the audit head and the outbox. */
export interface StoreSnapshot {
  counts: Record<string, number>;
  auditHead: number;
  outbox: OutboxStats;
  /** Read from the backing store directly, when a raw inspector is given. */
  raw?: { outbox: number; audit: number };
}

/**
 * Counts what is stored — tickets, interactions, SLA policies, the audit head and outbox statistics — so a test
 * can prove a refused command left nothing behind; with a raw inspector, also the stored outbox and audit rows.
 * @category Testing
 */
export async function snapshotStore(store: Store, raw?: RawInspector): Promise<StoreSnapshot> {
  const counts: Record<string, number> = {
    [Tickets.name]: await store.repository(Tickets).count(),
    [Interactions.name]: await store.repository(Interactions).count(),
    [SlaPolicies.name]: await store.repository(SlaPolicies).count(),
  };
  const snapshot: StoreSnapshot = {
    counts,
    auditHead: (await store.audit.head())?.seq ?? 0,
    outbox: await store.outbox.stats(),
  };
  if (raw) snapshot.raw = { outbox: await raw.countOutbox(), audit: await raw.countAudit() };
  return snapshot;
}

/**
 * Expects `promise` to fail with a Frontline error of `code`, and returns it.
 * @category Testing
 */
export async function expectFrontlineError(promise: Promise<unknown>, code: string): Promise<FrontlineError> {
  try {
    await promise;
  } catch (error) {
    expect(FrontlineError.is(error), `expected a FrontlineError, got ${String(error)}`).toBe(true);
    expect((error as FrontlineError).code, (error as Error).message).toBe(code);
    return error as FrontlineError;
  }
  throw new Error(`expected the call to fail with ${code}, but it succeeded`);
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

interface Ctx {
  store: Store;
  /** Direct read-back of the backing store, when the adapter gave one. */
  inspector: RawInspector | undefined;
  clock: FixedClock;
  contacts: InteractionService;
  tickets: TicketService;
  /** Expects `promise` to fail with `code` and the store to be exactly as before. */
  refused(promise: () => Promise<unknown>, code: string): Promise<FrontlineError>;
}

const A = serviceDeskActors;
const START = '2026-03-02T08:00:00.000Z';

function phoneCall(
  customerId: string | null,
  overrides: Partial<RecordInteractionInput> = {},
): RecordInteractionInput {
  return {
    actor: A.agent,
    customerId,
    channel: 'phone',
    direction: 'inbound',
    queue: 'hotline',
    agentId: A.agent.id,
    offeredAt: '2026-03-02T07:50:00Z',
    answeredAt: '2026-03-02T07:50:40Z',
    endedAt: '2026-03-02T07:56:00Z',
    holdMs: 20_000,
    wrapUpMs: 45_000,
    outcome: 'resolved',
    notes: 'Számla magyarázata',
    ...overrides,
  };
}

/**
 * The interaction suite: registers vitest tests that prove the interaction service keeps its contracts on a
 * storage adapter — documenting contacts on every channel, the append-only history per customer read by index,
 * amendments, feedback answered once, ticket links in the same transaction, and refusals (unknown customer,
 * missing permission, bad input) that leave entities, audit and outbox untouched.
 * @example
 * import { runInteractionSuite } from '@frontline/core/testing';
 * runInteractionSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runInteractionSuite(options: InteractionSuiteOptions): void {
  const test = (name: InteractionSuiteTest, title: string, body: (ctx: Ctx) => Promise<void>) =>
    suiteCase(
      options,
      name,
      title,
      START,
      async ({ store: raw, clock, raw: inspector }) => {
        const store = withoutScans(raw);
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-2', clock.now()));
        const ids = createSequentialIds('is');
        const contacts = createInteractionService({ store, clock, ids });
        const tickets = createTicketService({ store, clock, ids });
        const refused = async (promise: () => Promise<unknown>, code: string) => {
          const before = await snapshotStore(raw, inspector);
          const error = await expectFrontlineError(promise(), code);
          expect(await snapshotStore(raw, inspector)).toEqual(before);
          return error;
        };
        return { store, inspector, clock, contacts, tickets, refused };
      },
      body,
    );

  describe(`interactions: ${options.name}`, () => {
    test(
      'record',
      'documents a contact on any channel, audited and announced',
      async ({ store, inspector, contacts }) => {
        const { interaction, events } = await contacts.recordInteraction(
          phoneCall('cust-1', { externalRef: 'call-77' }),
        );
        expect(interaction).toMatchObject({
          customerId: 'cust-1',
          channel: 'phone',
          queue: 'hotline',
          holdMs: 20_000,
          recordedBy: A.agent.id,
          amendments: [],
          feedback: null,
        });
        expect(interaction.offeredAt).toEqual(new Date('2026-03-02T07:50:00Z'));
        expect(events.map((e) => e.type)).toEqual(['interaction.recorded']);
        expect(await contacts.getInteraction(interaction.id)).toEqual(interaction);
        if (inspector) {
          expect(await inspector.readEntity(Interactions.name, interaction.id)).toMatchObject({
            version: 1,
            data: { id: interaction.id, customerId: 'cust-1', offeredAt: '2026-03-02T07:50:00.000Z' },
          });
        }
        const audit = await collect(
          store.audit.read({ entityType: 'interaction', entityId: interaction.id }),
        );
        expect(audit.map((e) => e.type)).toEqual(['interaction.recorded']);
        expect((await store.outbox.stats()).pending).toBe(1);
        for (const channel of ['voip', 'email', 'chat', 'sms', 'letter', 'in_person'] as const) {
          await contacts.recordInteraction(phoneCall('cust-1', { channel, externalRef: null }));
        }
        const anonymous = await contacts.recordInteraction(
          phoneCall(null, { answeredAt: null, holdMs: 0, outcome: null, endedAt: '2026-03-02T07:51:30Z' }),
        );
        expect(anonymous.interaction.customerId).toBeNull();
        expect(await store.repository(Interactions).count()).toBe(8);
      },
    );

    test(
      'unknown-customer',
      'refuses a contact of an unknown customer as NOT_FOUND, storing nothing',
      async ({ refused, contacts }) => {
        const error = await refused(() => contacts.recordInteraction(phoneCall('nobody')), 'NOT_FOUND');
        expect(error.details).toMatchObject({ entity: 'customer', id: 'nobody' });
      },
    );

    test(
      'permission',
      'refuses an agent without interaction.write as FORBIDDEN, storing nothing',
      async ({ refused, contacts }) => {
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { actor: A.outsider })),
          'FORBIDDEN',
        );
      },
    );

    test(
      'validation',
      'refuses inconsistent or future times and bad fields as VALIDATION, storing nothing',
      async ({ refused, contacts }) => {
        const early = await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { answeredAt: '2026-03-02T07:40:00Z' })),
          'VALIDATION',
        );
        expect(JSON.stringify(early.details)).toContain('answeredAt');
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { answeredAt: null, holdMs: 5_000 })),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.recordInteraction(
              phoneCall('cust-1', {
                offeredAt: '2026-03-03T07:50:00Z',
                answeredAt: null,
                endedAt: null,
                holdMs: 0,
              }),
            ),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.recordInteraction({
              ...phoneCall('cust-1'),
              channel: 'fax',
            } as unknown as RecordInteractionInput),
          'VALIDATION',
        );
      },
    );

    test(
      'duplicate-external-ref',
      'refuses a second contact with the same external reference as CONFLICT',
      async ({ refused, contacts }) => {
        await contacts.recordInteraction(phoneCall('cust-1', { externalRef: 'pbx-1' }));
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { externalRef: 'pbx-1' })),
          'CONFLICT',
        );
      },
    );

    test(
      'contact-history',
      "streams a customer's contact history in time order by index, never another customer's",
      async ({ contacts }) => {
        const times = [
          '2026-03-01T09:00:00Z',
          '2026-02-27T10:00:00Z',
          '2026-03-02T07:00:00Z',
          '2026-02-28T12:00:00Z',
        ];
        for (const offeredAt of times) {
          await contacts.recordInteraction(
            phoneCall('cust-1', { offeredAt, answeredAt: null, endedAt: null, holdMs: 0, channel: 'email' }),
          );
        }
        await contacts.recordInteraction(
          phoneCall('cust-2', {
            offeredAt: '2026-02-28T00:00:00Z',
            answeredAt: null,
            endedAt: null,
            holdMs: 0,
          }),
        );
        const history = await collect(contacts.contactHistory('cust-1'));
        expect(history.map((i) => i.offeredAt.toISOString())).toEqual(
          [...times].sort().map((t) => new Date(t).toISOString()),
        );
        expect(history.every((i) => i.customerId === 'cust-1')).toBe(true);
        const window = await collect(
          contacts.contactHistory('cust-1', {
            from: '2026-02-28T00:00:00Z',
            to: '2026-03-02T00:00:00Z',
            order: 'desc',
          }),
        );
        expect(window.map((i) => i.offeredAt.toISOString())).toEqual([
          '2026-03-01T09:00:00.000Z',
          '2026-02-28T12:00:00.000Z',
        ]);
        expect(await collect(contacts.contactHistory('cust-3'))).toEqual([]);
      },
    );

    test(
      'amendments',
      'appends corrections with a reason and never edits what was documented',
      async ({ store, contacts, refused }) => {
        const { interaction } = await contacts.recordInteraction(phoneCall('cust-1'));
        await refused(
          () =>
            contacts.amendInteraction({
              actor: A.agent,
              interactionId: interaction.id,
              reason: ' ',
              changes: { outcome: 'follow_up' },
            }),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.amendInteraction({
              actor: A.agent,
              interactionId: interaction.id,
              reason: 'fix',
              changes: {},
            }),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.amendInteraction({
              actor: A.agent,
              interactionId: interaction.id,
              reason: 'End before answer',
              changes: { endedAt: '2026-03-02T07:50:10Z' },
            }),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.amendInteraction({
              actor: A.outsider,
              interactionId: interaction.id,
              reason: 'x',
              changes: { notes: 'x' },
            }),
          'FORBIDDEN',
        );
        await refused(
          () =>
            contacts.amendInteraction({
              actor: A.agent,
              interactionId: 'missing',
              reason: 'x',
              changes: { notes: 'x' },
            }),
          'NOT_FOUND',
        );
        const first = await contacts.amendInteraction({
          actor: A.agent,
          interactionId: interaction.id,
          reason: 'Wrong outcome recorded',
          changes: { outcome: 'follow_up', notes: 'Jóváírást ígértem' },
        });
        const second = await contacts.amendInteraction({
          actor: A.supervisor,
          interactionId: interaction.id,
          reason: 'Order reference added',
          changes: { addLinks: { orderIds: ['order-9'] } },
        });
        expect(second.interaction.amendments.map((a) => [a.seq, a.by])).toEqual([
          [1, A.agent.id],
          [2, A.supervisor.id],
        ]);
        expect(second.interaction).toMatchObject({ outcome: 'resolved', notes: 'Számla magyarázata' });
        expect(effectiveInteraction(second.interaction)).toMatchObject({
          outcome: 'follow_up',
          notes: 'Jóváírást ígértem',
          links: { orderIds: ['order-9'] },
        });
        expect(first.events.map((e) => e.type)).toEqual(['interaction.amended']);
        const audit = await collect(
          store.audit.read({ entityType: 'interaction', entityId: interaction.id }),
        );
        expect(audit.map((e) => e.type)).toEqual([
          'interaction.recorded',
          'interaction.amended',
          'interaction.amended',
        ]);
      },
    );

    test(
      'feedback',
      'asks for feedback after a contact and records the answer once, with its time',
      async ({ store, clock, contacts, refused }) => {
        const { interaction } = await contacts.recordInteraction(phoneCall('cust-1'));
        const requested = await contacts.requestFeedback({
          actor: A.agent,
          interactionId: interaction.id,
          via: 'sms',
          validForHours: 72,
        });
        const request = requested.interaction.feedback!;
        expect(request).toMatchObject({ via: 'sms', answer: null, requestedBy: A.agent.id });
        expect(request.expiresAt).toEqual(new Date(clock.now().getTime() + 72 * 3_600_000));
        expect(requested.events[0]).toMatchObject({
          type: 'interaction.feedback_requested',
          payload: { customerId: 'cust-1' },
        });
        const claimed = await store.outbox.claim({ worker: 'survey', limit: 10, leaseMs: 60_000 });
        expect(claimed.map((m) => m.topic)).toContain('interaction.feedback_requested');
        await refused(
          () => contacts.requestFeedback({ actor: A.agent, interactionId: interaction.id, via: 'email' }),
          'INVALID_TRANSITION',
        );
        clock.advance(3_600_000);
        const answered = await contacts.recordFeedback({
          actor: A.agent,
          requestId: request.requestId,
          csat: 5,
          nps: 9,
          comment: 'Gyors volt',
        });
        expect(answered.interaction.feedback?.answer).toEqual({
          answeredAt: clock.now(),
          csat: 5,
          nps: 9,
          comment: 'Gyors volt',
        });
        const again = await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: interaction.id, csat: 1 }),
          'INVALID_TRANSITION',
        );
        expect(again.details).toMatchObject({ state: 'answered', command: 'answer' });
      },
    );

    test(
      'feedback-refusals',
      'refuses feedback too early, too late, without a request or out of range',
      async ({ clock, contacts, refused }) => {
        const live = await contacts.recordInteraction(phoneCall('cust-1', { endedAt: null }));
        await refused(
          () => contacts.requestFeedback({ actor: A.agent, interactionId: live.interaction.id, via: 'sms' }),
          'INVALID_TRANSITION',
        );
        const abandoned = await contacts.recordInteraction(
          phoneCall('cust-1', { answeredAt: null, holdMs: 0 }),
        );
        await refused(
          () =>
            contacts.requestFeedback({ actor: A.agent, interactionId: abandoned.interaction.id, via: 'sms' }),
          'INVALID_TRANSITION',
        );
        const done = await contacts.recordInteraction(phoneCall('cust-1'));
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, csat: 4 }),
          'INVALID_TRANSITION',
        );
        await contacts.requestFeedback({
          actor: A.agent,
          interactionId: done.interaction.id,
          via: 'email',
          validForHours: 24,
        });
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, csat: 6 }),
          'VALIDATION',
        );
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id }),
          'VALIDATION',
        );
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, requestId: 'no-such-request', csat: 3 }),
          'NOT_FOUND',
        );
        clock.advance(24 * 3_600_000);
        const late = await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, nps: 10 }),
          'INVALID_TRANSITION',
        );
        expect(late.details).toMatchObject({ state: 'expired' });
      },
    );

    test(
      'ticket-links',
      'tells linked tickets about the contact in the same transaction',
      async ({ store, contacts, tickets }) => {
        const { ticket } = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-1',
          subject: 'Kétszer számlázva',
          category: 'billing',
        });
        const reply = await contacts.recordInteraction(
          phoneCall('cust-1', {
            direction: 'outbound',
            offeredAt: '2026-03-02T07:58:00Z',
            answeredAt: '2026-03-02T07:58:10Z',
            endedAt: '2026-03-02T07:59:00Z',
            holdMs: 0,
            links: { ticketIds: [ticket.id] },
          }),
        );
        expect(reply.events.map((e) => e.type)).toEqual([
          'interaction.recorded',
          'ticket.contact_linked',
          'ticket.responded',
        ]);
        const updated = await tickets.getTicket(ticket.id);
        expect(updated.status).toBe('open');
        expect(updated.history.map((h) => h.command)).toEqual(['link_contact', 'respond']);
        expect((await collect(contacts.interactionsOfTicket(ticket.id))).map((i) => i.id)).toEqual([
          reply.interaction.id,
        ]);
        const later = await contacts.recordInteraction(
          phoneCall('cust-1', { channel: 'email', answeredAt: null, endedAt: null, holdMs: 0 }),
        );
        await contacts.amendInteraction({
          actor: A.agent,
          interactionId: later.interaction.id,
          reason: 'About the ticket',
          changes: { addLinks: { ticketIds: [ticket.id] } },
        });
        expect((await collect(contacts.interactionsOfTicket(ticket.id))).length).toBe(2);
        const linked = await tickets.getTicket(ticket.id);
        expect(linked.history.map((h) => h.command)).toEqual([
          'link_contact',
          'respond',
          'link_contact',
          'customer_reply',
        ]);
        const audit = await collect(store.audit.read({ entityType: 'ticket', entityId: ticket.id }));
        expect(audit.length).toBe(1 + linked.history.length);
      },
    );

    test(
      'ticket-link-refusals',
      'refuses links to unknown or foreign tickets, storing neither contact nor ticket change',
      async ({ contacts, tickets, refused }) => {
        const { ticket } = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-2',
          subject: 'Más ügyfél',
          category: 'billing',
        });
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { links: { ticketIds: ['missing'] } })),
          'NOT_FOUND',
        );
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { links: { ticketIds: [ticket.id] } })),
          'VALIDATION',
        );
        const noTicketRights = { id: 'x', roles: [], permissions: ['interaction.write'] };
        await refused(
          () =>
            contacts.recordInteraction(
              phoneCall('cust-2', { actor: noTicketRights, links: { ticketIds: [ticket.id] } }),
            ),
          'FORBIDDEN',
        );
      },
    );

    test(
      'period-queries',
      'selects contacts offered in a period, per queue and per agent, by index',
      async ({ contacts }) => {
        const rows: [string, string, string][] = [
          ['2026-03-01T08:00:00Z', 'hotline', 'agent-anna'],
          ['2026-03-01T09:00:00Z', 'billing', 'agent-anna'],
          ['2026-03-01T10:00:00Z', 'hotline', 'agent-bob'],
          ['2026-02-28T10:00:00Z', 'hotline', 'agent-bob'],
        ];
        for (const [offeredAt, queue, agentId] of rows) {
          await contacts.recordInteraction(
            phoneCall('cust-1', { offeredAt, queue, agentId, answeredAt: null, endedAt: null, holdMs: 0 }),
          );
        }
        const period = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
        expect((await collect(contacts.offeredInteractions(period))).length).toBe(3);
        expect(
          (await collect(contacts.offeredInteractions({ ...period, queue: 'hotline' }))).map(
            (i) => i.agentId,
          ),
        ).toEqual(['agent-anna', 'agent-bob']);
        expect(
          (await collect(contacts.offeredInteractions({ ...period, agentId: 'agent-anna' }))).map(
            (i) => i.queue,
          ),
        ).toEqual(['hotline', 'billing']);
      },
    );
  });
}
