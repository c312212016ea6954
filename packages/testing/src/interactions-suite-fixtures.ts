import type {
  ActorInput,
  CollectionDefinition,
  FixedClock,
  OutboxStats,
  Repository,
  Store,
} from '@frontline/core';
import { createSequentialIds, FrontlineError } from '@frontline/core';
import type { Customer, RecordInteractionInput } from '@frontline/core/service-desk';
import {
  createInteractionService,
  createTicketService,
  type InteractionService,
  type TicketService,
} from '@frontline/core/service-desk';
import { CustomerCollection, Interactions, SlaPolicies, Tickets } from '@frontline/core/storage';
import { expect } from './runner';
import type { RawInspector, StoreConformanceOptions } from './store-conformance-options';
import { suiteCase } from './suite-harness';

/** The names of the interaction suite's tests, for {@link InteractionSuiteOptions.skip}. */
export type InteractionSuiteTest =
  | 'masked-reads'
  | 'customer-inbox'
  | 'unknown-keys'
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

export interface InteractionSuiteContext {
  store: Store;
  /** Direct read-back of the backing store, when the adapter gave one. */
  inspector: RawInspector | undefined;
  clock: FixedClock;
  contacts: InteractionService;
  tickets: TicketService;
  /** Expects `promise` to fail with `code` and the store to be exactly as before. */
  refused(promise: () => Promise<unknown>, code: string): Promise<FrontlineError>;
}

export const A = serviceDeskActors;
/** A supervisor who may read personal data: sees contacts unmasked. */
export const personalReader = {
  ...serviceDeskActors.supervisor,
  permissions: [...serviceDeskActors.supervisor.permissions, 'customer.read_personal'],
};
export const START = '2026-03-02T08:00:00.000Z';

export function phoneCall(
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

/** Registers one interaction-suite case on a fresh store with two customers and the services. */
export function interactionCase(options: InteractionSuiteOptions) {
  return (name: InteractionSuiteTest, title: string, body: (ctx: InteractionSuiteContext) => Promise<void>) =>
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
}
