import { collect, verifyAuditChain } from '@frontline/core';
import { CustomerCollection } from '@frontline/core/storage';
import { anna, type CustomerSuiteTest, expectCode, operator } from './customers-suite-fixtures';
import { expect } from './runner';

/** The customer suite's bulk import: host sync through `importCustomers`. */
export function customerImportTests(test: CustomerSuiteTest): void {
  test('imports customers from a stream in batches with the single command’s rules, audit and events, refusing only the bad rows', async (ctx) => {
    const { customers, store } = ctx;
    // a host id already taken: its row is refused as CONFLICT, the rest of its batch still lands
    await customers.registerCustomer({ actor: operator, ...anna, id: 'host-0007' });
    const outboxBefore = await store.outbox.stats();
    async function* rows() {
      for (let i = 0; i < 130; i++) {
        if (i === 3)
          yield { givenNames: ['Névtelen'] }; // a person needs a family name
        else if (i === 50) yield { familyName: 'Jövő', givenNames: ['Béla'], birthDate: '2090-01-01' };
        else if (i === 77) yield 'not a row';
        else
          yield { id: `host-${String(i).padStart(4, '0')}`, familyName: 'Tóth', givenNames: [`Ügyfél ${i}`] };
      }
    }
    const progress: number[] = [];
    const result = await customers.importCustomers({
      actor: operator,
      rows: rows(),
      batchSize: 40,
      onProgress: (p) => progress.push(p.read),
    });
    expect(result).toMatchObject({ read: 130, imported: 126, rejected: 4, existing: 0, batches: 4 });
    expect(result.rejections.map((r) => [r.position, r.code])).toEqual([
      [3, 'VALIDATION'],
      [7, 'CONFLICT'],
      [50, 'VALIDATION'],
      [77, 'VALIDATION'],
    ]);
    expect(result.rejections.find((r) => r.position === 50)?.path).toEqual(['birthDate']);
    expect(progress).toEqual([40, 81, 121, 130]); // row 77 was refused as read: it took no place in a batch

    const stored = await store.repository(CustomerCollection).get('host-0042');
    expect(stored.data).toMatchObject({ familyName: 'Tóth', givenNames: ['Ügyfél 42'], status: 'active' });
    expect(await store.repository(CustomerCollection).count()).toBe(127);
    const registered = (await collect(store.audit.read({ entityType: 'customer' }))).filter(
      (e) => e.type === 'customer.registered.v1',
    );
    expect(registered).toHaveLength(127);
    expect(await verifyAuditChain(store.audit.read())).toMatchObject({ ok: true });
    const outboxAfter = await store.outbox.stats();
    expect(outboxAfter.pending - outboxBefore.pending).toBe(126);
  });

  test('refuses an import without the permission or with a bad source, storing nothing', async (ctx) => {
    const { customers, store, unchanged } = ctx;
    const check = await unchanged();
    await expectCode(
      customers.importCustomers({
        actor: { ...operator, permissions: [] },
        rows: [{ familyName: 'X', givenNames: [] }],
      }),
      'FORBIDDEN',
    );
    await expectCode(customers.importCustomers({ actor: operator, rows: 42 as never }), 'VALIDATION');
    await expectCode(customers.importCustomers({ actor: operator, rows: [], batchSize: 0 }), 'VALIDATION');
    await check();
    expect(await store.repository(CustomerCollection).count()).toBe(0);
  });
}
