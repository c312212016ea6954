import { describe, expect } from 'vitest';
import { z } from 'zod';
import { actorFor } from '../agents/actor-for';
import { consentStatus } from '../customers/consent';
import { Customer } from '../customers/customer.schema';
import { ConsentCollection, CustomerCollection } from '../customers/customer-collections';
import type { RegisterCustomerInput } from '../customers/customer-inputs';
import { type CustomerService, createCustomerService } from '../customers/customer-service';
import type { PersonalDataSource } from '../customers/personal-data-source';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import type { FixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { type CollectionDefinition, defineCollection, type Store } from '../ports/storage';
import type { RawInspector, StoreConformanceOptions } from './store-conformance';
import { snapshotCollections, suiteCase } from './suite-harness';

/**
 * Marks the promises in a list (or in the first slot of list entries) as handled, so a call list built up
 * front and awaited one by one raises no "unhandled rejection" while an earlier entry is still awaited.
 */
function quiet<T extends readonly unknown[]>(items: T): T {
  for (const item of items) {
    const p = Array.isArray(item) ? item[0] : item;
    if (p instanceof Promise) p.catch(() => undefined);
  }
  return items;
}

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
const SuiteNotes = defineCollection<SuiteNote>({
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
const notesSource: PersonalDataSource = {
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

const brokenSource: PersonalDataSource = {
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

async function expectCode(promise: Promise<unknown>, code: string): Promise<FrontlineError> {
  try {
    await promise;
  } catch (error) {
    expect(FrontlineError.is(error), `expected a FrontlineError, got ${String(error)}`).toBe(true);
    expect((error as FrontlineError).code).toBe(code);
    return error as FrontlineError;
  }
  throw new Error(`expected the call to fail with ${code}, but it succeeded`);
}

interface Ctx {
  store: Store;
  clock: FixedClock;
  raw: RawInspector | undefined;
  customers: CustomerService;
  unchanged: () => Promise<() => Promise<void>>;
}

const operator = agentActor('op-1', ['operator_l1']);
const specialist = agentActor('sp-1', ['specialist_l2']);
const officer = agentActor('ro-1', ['records_officer']);
const admin = agentActor('ad-1', ['admin']);
const nobody: Actor = { id: 'nobody', roles: [], permissions: [] };

const anna: Omit<RegisterCustomerInput, 'actor'> = {
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
const annasPersonalData = ['Kiss', 'Anna', '1234567', 'kiss.anna', 'Kossuth', '1985-04-12'];

/** The audit trail as text: each entry's type and payload (what an outbox message carries too). */
async function auditText(store: Store): Promise<string> {
  const entries: unknown[] = [];
  for await (const entry of store.audit.read()) entries.push({ type: entry.type, payload: entry.payload });
  return JSON.stringify(entries);
}

/**
 * The customer-service suite: registers vitest tests that run the customer service (CS-7) on an adapter —
 * registration with E.164 phones, caller ID and the other index lookups, masking per permission, optimistic
 * updates, contact points, append-only consents, data-subject export and erasure with a personal-data source —
 * and its failures (unknown customer, invalid phone, missing permission, stale version, a failing source),
 * each checked to leave every row, the audit chain and the outbox as they were.
 * @example
 * import { runCustomerSuite } from '@frontline/core/testing';
 * runCustomerSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runCustomerSuite(options: DomainSuiteOptions): void {
  const test = (title: string, body: (ctx: Ctx) => Promise<void>) =>
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

  describe(`customer service: ${options.name}`, () => {
    test('registers a customer with phones in E.164 and finds it by caller ID, masked per actor', async (ctx) => {
      const { customers, store, raw } = ctx;
      const { customer, version, events } = await customers.registerCustomer({ actor: operator, ...anna });
      expect(version).toBe(1);
      expect(customer).toMatchObject({
        kind: 'person',
        status: 'active',
        familyName: 'Kiss',
        displayName: 'Kiss Anna',
        customerSince: '2026-03-02',
        locale: 'hu',
        timeZone: 'Europe/Budapest',
        masked: true,
        birthDate: '****-**-**',
      });
      expect(customer.contactPoints.map((p) => (p.kind === 'postal' ? p.address.lines : p.value))).toEqual([
        '+36 30 *** **67',
        'K***@example.hu',
        ['***'],
      ]);
      const stored = await store.repository(CustomerCollection).get(customer.id);
      expect(stored.data.contactPoints[0]).toMatchObject({ kind: 'phone', value: '+36301234567' });
      if (raw) {
        const row = await raw.readEntity('customers', customer.id);
        expect(row?.version).toBe(1);
        expect(JSON.stringify(row?.data)).toContain('+36301234567');
      }
      const forOperator = await customers.findCustomersByPhone({ actor: operator, phone: '+36 30 123 4567' });
      expect(forOperator.map((r) => [r.customer.id, r.version, r.customer.masked])).toEqual([
        [customer.id, 1, true],
      ]);
      const forSpecialist = await customers.findCustomersByPhone({ actor: specialist, phone: '06301234567' });
      expect(forSpecialist[0]?.customer).toMatchObject({ masked: false, birthDate: '1985-04-12' });
      expect(forSpecialist[0]?.customer.contactPoints[1]).toMatchObject({ value: 'Kiss.Anna@example.hu' });
      expect(await customers.findCustomersByPhone({ actor: operator, phone: '+36 30 765 4321' })).toEqual([]);
      expect(
        (await customers.getCustomer({ actor: specialist, customerId: customer.id })).customer.masked,
      ).toBe(false);
      expect(events.map((e) => e.type)).toEqual(['customer.registered']);
      expect((await store.audit.head())?.seq).toBe(1);
      expect((await store.outbox.stats()).pending).toBe(1);
      const audit = await auditText(store);
      for (const secret of annasPersonalData) expect(audit).not.toContain(secret);
    });

    test('looks customers up by shared phone, e-mail, birth month-day and segment through the indexes', async (ctx) => {
      const { customers, store } = ctx;
      const a = await customers.registerCustomer({
        actor: operator,
        ...anna,
        contactPoints: [
          ...(anna.contactPoints ?? []),
          { kind: 'phone', value: '+36 1 234 5678', use: 'private' },
        ],
      });
      const b = await customers.registerCustomer({
        actor: operator,
        familyName: 'Kiss',
        givenNames: ['Béla'],
        birthDate: '1990-04-12',
        contactPoints: [{ kind: 'phone', value: '06 1 234 5678' }],
      });
      const firm = await customers.registerCustomer({
        actor: operator,
        kind: 'organisation',
        organisationName: 'Példa Kft.',
        taxNumber: '12345678-2-41',
        segmentTags: ['b2b'],
        contactPoints: [{ kind: 'email', value: 'info@pelda.hu', use: 'billing' }],
      });
      const ids = (rows: { customer: { id: string } }[]) => rows.map((r) => r.customer.id).sort();
      expect(ids(await customers.findCustomersByPhone({ actor: operator, phone: '+3612345678' }))).toEqual(
        [a.customer.id, b.customer.id].sort(),
      );
      expect(
        (await customers.findCustomersByPhone({ actor: operator, phone: '+3612345678', limit: 1 })).length,
      ).toBe(1);
      expect(
        ids(await customers.findCustomersByEmail({ actor: operator, email: 'KISS.ANNA@example.hu' })),
      ).toEqual([a.customer.id]);
      expect(ids(await customers.findCustomersByEmail({ actor: operator, email: 'info@PELDA.hu' }))).toEqual([
        firm.customer.id,
      ]);
      const repo = store.repository(CustomerCollection);
      const keys = async (index: string, equals: string) => {
        const out: string[] = [];
        for await (const row of repo.query({ index, equals })) out.push(row.data.id);
        return out.sort();
      };
      expect(await keys('birth_month_day', '04-12')).toEqual([a.customer.id, b.customer.id].sort());
      expect(await keys('segment', 'vip')).toEqual([a.customer.id]);
      expect(await keys('segment', 'b2b')).toEqual([firm.customer.id]);
      expect(await keys('external_ref', 'U-1001')).toEqual([a.customer.id]);
      expect(firm.customer.displayName).toBe('Példa Kft.');
    });

    test('updates against the version it was read at; a stale version is CONFLICT and stores nothing', async (ctx) => {
      const { customers, store, unchanged } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      ctx.clock.advance(60_000);
      const updated = await customers.updateCustomer({
        actor: specialist,
        customerId: customer.id,
        expectedVersion: 1,
        changes: { givenNames: ['Anna', 'Mária'], birthDate: null, segmentTags: [], locale: 'en' },
      });
      expect(updated.version).toBe(2);
      expect(updated.customer).toMatchObject({
        givenNames: ['Anna', 'Mária'],
        displayName: 'Anna Mária Kiss',
      });
      expect(updated.customer.birthDate).toBeUndefined();
      expect(updated.customer.updatedAt).toEqual(new Date('2026-03-02T08:01:00.000Z'));
      expect(updated.events).toEqual([
        {
          type: 'customer.updated',
          entityType: 'customer',
          entityId: customer.id,
          payload: { fields: ['birthDate', 'givenNames', 'locale', 'segmentTags'] },
        },
      ]);
      expect(
        await store.repository(CustomerCollection).count({ index: 'birth_month_day', equals: '04-12' }),
      ).toBe(0);
      const check = await unchanged();
      const stale = await expectCode(
        customers.updateCustomer({
          actor: operator,
          customerId: customer.id,
          expectedVersion: 1,
          changes: { familyName: 'Nagy' },
        }),
        'CONFLICT',
      );
      expect(stale.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      const invalid = await expectCode(
        customers.updateCustomer({
          actor: operator,
          customerId: customer.id,
          expectedVersion: 2,
          changes: { organisationName: 'Példa Kft.' },
        }),
        'VALIDATION',
      );
      expect(JSON.stringify(invalid.details.issues)).toContain('"changes","organisationName"');
      await expectCode(
        customers.updateCustomer({
          actor: operator,
          customerId: customer.id,
          expectedVersion: 2,
          changes: { birthDate: '2099-01-01' },
        }),
        'VALIDATION',
      );
      const same = await customers.updateCustomer({
        actor: operator,
        customerId: customer.id,
        expectedVersion: 2,
        changes: { familyName: 'Kiss' },
      });
      expect([same.version, same.events]).toEqual([2, []]);
      await check();
    });

    test('adds and removes contact points; removing the last e-mail clears an e-mail preference', async (ctx) => {
      const { customers, unchanged } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      const added = await customers.addContactPoint({
        actor: operator,
        customerId: customer.id,
        contactPoint: { kind: 'phone', value: '06 20 111 2222', use: 'work' },
        expectedVersion: 1,
      });
      expect(added.version).toBe(2);
      expect(added.customer.contactPoints).toHaveLength(4);
      const newPoint = added.customer.contactPoints[3]!;
      expect(added.events).toEqual([
        {
          type: 'customer.contact_point_added',
          entityType: 'customer',
          entityId: customer.id,
          payload: { contactPointId: newPoint.id, kind: 'phone' },
        },
      ]);
      expect(
        (await customers.findCustomersByPhone({ actor: operator, phone: '+36201112222' })).map(
          (r) => r.customer.id,
        ),
      ).toEqual([customer.id]);
      const check = await unchanged();
      await expectCode(
        customers.addContactPoint({
          actor: operator,
          customerId: customer.id,
          contactPoint: { kind: 'phone', value: '+36 20 111 2222' },
        }),
        'CONFLICT',
      );
      await expectCode(
        customers.addContactPoint({
          actor: operator,
          customerId: customer.id,
          contactPoint: { kind: 'email', value: 'new@example.hu' },
          expectedVersion: 1,
        }),
        'CONFLICT',
      );
      await expectCode(
        customers.removeContactPoint({
          actor: operator,
          customerId: customer.id,
          contactPointId: 'no-such-point',
        }),
        'NOT_FOUND',
      );
      await check();
      const email = added.customer.contactPoints.find((p) => p.kind === 'email')!;
      const removed = await customers.removeContactPoint({
        actor: operator,
        customerId: customer.id,
        contactPointId: email.id,
      });
      expect(removed.customer.preferredChannel).toBeUndefined();
      expect(removed.customer.contactPoints.map((p) => p.kind)).toEqual(['phone', 'postal', 'phone']);
      expect(removed.events[0]?.payload).toEqual({
        contactPointId: email.id,
        kind: 'email',
        preferredChannelCleared: true,
      });
      expect(
        await customers.findCustomersByEmail({ actor: operator, email: 'kiss.anna@example.hu' }),
      ).toEqual([]);
    });

    test('records and withdraws consents append-only; the latest statement decides', async (ctx) => {
      const { customers, store, clock, unchanged } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      const granted = await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'email',
        source: 'call',
        evidenceRef: 'rec-2026-0001',
      });
      expect(granted.status).toMatchObject({ allowed: true, state: 'granted', recordId: granted.consent.id });
      expect(granted.consent).toMatchObject({
        customerId: customer.id,
        action: 'granted',
        at: new Date('2026-03-02T08:00:00.000Z'),
        recordedBy: 'op-1',
        source: 'call',
      });
      clock.advance(3_600_000);
      const withdrawn = await customers.withdrawConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'email',
        source: 'web-form',
      });
      expect(withdrawn.status).toMatchObject({ allowed: false, state: 'withdrawn' });
      clock.advance(3_600_000);
      // a paper form signed before the withdrawal, entered after it, does not revive the consent
      const late = await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'email',
        at: '2026-03-02T07:00:00Z',
        source: 'paper',
        evidenceRef: 'IKT-2026/77',
      });
      expect(late.status.state).toBe('withdrawn');
      await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'service',
        channel: 'phone',
        source: 'call',
      });
      const history = await customers.getConsentHistory({ actor: operator, customerId: customer.id });
      expect(history.map((h) => [h.purpose, h.action, h.source])).toEqual([
        ['marketing', 'granted', 'paper'],
        ['marketing', 'granted', 'call'],
        ['marketing', 'withdrawn', 'web-form'],
        ['service', 'granted', 'call'],
      ]);
      expect(consentStatus(history, 'marketing', 'email', '2026-03-02T08:30:00Z').allowed).toBe(true);
      expect(consentStatus(history, 'marketing', 'email', '2026-03-02T10:00:00Z').allowed).toBe(false);
      for await (const row of store.repository(ConsentCollection).scan()) expect(row.version).toBe(1);
      const current = await customers.getCustomer({ actor: operator, customerId: customer.id });
      expect(current.customer.consentState.map((e) => [e.purpose, e.channel, e.state]).sort()).toEqual([
        ['marketing', 'email', 'withdrawn'],
        ['service', 'phone', 'granted'],
      ]);
      const check = await unchanged();
      const future = await expectCode(
        customers.recordConsent({
          actor: operator,
          customerId: customer.id,
          purpose: 'profiling',
          channel: 'email',
          at: '2026-03-03T00:00:00Z',
          source: 'web-form',
        }),
        'VALIDATION',
      );
      expect(JSON.stringify(future.details.issues)).toContain('["at"]');
      await check();
      const audit = await auditText(store);
      expect(audit).toContain('consent.');
      for (const secret of annasPersonalData) expect(audit).not.toContain(secret);
    });

    test('refuses an unknown customer as NOT_FOUND in every command and query, storing nothing', async (ctx) => {
      const { customers, unchanged } = ctx;
      await customers.registerCustomer({ actor: operator, ...anna });
      const check = await unchanged();
      const customerId = 'no-such-customer';
      const calls: Promise<unknown>[] = quiet([
        customers.getCustomer({ actor: operator, customerId }),
        customers.updateCustomer({
          actor: operator,
          customerId,
          expectedVersion: 1,
          changes: { familyName: 'X' },
        }),
        customers.addContactPoint({
          actor: operator,
          customerId,
          contactPoint: { kind: 'email', value: 'a@b.hu' },
        }),
        customers.removeContactPoint({ actor: operator, customerId, contactPointId: 'cp' }),
        customers.recordConsent({
          actor: operator,
          customerId,
          purpose: 'service',
          channel: 'sms',
          source: 'call',
        }),
        customers.withdrawConsent({
          actor: operator,
          customerId,
          purpose: 'service',
          channel: 'sms',
          source: 'call',
        }),
        customers.getConsentHistory({ actor: operator, customerId }),
        customers.exportPersonalData({ actor: officer, customerId }),
        customers.eraseCustomer({ actor: officer, customerId }),
      ]);
      for (const call of calls) {
        const error = await expectCode(call, 'NOT_FOUND');
        expect(error.details).toMatchObject({ entity: 'customer', id: customerId });
      }
      await check();
    });

    test('refuses an invalid phone number as VALIDATION naming its path, storing nothing', async (ctx) => {
      const { customers, unchanged } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      const check = await unchanged();
      const paths = async (call: Promise<unknown>) =>
        ((await expectCode(call, 'VALIDATION')).details.issues as { path: unknown[] }[]).map((i) => i.path);
      expect(
        await paths(
          customers.registerCustomer({
            actor: operator,
            familyName: 'Nagy',
            contactPoints: [
              { kind: 'email', value: 'nagy@example.hu' },
              { kind: 'phone', value: '06 30 123' },
            ],
          }),
        ),
      ).toEqual([['contactPoints', 1, 'value']]);
      expect(
        await paths(
          customers.addContactPoint({
            actor: operator,
            customerId: customer.id,
            contactPoint: { kind: 'phone', value: '06 99 123 4567' },
          }),
        ),
      ).toEqual([['contactPoint', 'value']]);
      expect(await paths(customers.findCustomersByPhone({ actor: operator, phone: 'call me' }))).toEqual([
        ['phone'],
      ]);
      await check();
    });

    test('refuses an actor without the permission as FORBIDDEN in every command, storing nothing', async (ctx) => {
      const { customers, unchanged } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      const check = await unchanged();
      const customerId = customer.id;
      const refused: [Promise<unknown>, string][] = [
        [customers.registerCustomer({ actor: admin, ...anna, externalRef: 'U-2' }), 'customer.write'],
        [
          customers.updateCustomer({
            actor: admin,
            customerId,
            expectedVersion: 1,
            changes: { familyName: 'X' },
          }),
          'customer.write',
        ],
        [
          customers.addContactPoint({
            actor: admin,
            customerId,
            contactPoint: { kind: 'email', value: 'a@b.hu' },
          }),
          'customer.write',
        ],
        [customers.removeContactPoint({ actor: admin, customerId, contactPointId: 'cp' }), 'customer.write'],
        [
          customers.recordConsent({
            actor: admin,
            customerId,
            purpose: 'service',
            channel: 'sms',
            source: 'call',
          }),
          'consent.write',
        ],
        [
          customers.withdrawConsent({
            actor: admin,
            customerId,
            purpose: 'service',
            channel: 'sms',
            source: 'call',
          }),
          'consent.write',
        ],
        [customers.getCustomer({ actor: nobody, customerId }), 'customer.read'],
        [customers.findCustomersByPhone({ actor: nobody, phone: '+36301234567' }), 'customer.read'],
        [customers.findCustomersByEmail({ actor: nobody, email: 'kiss.anna@example.hu' }), 'customer.read'],
        [customers.getConsentHistory({ actor: nobody, customerId }), 'customer.read'],
        [customers.exportPersonalData({ actor: specialist, customerId }), 'customer.export'],
        [customers.eraseCustomer({ actor: specialist, customerId }), 'customer.erase'],
      ];
      for (const [call, permission] of refused) {
        const error = await expectCode(call, 'FORBIDDEN');
        expect(error.details).toMatchObject({ permission });
      }
      await check();
    });

    test('exports everything held on the data subject as JSON, from every registered source', async (ctx) => {
      const { customers, store } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'sms',
        source: 'web-form',
      });
      await store
        .repository(SuiteNotes)
        .insert({ id: 'n1', customerId: customer.id, text: 'asked about tariffs', complaint: false });
      const headBefore = (await store.audit.head())?.seq ?? 0;
      const { export: document, events } = await customers.exportPersonalData({
        actor: officer,
        customerId: customer.id,
      });
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
      expect(document).toMatchObject({
        format: 'frontline.personal-data-export/1',
        exportedAt: '2026-03-02T08:00:00.000Z',
        customerId: customer.id,
        customer: { familyName: 'Kiss', birthDate: '1985-04-12', externalRef: 'U-1001' },
        sources: { notes: [{ id: 'n1', text: 'asked about tariffs' }] },
      });
      expect(JSON.stringify(document.customer)).toContain('+36301234567');
      expect(document.consentHistory).toEqual([
        expect.objectContaining({
          purpose: 'marketing',
          channel: 'sms',
          action: 'granted',
          source: 'web-form',
        }),
      ]);
      expect(document.auditTrail.map((e) => e.type)).toEqual(['customer.registered', 'consent.granted']);
      expect(JSON.stringify(document.auditTrail)).not.toContain('op-1');
      expect(events.map((e) => e.type)).toEqual(['customer.personal_data_exported']);
      expect((await store.audit.head())?.seq).toBe(headBefore + 1);
    });

    test('erases a data subject: blanks personal data, keeps a restricted stub and the consent proofs', async (ctx) => {
      const { customers, store } = ctx;
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      const other = await customers.registerCustomer({
        actor: operator,
        familyName: 'Nagy',
        contactPoints: [{ kind: 'phone', value: '06 30 123 4567' }],
      });
      await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'email',
        source: 'web-form',
      });
      await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'profiling',
        channel: 'email',
        source: 'web-form',
      });
      await customers.withdrawConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'profiling',
        channel: 'email',
        source: 'call',
      });
      const notes = store.repository(SuiteNotes);
      await notes.insert({ id: 'n1', customerId: customer.id, text: 'wants a callback', complaint: false });
      await notes.insert({
        id: 'n2',
        customerId: customer.id,
        text: 'complaint about the bill',
        complaint: true,
      });
      ctx.clock.advance(3_600_000);
      const erased = await customers.eraseCustomer({
        actor: officer,
        customerId: customer.id,
        requestRef: 'DPO-2026/12',
      });
      expect(erased.customer).toMatchObject({
        id: customer.id,
        status: 'erased',
        displayName: 'Törölt ügyfél',
        givenNames: [],
        contactPoints: [],
        segmentTags: [],
        consentState: [],
        externalRef: 'U-1001',
        customerSince: '2026-03-02',
        erasure: {
          at: new Date('2026-03-02T09:00:00.000Z'),
          retainUntil: '2034-03-02',
          consentsRetainUntil: '2031-03-02',
        },
      });
      expect(erased.customer.familyName).toBeUndefined();
      expect(erased.customer.birthDate).toBeUndefined();
      expect(erased.report).toMatchObject({
        customerId: customer.id,
        withdrawnConsents: 1,
        sources: [
          {
            name: 'notes',
            anonymised: 1,
            retained: [
              { what: 'complaint notes', count: 1, basis: 'Fgytv. 17/A. § (7)', until: '2031-03-02' },
            ],
          },
        ],
      });
      expect(erased.report.blanked).toEqual(
        expect.arrayContaining(['familyName', 'birthDate', 'contactPoints']),
      );
      expect(erased.report.kept.map((k) => k.until)).toEqual(['2034-03-02', '2031-03-02']);
      expect(erased.events.map((e) => e.type)).toEqual(['consent.withdrawn', 'customer.erased']);
      expect((await notes.get('n1')).data.text).toBe('[erased]');
      expect((await notes.get('n2')).data.text).toBe('complaint about the bill');
      // the caller-ID, e-mail, birthday and segment indexes no longer lead to the person
      expect(
        (await customers.findCustomersByPhone({ actor: operator, phone: '+36301234567' })).map(
          (r) => r.customer.id,
        ),
      ).toEqual([other.customer.id]);
      expect(
        await customers.findCustomersByEmail({ actor: operator, email: 'kiss.anna@example.hu' }),
      ).toEqual([]);
      const repo = store.repository(CustomerCollection);
      expect(await repo.count({ index: 'birth_month_day', equals: '04-12' })).toBe(0);
      expect(await repo.count({ index: 'segment', equals: 'vip' })).toBe(0);
      expect(await repo.count({ index: 'retain_until', from: '2034-01-01', to: '2035-01-01' })).toBe(1);
      // the consent proofs stay, ending with the erasure's withdrawal
      const history = await customers.getConsentHistory({ actor: officer, customerId: customer.id });
      expect(history.map((h) => [h.purpose, h.action, h.source])).toEqual([
        ['marketing', 'granted', 'web-form'],
        ['profiling', 'granted', 'web-form'],
        ['profiling', 'withdrawn', 'call'],
        ['marketing', 'withdrawn', 'erasure'],
      ]);
      expect(history[3]?.evidenceRef).toBe('DPO-2026/12');
      expect(consentStatus(history, 'marketing', 'email', '2026-03-02T10:00:00Z').allowed).toBe(false);
      // a stub is restricted: no further processing
      await expectCode(
        customers.eraseCustomer({ actor: officer, customerId: customer.id }),
        'INVALID_TRANSITION',
      );
      await expectCode(
        customers.updateCustomer({
          actor: operator,
          customerId: customer.id,
          expectedVersion: erased.version,
          changes: { familyName: 'Kiss' },
        }),
        'INVALID_TRANSITION',
      );
      await expectCode(
        customers.recordConsent({
          actor: operator,
          customerId: customer.id,
          purpose: 'marketing',
          channel: 'email',
          source: 'call',
        }),
        'INVALID_TRANSITION',
      );
      const exported = await customers.exportPersonalData({ actor: officer, customerId: customer.id });
      expect(JSON.stringify(exported.export.customer)).not.toMatch(/Kiss|1234567|1985/);
      const audit = await auditText(store);
      for (const secret of annasPersonalData) expect(audit).not.toContain(secret);
    });

    test('an erasure that a personal-data source cannot complete changes nothing', async (ctx) => {
      const { store, clock, unchanged } = ctx;
      const customers = createCustomerService({
        store,
        clock,
        ids: createSequentialIds('b'),
        personalDataSources: [notesSource, brokenSource],
      });
      const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
      await customers.recordConsent({
        actor: operator,
        customerId: customer.id,
        purpose: 'marketing',
        channel: 'email',
        source: 'web-form',
      });
      await store
        .repository(SuiteNotes)
        .insert({ id: 'n1', customerId: customer.id, text: 'note', complaint: false });
      const check = await unchanged();
      const error = await expectCode(
        customers.eraseCustomer({ actor: officer, customerId: customer.id }),
        'STORAGE',
      );
      expect(error.details).toMatchObject({ source: 'broken', action: 'erase' });
      await expectCode(customers.exportPersonalData({ actor: officer, customerId: customer.id }), 'STORAGE');
      await check();
      expect(
        (await customers.getCustomer({ actor: operator, customerId: customer.id })).customer.status,
      ).toBe('active');
    });

    test('keeps the customer number unique: a second registration with it is CONFLICT', async (ctx) => {
      const { customers, unchanged } = ctx;
      await customers.registerCustomer({ actor: operator, ...anna });
      const check = await unchanged();
      await expectCode(
        customers.registerCustomer({ actor: operator, familyName: 'Nagy', externalRef: 'U-1001' }),
        'CONFLICT',
      );
      await check();
    });

    test('turns garbage input to every method into a FrontlineError, storing nothing', async (ctx) => {
      const { customers, unchanged } = ctx;
      await customers.registerCustomer({ actor: operator, ...anna });
      const check = await unchanged();
      const garbage: unknown[] = [
        undefined,
        null,
        0,
        Number.NaN,
        '',
        'customer',
        [],
        {},
        { actor: null },
        { actor: operator, customerId: 42 },
        { actor: { id: '', permissions: 'all' }, customerId: 's-000001' },
        { actor: operator, customerId: 's-000001', expectedVersion: -1, changes: [] },
        { actor: operator, customerId: 's-000001', contactPoint: { kind: 'phone', value: {} } },
        {
          actor: operator,
          customerId: '../../etc/passwd',
          purpose: 'marketing',
          channel: 'email',
          source: 'call',
        },
        Object.create(null),
        new Date(Number.NaN),
      ];
      const methods = Object.entries(customers) as [string, (input: unknown) => Promise<unknown>][];
      for (const [name, method] of methods) {
        for (const [i, input] of garbage.entries()) {
          try {
            await method(input); // a query may well accept some of it; a command must not store anything
          } catch (error) {
            expect(FrontlineError.is(error), `${name}(garbage #${i}) threw ${String(error)}`).toBe(true);
          }
        }
      }
      await check();
    });
  });
}
