import { createFixedClock, createFrontline, createMemoryStore, createSequentialIds } from '@frontline/core';
import { serviceDesk } from '@frontline/core/service-desk';
import { describe, expect, it } from 'vitest';
import { callbacks } from './callbacks-module';

const agent = {
  id: 'agent-anna',
  roles: ['agent'],
  permissions: ['customer.write', 'customer.read', 'callback.work'],
};

describe('a module of your own on the composition root', () => {
  it('requests and completes a callback through the kit, with typed events, and reads it with the actor', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const frontline = await createFrontline({
      store: createMemoryStore({ clock }),
      clock,
      ids: createSequentialIds('x'),
      modules: [serviceDesk(), callbacks()],
    });
    const { customer } = await frontline.serviceDesk.customers.registerCustomer({
      actor: agent,
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    const requested = await frontline.callbacks.request({
      actor: agent,
      customerId: customer.id,
      dueAt: '2026-03-02T10:00:00Z',
    });
    const done = await frontline.callbacks.complete({
      actor: agent,
      id: requested.entity.id,
      expectedVersion: 1,
    });
    expect(done.entity.status).toBe('done');
    expect(done.events.map((e) => e.type)).toEqual(['callback.closed.v1']);
    await expect(
      frontline.callbacks.complete({ actor: agent, id: requested.entity.id }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(
      frontline.callbacks.get({ actor: { id: 'x', roles: [], permissions: [] }, id: done.entity.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await frontline.callbacks.get({ actor: agent, id: done.entity.id })).status).toBe('done');
    const catalogue = frontline.plan.events.filter((e) => e.module === 'callbacks').map((e) => e.type);
    expect(catalogue).toEqual(['callback.requested.v1', 'callback.closed.v1']);
  });
});
