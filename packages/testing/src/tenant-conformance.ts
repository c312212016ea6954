import type { CollectionDefinition, FixedClock, Store, Stored } from '@frontline/core';
import { createAuditLog, createFrontline, FrontlineError, verifyAuditChain } from '@frontline/core';
import { serviceDesk } from '@frontline/core/service-desk';
import { CustomerCollection } from '@frontline/core/storage';
import { ConformanceThings, thing } from './conformance-fixtures';
import { dpo, person, seedDataSubject } from './personal-data-scenario';
import { describe, expect } from './runner';
import { type SuiteHooks, suiteCase } from './suite-harness';

/** The names of the tenant suite's tests, for `skip`. */
export type TenantConformanceTest =
  | 'tenant-entities'
  | 'tenant-unique-keys'
  | 'tenant-outbox'
  | 'tenant-audit'
  | 'tenant-transactions'
  | 'tenant-erasure'
  | 'tenant-composition-root';

/** What the tenant suite needs from an adapter (the same hooks as the storage suite). */
export interface TenantConformanceOptions extends SuiteHooks<TenantConformanceTest> {
  name: string;
}

const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
};
const idsOf = (rows: Stored<{ id: string }>[]) => rows.map((r) => r.data.id);

async function expectCode(
  promise: Promise<unknown> | (() => unknown),
  code: string,
): Promise<FrontlineError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(FrontlineError.is(caught), `expected a FrontlineError ${code}, got ${String(caught)}`).toBe(true);
  expect((caught as FrontlineError).code, (caught as Error).message).toBe(code);
  return caught as FrontlineError;
}

/**
 * The tenant suite: registers tests proving that a store scoped with `forTenant` never sees, counts, claims or
 * erases another tenant's data — entities, index keys, unique keys, outbox messages, audit chains — that a
 * transaction belongs to one tenant, and that the composition root runs per tenant. Two tenants use the same ids
 * throughout, so a missing tenant filter anywhere shows up as a wrong row, not as a lucky miss.
 * @example
 * runTenantConformance({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runTenantConformance(options: TenantConformanceOptions): void {
  const test = (
    name: TenantConformanceTest,
    title: string,
    body: (ctx: { store: Store; clock: FixedClock }) => Promise<void>,
  ) => suiteCase(options, name, title, '2026-03-02T08:00:00.000Z', (base) => base, body, 60_000);

  describe(`tenant conformance: ${options.name}`, () => {
    test(
      'tenant-entities',
      'keeps two tenants’ entities apart under the same ids: get, find, query, scan, count, update and delete',
      async ({ store }) => {
        expect(store.tenant).toBe('default');
        const acme = store.forTenant('acme');
        const globex = store.forTenant('globex');
        expect(acme.tenant).toBe('acme');
        expect(store.forTenant('default').tenant).toBe('default');
        const plan = [ConformanceThings] as unknown as CollectionDefinition<{ id: string }>[];
        await acme.registerCollections(plan);
        await globex.registerCollections(plan);
        const a = acme.repository(ConformanceThings);
        const g = globex.repository(ConformanceThings);
        await a.insert(thing('t1', { owner: 'shared', score: 1, tags: ['x'] }));
        await a.insert(thing('t2', { owner: 'shared', score: 2 }));
        await g.insert(thing('t1', { owner: 'shared', score: 100, tags: ['x'] }));

        expect((await a.get('t1')).data.score).toBe(1);
        expect((await g.get('t1')).data.score).toBe(100);
        expect(await g.find('t2')).toBeUndefined();
        await expectCode(g.get('t2'), 'NOT_FOUND');
        expect(idsOf(await collect(a.query({ index: 'owner', equals: 'shared' })))).toEqual(['t1', 't2']);
        expect(idsOf(await collect(g.query({ index: 'owner', equals: 'shared' })))).toEqual(['t1']);
        expect(idsOf(await collect(g.query({ index: 'score', from: 0 })))).toEqual(['t1']);
        expect(idsOf(await collect(a.query({ index: 'tags', equals: 'x' })))).toEqual(['t1']);
        expect(idsOf(await collect(g.scan()))).toEqual(['t1']);
        expect(await a.count()).toBe(2);
        expect(await g.count({ index: 'owner', equals: 'shared' })).toBe(1);
        // the default tenant sees neither
        expect(await store.repository(ConformanceThings).count()).toBe(0);
        expect(await store.repository(ConformanceThings).find('t1')).toBeUndefined();

        // a write in one tenant never touches the other's row of the same id
        await g.update({ ...(await g.get('t1')).data, owner: 'moved' }, 1);
        expect((await a.get('t1')).version).toBe(1);
        expect((await a.get('t1')).data.owner).toBe('shared');
        expect(idsOf(await collect(a.query({ index: 'owner', equals: 'shared' })))).toEqual(['t1', 't2']);
        await expectCode(g.delete('t2', 1), 'NOT_FOUND');
        await a.delete('t1', 1);
        expect((await g.get('t1')).data.owner).toBe('moved');
        expect(await a.count()).toBe(1);
      },
    );

    test(
      'tenant-unique-keys',
      'lets each tenant hold the same unique key once, and refuses it twice within one tenant',
      async ({ store }) => {
        const a = store.forTenant('acme').repository(ConformanceThings);
        const g = store.forTenant('globex').repository(ConformanceThings);
        await a.insert(thing('a1', { email: 'info@example.hu' }));
        await g.insert(thing('g1', { email: 'info@example.hu' }));
        await expectCode(a.insert(thing('a2', { email: 'info@example.hu' })), 'CONFLICT');
        expect(await collect(g.query({ index: 'email', equals: 'info@example.hu' }))).toHaveLength(1);
        // freeing the key in one tenant frees it there only
        await a.delete('a1', 1);
        await a.insert(thing('a3', { email: 'info@example.hu' }));
        await expectCode(g.insert(thing('g2', { email: 'info@example.hu' })), 'CONFLICT');
      },
    );

    test(
      'tenant-outbox',
      'never lets a tenant claim, count, read, complete or redact another tenant’s outbox messages',
      async ({ store }) => {
        const acme = store.forTenant('acme');
        const globex = store.forTenant('globex');
        const [a1] = await acme.outbox.enqueue([{ topic: 'mail', payload: { to: 'a' }, dedupeKey: 'k1' }]);
        // the same dedupe key in another tenant is a different message
        const [g1] = await globex.outbox.enqueue([{ topic: 'mail', payload: { to: 'g' }, dedupeKey: 'k1' }]);
        expect(a1).toBeDefined();
        expect(g1).toBeDefined();
        expect(await acme.outbox.enqueue([{ topic: 'mail', payload: 1, dedupeKey: 'k1' }])).toEqual([]);
        expect(await acme.outbox.get(g1!)).toBeUndefined();
        expect(await store.outbox.stats()).toEqual({ pending: 0, claimed: 0, done: 0, dead: 0 });
        expect(await globex.outbox.stats()).toMatchObject({ pending: 1 });

        const claimed = await acme.outbox.claim({ worker: 'w', limit: 10, leaseMs: 30_000 });
        expect(claimed.map((m) => m.payload)).toEqual([{ to: 'a' }]);
        expect(await acme.outbox.claim({ worker: 'w', limit: 10, leaseMs: 30_000 })).toEqual([]);
        const [gClaim] = await globex.outbox.claim({ worker: 'w', limit: 10, leaseMs: 30_000 });
        expect(gClaim?.payload).toEqual({ to: 'g' });
        // another tenant's claim handle finds nothing here
        await expectCode(acme.outbox.complete(gClaim!), 'NOT_FOUND');
        await expectCode(acme.outbox.fail(gClaim!, { error: 'x' }), 'NOT_FOUND');
        await globex.outbox.complete(gClaim!);
        expect(await globex.outbox.stats()).toMatchObject({ done: 1 });
        expect(await acme.outbox.stats()).toMatchObject({ claimed: 1, done: 0 });

        const redacted = await acme.outbox.redact({
          path: ['to'],
          values: ['g', 'a'],
          redact: (m) => ({ ...(m.payload as object), to: 'redacted' }),
        });
        expect(redacted).toBe(1);
        expect((await globex.outbox.get(g1!))?.payload).toEqual({ to: 'g' });
      },
    );

    test(
      'tenant-audit',
      'keeps one audit chain per tenant, each from seq 1, whole under interleaved concurrent appends',
      async ({ store, clock }) => {
        const tenants = ['acme', 'globex', 'initech'].map((t) => store.forTenant(t));
        const logs = tenants.map((t) => createAuditLog({ store: t, clock }));
        await Promise.all(
          logs.flatMap((log, t) =>
            Array.from({ length: 12 }, (_, i) =>
              log.append({
                actor: `agent-${t}`,
                entityType: 'thing',
                entityId: `t${i % 3}`,
                type: 'thing.touched',
                payload: { t, i },
              }),
            ),
          ),
        );
        for (const [t, tenant] of tenants.entries()) {
          const entries = await collect(tenant.audit.read());
          expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
          expect(new Set(entries.map((e) => e.actor))).toEqual(new Set([`agent-${t}`]));
          expect(await collect(tenant.audit.read({ entityType: 'thing', entityId: 't0' }))).toHaveLength(4);
          expect(await verifyAuditChain(tenant.audit.read())).toMatchObject({ ok: true, count: 12 });
          expect(await logs[t]!.verify()).toMatchObject({ ok: true });
          expect((await tenant.audit.head())?.seq).toBe(12);
        }
        expect(await store.audit.head()).toBeUndefined();
        expect(await collect(store.audit.read())).toEqual([]);
      },
    );

    test(
      'tenant-transactions',
      'binds a transaction to its tenant, rolls back only that tenant’s writes, and refuses bad tenant ids',
      async ({ store }) => {
        const acme = store.forTenant('acme');
        const globex = store.forTenant('globex');
        await globex.repository(ConformanceThings).insert(thing('t1', { score: 7 }));
        await expectCode(
          acme.transaction(async (tx) => {
            expect(tx.tenant).toBe('acme');
            expect(tx.forTenant('acme').tenant).toBe('acme');
            await tx.repository(ConformanceThings).insert(thing('t1', { score: 1 }));
            await tx.outbox.enqueue([{ topic: 'x', payload: 1 }]);
            tx.forTenant('globex');
          }),
          'STORAGE',
        );
        expect(await acme.repository(ConformanceThings).find('t1')).toBeUndefined();
        expect(await acme.outbox.stats()).toMatchObject({ pending: 0 });
        expect((await globex.repository(ConformanceThings).get('t1')).data.score).toBe(7);

        await acme.transaction(async (tx) => {
          await tx.repository(ConformanceThings).insert(thing('t1', { score: 2 }));
        });
        expect((await acme.repository(ConformanceThings).get('t1')).data.score).toBe(2);
        expect((await globex.repository(ConformanceThings).get('t1')).data.score).toBe(7);

        for (const bad of ['', ' acme', 'acme;drop', "o'brien", 'a'.repeat(65), '-lead', 'ünnep', 42, null]) {
          await expectCode(() => store.forTenant(bad as string), 'VALIDATION');
        }
        await expectCode(acme.close(), 'STORAGE');
      },
    );

    test(
      'tenant-erasure',
      'erases a data subject in one tenant only: the other tenant’s identical subject, trail and chain stay whole',
      async ({ store, clock }) => {
        const acme = await seedDataSubject(store.forTenant('acme'), clock);
        const globex = await seedDataSubject(store.forTenant('globex'), clock);
        // the same sequential ids in both tenants: any cross-tenant write would hit the twin
        expect(acme.customerId).toBe(globex.customerId);
        const acmeStore = store.forTenant('acme');
        const globexStore = store.forTenant('globex');
        const before = await collect(globexStore.audit.read());

        clock.advance(86_400_000);
        const erased = await acme.fl.serviceDesk.customers.eraseCustomer({
          actor: dpo,
          customerId: acme.customerId,
          requestRef: 'GDPR-2026-99',
        });
        expect(erased.report.sources.length).toBeGreaterThan(0);
        const acmeCustomer = await acmeStore.repository(CustomerCollection).get(acme.customerId);
        expect(JSON.stringify(acmeCustomer.data)).not.toContain(person.familyName);

        const twin = await globexStore.repository(CustomerCollection).get(globex.customerId);
        expect(JSON.stringify(twin.data)).toContain(person.familyName);
        expect(await collect(globexStore.audit.read())).toEqual(before);
        const exported = await globex.fl.serviceDesk.customers.exportPersonalData({
          actor: dpo,
          customerId: globex.customerId,
        });
        expect(JSON.stringify(exported.export.sources)).toContain(person.email);
        expect(await verifyAuditChain(globexStore.audit.read())).toMatchObject({ ok: true });
        expect(await verifyAuditChain(acmeStore.audit.read())).toMatchObject({ ok: true });
      },
    );

    test(
      'tenant-composition-root',
      'runs the composition root per tenant: createFrontline({ tenant }) and forTenant give separate customers',
      async ({ store }) => {
        const acme = await createFrontline({ store, tenant: 'acme', modules: [serviceDesk()] });
        expect(acme.tenant).toBe('acme');
        const globex = await acme.forTenant('globex');
        expect(globex.tenant).toBe('globex');
        expect(await acme.forTenant('globex')).toBe(globex);
        expect(await acme.forTenant('acme')).toBe(acme);
        const clerk = { id: 'clerk', roles: ['agent'], permissions: ['customer.write', 'customer.read'] };
        const { customer } = await acme.serviceDesk.customers.registerCustomer({
          actor: clerk,
          familyName: 'Kiss',
          givenNames: ['Anna'],
        });
        await expectCode(
          globex.serviceDesk.customers.getCustomer({ actor: clerk, customerId: customer.id }),
          'NOT_FOUND',
        );
        expect(await store.forTenant('globex').repository(CustomerCollection).count()).toBe(0);
        expect(await store.forTenant('acme').repository(CustomerCollection).count()).toBe(1);
        await expectCode(acme.forTenant('no such tenant'), 'VALIDATION');
      },
    );
  });
}
