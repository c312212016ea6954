import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { ensureCustomer, findCustomerByExternalRef, findCustomersByName } from './customer-directory';
import { createCustomerService } from './customer-service';

const clerk = {
  id: 'crm-sync',
  roles: ['system'],
  permissions: ['customer.read', 'customer.write', 'customer.read_personal'],
};
const viewer = { id: 'agent-v', roles: ['agent'], permissions: ['customer.read'] };

const setup = () => {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore({ clock });
  const customers = createCustomerService({ store, clock, ids: createSequentialIds('cu') });
  return { store, customers };
};

describe('finding customers by name', () => {
  it('matches the start of a name in either order without accents, a page at a time', async () => {
    const { store, customers } = setup();
    for (const [family, given] of [
      ['Kovács', 'Péter'],
      ['Kovács', 'Anna'],
      ['Kováts', 'Béla'],
      ['Nagy', 'Péter'],
      ['Kovácsné', 'Éva'],
    ] as const) {
      await customers.registerCustomer({ actor: clerk, familyName: family, givenNames: [given] });
    }
    const names = async (name: string, limit = 10) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await findCustomersByName(store, { actor: clerk, name, limit, cursor });
        out.push(...page.items.map((r) => `${r.customer.familyName} ${r.customer.givenNames?.join(' ')}`));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    expect(await names('kovacs')).toEqual(['Kovács Anna', 'Kovács Péter', 'Kovácsné Éva']);
    expect(await names('KOVÁCS P')).toEqual(['Kovács Péter']);
    expect(await names('peter')).toEqual(['Kovács Péter', 'Nagy Péter']);
    expect(await names('kov', 1)).toEqual(['Kovács Anna', 'Kovács Péter', 'Kovácsné Éva', 'Kováts Béla']);
  });

  it('masks personal fields for an actor without customer.read_personal and refuses unknown keys', async () => {
    const { store, customers } = setup();
    await customers.registerCustomer({
      actor: clerk,
      familyName: 'Kiss',
      givenNames: ['Anna'],
      contactPoints: [{ kind: 'phone', value: '06 30 123 4567' }],
    });
    const page = await findCustomersByName(store, { actor: viewer, name: 'kiss' });
    expect(JSON.stringify(page.items)).not.toContain('+36301234567');
    await expect(
      findCustomersByName(store, { actor: viewer, name: 'kiss', sort: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      findCustomersByName(store, { actor: { id: 'x', roles: [], permissions: [] }, name: 'kiss' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('host sync by customer number', () => {
  it('registers a new number, updates only changed fields, and writes nothing when nothing changed', async () => {
    const { store, customers } = setup();
    const first = await ensureCustomer(store, customers, {
      actor: clerk,
      externalRef: 'CRM-1',
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    expect(first.outcome).toBe('created');
    const again = await ensureCustomer(store, customers, {
      actor: clerk,
      externalRef: 'CRM-1',
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    expect(again).toMatchObject({ outcome: 'unchanged', version: first.version, events: [] });
    const renamed = await ensureCustomer(store, customers, {
      actor: clerk,
      externalRef: 'CRM-1',
      familyName: 'Kiss-Nagy',
      givenNames: ['Anna'],
    });
    expect(renamed).toMatchObject({
      outcome: 'updated',
      changed: ['familyName'],
      version: first.version + 1,
    });
    expect(
      (await findCustomerByExternalRef(store, { actor: clerk, externalRef: 'CRM-1' }))?.customer.id,
    ).toBe(first.customer.id);
    expect(await findCustomerByExternalRef(store, { actor: clerk, externalRef: 'CRM-2' })).toBeNull();
  });

  it('never creates two customers for one number when two syncs race', async () => {
    const { store, customers } = setup();
    const results = await Promise.all(
      ['Anna', 'Anna', 'Anna'].map((given) =>
        ensureCustomer(store, customers, {
          actor: clerk,
          externalRef: 'CRM-9',
          familyName: 'Kiss',
          givenNames: [given],
        }),
      ),
    );
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
  });
});
