import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { CustomerCollection } from '../customers/customer-collections';
import { createFrontline } from '../kit/create-frontline';
import { defineModule } from '../kit/define-module';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { serviceDesk } from './service-desk';

const agent = {
  id: 'agent-anna',
  roles: ['agent'],
  permissions: ['customer.write', 'customer.read', 'ticket.write', 'interaction.write'],
};

describe('the service-desk module on the composition root', () => {
  it('wires customers and tickets on one store: a ticket opened through the root is found for its customer', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const fl = await createFrontline({
      store: createMemoryStore({ clock }),
      clock,
      ids: createSequentialIds('x'),
      modules: [serviceDesk()],
    });
    const { customer } = await fl.serviceDesk.customers.registerCustomer({
      actor: agent,
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    const { ticket } = await fl.serviceDesk.tickets.openTicket({
      actor: agent,
      customerId: customer.id,
      subject: 'Nincs tárcsahang',
      category: 'line',
    });
    const found = await fl.serviceDesk.tickets.ticketsOfCustomer({ actor: agent, customerId: customer.id });
    expect(found.items.map((t) => t.id)).toEqual([ticket.id]);
    expect(fl.plan.permissions.map((p) => p.name)).toContain('ticket.escalate');
    expect(fl.plan.policies.map((p) => [p.id, p.module])).toEqual([['hu.public_holidays', 'serviceDesk']]);
    expect(fl.plan.collections.map((c) => c.name)).toEqual(
      expect.arrayContaining(['customers', 'tickets', 'knowledge_articles']),
    );
  });

  it("lets another module index the service desk's customers and find them whichever module wrote them", async () => {
    const byGivenName = defineModule({
      id: 'campaigns',
      requires: ['serviceDesk'],
      extends: {
        'serviceDesk.customers': {
          indexes: {
            'campaigns:given_name': { key: (c: { givenNames: string[] }) => c.givenNames[0] ?? null },
          },
        },
      },
      services: ({ store }) => ({
        count: (name: string) =>
          store.repository(CustomerCollection).count({ index: 'campaigns:given_name', equals: name }),
      }),
    });
    const store = createMemoryStore();
    const fl0 = await createFrontline({ store, modules: [serviceDesk()] });
    await fl0.serviceDesk.customers.registerCustomer({
      actor: agent,
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    const fl = await createFrontline({ store, modules: [serviceDesk(), byGivenName] });
    await fl.serviceDesk.customers.registerCustomer({
      actor: agent,
      familyName: 'Nagy',
      givenNames: ['Anna'],
    });
    expect(await fl.campaigns.count('Anna')).toBe(2);
  });
});
