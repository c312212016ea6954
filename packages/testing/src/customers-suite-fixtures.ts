import type { Actor, FixedClock, PersonalDataSource } from '@frontline/core';
import {
  type CollectionDefinition,
  createSequentialIds,
  defineCollection,
  EntityId,
  parseInput,
  type Store,
} from '@frontline/core';
import type { RegisterCustomerInput } from '@frontline/core/service-desk';
import {
  actorFor,
  Customer,
  type CustomerService,
  createCustomerService,
} from '@frontline/core/service-desk';
import { ConsentCollection, CustomerCollection } from '@frontline/core/storage';
import { z } from 'zod';
import { expect } from './runner';
import type { RawInspector, StoreConformanceOptions } from './store-conformance-options';
import { snapshotCollections, suiteCase } from './suite-harness';

/** Marks the promises of a call list as handled (see the agent suite's `quiet`). */
export { quiet } from './agents-suite-fixtures';

/**
 * What a domain suite needs from an adapter — the same shape as {@link StoreConformanceOptions}: a name, a
 * fresh store per test, optional raw read-back and clean-up.
 * @category Testing
 */
export type DomainSuiteOptions = Pick<StoreConformanceOptions, 'name' | 'createStore' | 'dispose' | 'raw'>;

/**
 * A valid customer (Kiss Anna, with a phone, an e-mail and a Budapest address), for tests of pure rules;
 * `overrides` replace fields before validation.
 * @category Testing
 */
export function sampleCustomer(overrides: Record<string, unknown> = {}): Customer {
  return parseInput(Customer, {
    id: 'cust-1',
    kind: 'person',
    status: 'active',
    familyName: 'Kiss',
    givenNames: ['Anna', 'Mária'],
    contactPoints: [
      { id: 'cp-1', kind: 'phone', value: '06 30 123 4567', use: 'private' },
      { id: 'cp-2', kind: 'email', value: 'kiss.anna@example.hu' },
      {
        id: 'cp-3',
        kind: 'postal',
        address: { lines: ['Kossuth Lajos tér 1.'], locality: 'Budapest', postalCode: '1055', country: 'HU' },
      },
    ],
    preferredChannel: 'email',
    locale: 'hu',
    timeZone: 'Europe/Budapest',
    birthDate: '1985-04-12',
    segmentTags: ['vip'],
    consentState: [],
    customerSince: '2020-02-29',
    externalRef: 'U-1001',
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-01-05T08:00:00Z',
    ...overrides,
  });
}

/** A note another area keeps on a customer: what the suite's personal-data source exports and erases. */
const SuiteNote = z.object({
  id: EntityId,
  customerId: EntityId,
  text: z.string(),
  complaint: z.boolean(),
});
type SuiteNote = z.infer<typeof SuiteNote>;
export const SuiteNotes = defineCollection<SuiteNote>({
  name: 'suite_customer_notes',
  schema: SuiteNote,
  indexes: { customer_id: { key: (n) => n.customerId } },
});

async function notesOf(tx: Store, customerId: string): Promise<SuiteNote[]> {
  const out: SuiteNote[] = [];
  for await (const row of tx.repository(SuiteNotes).query({ index: 'customer_id', equals: customerId })) {
    out.push(row.data);
  }
  return out;
}

/** Anonymises plain notes, keeps complaint notes (Fgytv. 17/A. § (7)) — the way a real area would. */
export const notesSource: PersonalDataSource = {
  name: 'notes',
  export: async (customerId, tx) => notesOf(tx, customerId),
  erase: async (customerId, tx) => {
    const repo = tx.repository(SuiteNotes);
    let anonymised = 0;
    let kept = 0;
    for (const note of await notesOf(tx, customerId)) {
      if (note.complaint) {
        kept++;
        continue;
      }
      const current = await repo.get(note.id);
      await repo.update({ ...note, text: '[erased]' }, current.version);
      anonymised++;
    }
    return {
      anonymised,
      retained:
        kept > 0
          ? [{ what: 'complaint notes', count: kept, basis: 'Fgytv. 17/A. § (7)', until: '2031-03-02' }]
          : [],
    };
  },
};

export const brokenSource: PersonalDataSource = {
  name: 'broken',
  export: async () => {
    throw new Error('disk full');
  },
  erase: async () => {
    throw new Error('disk full');
  },
};

function agentActor(id: string, roleIds: string[]): Actor {
  const at = new Date('2026-01-01T00:00:00Z');
  return actorFor({
    id,
    name: id,
    email: `${id}@example.hu`,
    roleIds,
    active: true,
    createdAt: at,
    updatedAt: at,
  });
}

/** Awaits `promise` and expects it to fail with a `FrontlineError` of `code` (the one helper of the suites). */
export { expectFrontlineError as expectCode } from './interactions-suite-fixtures';

export interface CustomerSuiteContext {
  store: Store;
  clock: FixedClock;
  raw: RawInspector | undefined;
  customers: CustomerService;
  unchanged: () => Promise<() => Promise<void>>;
}

export const operator = agentActor('op-1', ['operator_l1']);
export const specialist = agentActor('sp-1', ['specialist_l2']);
export const officer = agentActor('ro-1', ['records_officer']);
export const admin = agentActor('ad-1', ['admin']);
export const nobody: Actor = { id: 'nobody', roles: [], permissions: [] };

export const anna: Omit<RegisterCustomerInput, 'actor'> = {
  familyName: 'Kiss',
  givenNames: ['Anna'],
  contactPoints: [
    { kind: 'phone', value: '06 30 123 4567' },
    { kind: 'email', value: 'Kiss.Anna@Example.HU' },
    {
      kind: 'postal',
      address: { lines: ['Kossuth Lajos tér 1.'], locality: 'Budapest', postalCode: '1055', country: 'HU' },
    },
  ],
  preferredChannel: 'email',
  birthDate: '1985-04-12',
  segmentTags: ['vip'],
  externalRef: 'U-1001',
};

/** Strings that must never appear in an audit entry or outbox message about Anna. */
export const annasPersonalData = ['Kiss', 'Anna', '1234567', 'kiss.anna', 'Kossuth', '1985-04-12'];

/** The audit trail as text: each entry's type and payload (what an outbox message carries too). */
export async function auditText(store: Store): Promise<string> {
  const entries: unknown[] = [];
  for await (const entry of store.audit.read()) entries.push({ type: entry.type, payload: entry.payload });
  return JSON.stringify(entries);
}

/** A test of the customer suite: a title and a body run on a fresh store with the service and its helpers. */
export type CustomerSuiteTest = (title: string, body: (ctx: CustomerSuiteContext) => Promise<void>) => void;

/** The suite's test registrar: each test on a fresh store at 2026-03-02 08:00 UTC, with the notes source. */
export function customerSuiteCase(options: DomainSuiteOptions): CustomerSuiteTest {
  return (title, body) =>
    suiteCase(
      options,
      undefined,
      title,
      '2026-03-02T08:00:00.000Z',
      async ({ store, clock, raw }) => {
        const collections = [
          CustomerCollection,
          ConsentCollection,
          SuiteNotes,
        ] as unknown as CollectionDefinition<{
          id: string;
        }>[];
        const customers = createCustomerService({
          store,
          clock,
          ids: createSequentialIds('s'),
          personalDataSources: [notesSource],
        });
        const unchanged = async () => {
          const before = await snapshotCollections(store, collections, raw);
          return async () => expect(await snapshotCollections(store, collections, raw)).toEqual(before);
        };
        return { store, clock, raw, customers, unchanged };
      },
      body,
    );
}
