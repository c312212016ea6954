import type { ActorInput, FixedClock, FrontlineError, Store } from '@frontline/core';
import { createSequentialIds, hungarianCalendarDefinition } from '@frontline/core';
import type { SlaPolicyInput } from '@frontline/core/service-desk';
import {
  createInteractionService,
  createTicketService,
  type InteractionService,
  type TicketService,
} from '@frontline/core/service-desk';
import { CustomerCollection } from '@frontline/core/storage';
import {
  expectFrontlineError,
  serviceDeskActors,
  snapshotStore,
  suiteCustomer,
  withoutScans,
} from './interactions-suite';
import { expect } from './runner';
import type { RawInspector, StoreConformanceOptions } from './store-conformance-options';
import { suiteCase } from './suite-harness';

/** The names of the ticket suite's tests, for {@link TicketSuiteOptions.skip}. */
export type TicketSuiteTest =
  | 'open'
  | 'open-refusals'
  | 'lifecycle'
  | 'invalid-transition'
  | 'escalation'
  | 'reopen-window'
  | 'expected-version'
  | 'sla-paused-while-pending'
  | 'due-breaches'
  | 'sla-signals-once'
  | 'escalation-rules'
  | 'derived-facts'
  | 'link-interaction'
  | 'sla-policies'
  | 'concurrent-commands'
  | 'random-commands'
  | 'read-policy'
  | 'customer-tickets-paged'
  | 'inbox-by-status'
  | 'inbox-by-group'
  | 'inbox-by-assignee'
  | 'inbox-due-before'
  | 'inbox-paging-random';

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

export { collect } from '@frontline/core';

/** What each ticket suite case gets. */
export interface TicketSuiteContext {
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
  /** The ticket as a supervisor reads it. */
  get(id: string): ReturnType<TicketService['getTicket']>;
}

/** Registers one ticket suite case. */
export type TicketTest = (
  name: TicketSuiteTest,
  title: string,
  body: (ctx: TicketSuiteContext) => Promise<void>,
  timeout?: number,
) => void;

/** The actors of the service-desk suites, and two readers: `ticket.read` alone, and with personal data. */
export const A = {
  ...serviceDeskActors,
  reader: { id: 'qa-dora', roles: ['quality'], permissions: ['ticket.read'] } satisfies ActorInput,
  personalReader: {
    id: 'dpo-erik',
    roles: ['privacy'],
    permissions: ['ticket.read', 'customer.read_personal'],
  } satisfies ActorInput,
};
/** Monday 2 March 2026, 09:00 in Budapest. */
export const START = '2026-03-02T08:00:00.000Z';
export const MIN = 60_000;
export const H = 3_600_000;
export const DAY = 24 * H;

/** The case registrar of one run of the ticket suite: a fresh store, two customers, the policy saved. */
export function ticketSuiteCase(options: TicketSuiteOptions): TicketTest {
  return (name, title, body, timeout) =>
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
        const get = (id: string) => tickets.getTicket({ actor: A.supervisor, id });
        return { store, raw, inspector, clock, tickets, contacts, refused, open, get };
      },
      body,
      timeout,
    );
}
