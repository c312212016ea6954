import { FrontlineError } from '@frontline/core';
import {
  admin,
  anna,
  type CustomerSuiteTest,
  expectCode,
  nobody,
  officer,
  operator,
  quiet,
  specialist,
} from './customers-suite-fixtures';
import { expect } from './runner';

/** The customer suite's refusals: unknown customers, invalid phones, missing permissions, taken numbers, garbage. */
export function customerRefusalTests(test: CustomerSuiteTest): void {
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
      expect(error.details).toMatchObject({ entity: 'customers', id: customerId });
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
      [customers.findCustomersByName({ actor: nobody, name: 'Kiss' }), 'customer.read'],
      [customers.findCustomerByExternalRef({ actor: nobody, externalRef: 'U-1001' }), 'customer.read'],
      [customers.sweepRetained({ actor: specialist }), 'customer.erase'],
      [customers.exportPersonalData({ actor: specialist, customerId }), 'customer.export'],
      [customers.eraseCustomer({ actor: specialist, customerId }), 'customer.erase'],
    ];
    for (const [call, permission] of refused) {
      const error = await expectCode(call, 'FORBIDDEN');
      expect(error.details).toMatchObject({ permission });
    }
    await check();
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

  test('refuses unknown keys in the input of every method, storing nothing', async (ctx) => {
    const { customers, unchanged } = ctx;
    const { customer } = await customers.registerCustomer({ actor: operator, ...anna });
    const customerId = customer.id;
    const phone = customer.contactPoints.find((p) => p.kind === 'phone')!;
    const check = await unchanged();
    const extra = { unexpected: true };
    const marketing = { purpose: 'marketing', channel: 'email', source: 'call' } as const;
    // each input is valid but for the unknown key: were it dropped, the call would succeed (and commands write)
    const calls: Record<string, Promise<unknown>[]> = {
      registerCustomer: [
        customers.registerCustomer({ actor: operator, familyName: 'Nagy', ...extra } as never),
      ],
      updateCustomer: [
        customers.updateCustomer({
          actor: operator,
          customerId,
          expectedVersion: 1,
          changes: { familyName: 'Nagy' },
          ...extra,
        } as never),
        customers.updateCustomer({
          actor: operator,
          customerId,
          expectedVersion: 1,
          changes: { familyName: 'Nagy', ...extra },
        } as never),
      ],
      addContactPoint: [
        customers.addContactPoint({
          actor: operator,
          customerId,
          contactPoint: { kind: 'email', value: 'uj@example.hu' },
          ...extra,
        } as never),
        customers.addContactPoint({
          actor: operator,
          customerId,
          contactPoint: { kind: 'email', value: 'uj@example.hu', ...extra },
        } as never),
      ],
      removeContactPoint: [
        customers.removeContactPoint({
          actor: operator,
          customerId,
          contactPointId: phone.id,
          ...extra,
        } as never),
      ],
      recordConsent: [
        customers.recordConsent({ actor: operator, customerId, ...marketing, ...extra } as never),
      ],
      withdrawConsent: [
        customers.withdrawConsent({ actor: operator, customerId, ...marketing, ...extra } as never),
      ],
      getCustomer: [customers.getCustomer({ actor: operator, customerId, ...extra } as never)],
      findCustomersByPhone: [
        customers.findCustomersByPhone({ actor: operator, phone: phone.value, ...extra } as never),
      ],
      findCustomersByEmail: [
        customers.findCustomersByEmail({ actor: operator, email: 'kiss.anna@example.hu', ...extra } as never),
      ],
      findCustomersByName: [
        customers.findCustomersByName({ actor: operator, name: 'Kiss', ...extra } as never),
      ],
      findCustomerByExternalRef: [
        customers.findCustomerByExternalRef({ actor: operator, externalRef: 'U-1001', ...extra } as never),
      ],
      ensureCustomer: [
        customers.ensureCustomer({
          actor: specialist,
          externalRef: 'U-7',
          familyName: 'Nagy',
          ...extra,
        } as never),
      ],
      getConsentHistory: [customers.getConsentHistory({ actor: operator, customerId, ...extra } as never)],
      exportPersonalData: [customers.exportPersonalData({ actor: officer, customerId, ...extra } as never)],
      eraseCustomer: [customers.eraseCustomer({ actor: officer, customerId, ...extra } as never)],
      sweepRetained: [customers.sweepRetained({ actor: officer, ...extra } as never)],
      importCustomers: [customers.importCustomers({ actor: operator, rows: [], ...extra } as never)],
    };
    expect(Object.keys(calls).sort()).toEqual(Object.keys(customers).sort());
    for (const [name, list] of Object.entries(calls)) {
      for (const call of quiet(list)) {
        const error = await expectCode(call, 'VALIDATION');
        expect(JSON.stringify(error.details), name).toContain('unexpected');
      }
    }
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
}
