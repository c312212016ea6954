import { createSequentialIds } from '@frontline/core';
import { consentStatus, createCustomerService } from '@frontline/core/service-desk';
import { CustomerCollection } from '@frontline/core/storage';
import {
  anna,
  annasPersonalData,
  auditText,
  brokenSource,
  type CustomerSuiteTest,
  expectCode,
  notesSource,
  officer,
  operator,
  SuiteNotes,
} from './customers-suite-fixtures';
import { expect } from './runner';

/** The customer suite's data-subject requests: export and erasure, and an erasure a source cannot complete. */
export function customerRequestTests(test: CustomerSuiteTest): void {
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
    expect(document.auditTrail.map((e) => e.type)).toEqual(['customer.registered.v1', 'consent.granted.v1']);
    expect(JSON.stringify(document.auditTrail)).not.toContain('op-1');
    expect(events.map((e) => e.type)).toEqual(['customer.personal_data_exported.v1']);
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
          retained: [{ what: 'complaint notes', count: 1, basis: 'Fgytv. 17/A. § (7)', until: '2031-03-02' }],
        },
      ],
    });
    expect(erased.report.blanked).toEqual(
      expect.arrayContaining(['familyName', 'birthDate', 'contactPoints']),
    );
    expect(erased.report.kept.map((k) => k.until)).toEqual(['2034-03-02', '2031-03-02']);
    expect(erased.events.map((e) => e.type)).toEqual(['consent.withdrawn.v1', 'customer.erased.v1']);
    expect((await notes.get('n1')).data.text).toBe('[erased]');
    expect((await notes.get('n2')).data.text).toBe('complaint about the bill');
    // the caller-ID, e-mail, birthday and segment indexes no longer lead to the person
    expect(
      (await customers.findCustomersByPhone({ actor: operator, phone: '+36301234567' })).map(
        (r) => r.customer.id,
      ),
    ).toEqual([other.customer.id]);
    expect(await customers.findCustomersByEmail({ actor: operator, email: 'kiss.anna@example.hu' })).toEqual(
      [],
    );
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
    expect((await customers.getCustomer({ actor: operator, customerId: customer.id })).customer.status).toBe(
      'active',
    );
  });

  test('sweeps each consent history once its day has passed, a customer at a time; a second run removes nothing', async (ctx) => {
    const { customers, store, clock } = ctx;
    const statement = { actor: operator, purpose: 'marketing', channel: 'email', source: 'call' } as const;
    const ids: string[] = [];
    for (const familyName of ['Kiss', 'Nagy']) {
      const { customer } = await customers.registerCustomer({ actor: operator, familyName });
      await customers.recordConsent({ ...statement, customerId: customer.id });
      await customers.eraseCustomer({ actor: officer, customerId: customer.id });
      ids.push(customer.id);
    }
    clock.set('2031-03-02T12:00:00Z'); // the last day the proofs are kept: nothing is due yet
    expect(await customers.sweepRetained({ actor: officer })).toMatchObject({
      consentHistories: 0,
      more: false,
    });
    clock.set('2031-03-03T12:00:00Z');
    const first = await customers.sweepRetained({ actor: officer, limit: 1 });
    expect(first).toMatchObject({ consentHistories: 1, consentRecords: 2, customerStubs: 0, more: true });
    const second = await customers.sweepRetained({ actor: officer, limit: 1 });
    expect(second).toMatchObject({ consentHistories: 1, consentRecords: 2, more: false });
    expect(await customers.sweepRetained({ actor: officer })).toMatchObject({
      consentHistories: 0,
      more: false,
    });
    for (const customerId of ids) {
      const stub = await store.repository(CustomerCollection).get(customerId);
      expect(stub.data.erasure?.consentsRemovedAt).toEqual(new Date('2031-03-03T12:00:00Z'));
      expect(await customers.getConsentHistory({ actor: officer, customerId })).toEqual([]);
    }
    const removals: string[] = [];
    for await (const entry of store.audit.read()) {
      if (entry.type === 'customer.consents_removed.v1') removals.push(entry.entityId);
    }
    expect(removals.sort()).toEqual([...ids].sort());
  });
}
