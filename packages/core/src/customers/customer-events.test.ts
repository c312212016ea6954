import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { createFrontline } from '../kit/create-frontline';
import { emit, payloadJsonSchema } from '../kit/define-event';
import { serviceDesk } from '../modules/service-desk';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { ConsentGranted, CUSTOMER_EVENTS, CustomerRegistered, CustomerUpdated } from './customer-events';

describe('the customer events', () => {
  it('are versioned, named once and have JSON Schema payloads', () => {
    const types = CUSTOMER_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.every((t) => /^(customer|consent)\.[a-z_]+\.v1$/.test(t))).toBe(true);
    expect(types).toEqual([
      'customer.registered.v1',
      'customer.updated.v1',
      'customer.contact_point_added.v1',
      'customer.contact_point_removed.v1',
      'consent.granted.v1',
      'consent.withdrawn.v1',
      'customer.erased.v1',
      'customer.personal_data_exported.v1',
      'customer.consents_removed.v1',
      'customer.stub_removed.v1',
    ]);
    for (const event of CUSTOMER_EVENTS) expect(payloadJsonSchema(event), event.type).not.toBeNull();
  });

  it('refuse personal data in a payload: a name, a value or an evidence reference is a VALIDATION error', () => {
    const about = { entityType: 'customer', entityId: 'c-1' };
    const registered = { kind: 'person' as const, contactPoints: [{ id: 'cp-1', kind: 'phone' as const }] };
    expect(emit(CustomerRegistered, about, registered).payload).toEqual(registered);
    const refused = [
      () => emit(CustomerRegistered, about, { ...registered, familyName: 'Kiss' } as never),
      () =>
        emit(CustomerRegistered, about, {
          kind: 'person',
          contactPoints: [{ id: 'cp-1', kind: 'phone', value: '+36301234567' }],
        } as never),
      () => emit(CustomerUpdated, about, { fields: ['familyName'], familyName: 'Nagy' } as never),
      () => emit(CustomerUpdated, about, { fields: ['Kiss Anna'] } as never),
      () =>
        emit(ConsentGranted, about, {
          consentId: 'k-1',
          purpose: 'marketing',
          channel: 'email',
          source: 'call',
          evidenceRef: 'rec-1',
        } as never),
    ];
    for (const call of refused) expect(call).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('are declared by the service-desk module, so the root exports them in its catalogue', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const fl = await createFrontline({
      store: createMemoryStore({ clock }),
      clock,
      ids: createSequentialIds('e'),
      modules: [serviceDesk()],
    });
    const declared = fl.plan.events.filter((e) => e.module === 'serviceDesk').map((e) => e.type);
    expect(declared).toEqual(expect.arrayContaining(CUSTOMER_EVENTS.map((e) => e.type)));
  });
});
