import { consentStatus } from '@frontline/core/service-desk';
import { ConsentCollection, CustomerCollection } from '@frontline/core/storage';
import {
  anna,
  annasPersonalData,
  auditText,
  type CustomerSuiteTest,
  expectCode,
  operator,
  specialist,
} from './customers-suite-fixtures';
import { expect } from './runner';

/** The customer suite's records: registration, lookups, optimistic updates, contact points and consents. */
export function customerRecordTests(test: CustomerSuiteTest): void {
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
    expect(events.map((e) => e.type)).toEqual(['customer.registered.v1']);
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
        type: 'customer.updated.v1',
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
        type: 'customer.contact_point_added.v1',
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
    expect(await customers.findCustomersByEmail({ actor: operator, email: 'kiss.anna@example.hu' })).toEqual(
      [],
    );
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

  test('commands racing on one customer all land: a lost race without expectedVersion is decided again', async (ctx) => {
    const { customers } = ctx;
    const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
    const customerId = customer.id;
    const statement = { actor: operator, customerId, source: 'call' } as const;
    // three writers at most: each lost race means another one committed, so three attempts get all through
    const results = await Promise.all([
      customers.recordConsent({ ...statement, purpose: 'marketing', channel: 'email' }),
      customers.recordConsent({ ...statement, purpose: 'service', channel: 'phone' }),
      customers.addContactPoint({
        actor: operator,
        customerId,
        contactPoint: { kind: 'email', value: 'uj@example.hu' },
      }),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
    const current = await customers.getCustomer({ actor: operator, customerId });
    expect(current.version).toBe(4);
    expect(current.customer.contactPoints).toHaveLength(4);
    expect(current.customer.consentState.map((e) => `${e.purpose}/${e.channel}`).sort()).toEqual([
      'marketing/email',
      'service/phone',
    ]);
    const history = await customers.getConsentHistory({ actor: operator, customerId });
    expect(history.map((h) => h.purpose).sort()).toEqual(['marketing', 'service']);
  });
}
