import { PGlite } from '@electric-sql/pglite';
import {
  type ActorInput,
  createFixedClock,
  createSequentialIds,
  hungarianCalendarDefinition,
  Permissions as P,
} from '@frontline/core';
import { createCustomerService, createTicketService } from '@frontline/core/service-desk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/index';
import { uniqueSchema } from './helpers';
import { explainOnPglite, type PlanNode, type Recorded, recordingPglite } from './sql-recorder';

const lead: ActorInput = {
  id: 'lead',
  roles: ['supervisor'],
  permissions: [
    P.customerRead,
    P.customerWrite,
    P.ticketWrite,
    P.ticketSupervise,
    P.ticketRead,
    P.ticketEscalate,
  ],
};
const split = ['08:00-12:00', '12:30-16:30'];

/** Every scan of the entity tables in a plan that reads them without an index. */
function scansWithoutIndex(node: PlanNode, out: string[] = []): string[] {
  const relation = node['Relation Name'];
  if ((relation === 'entities' || relation === 'entity_keys') && node['Node Type'] === 'Seq Scan') {
    out.push(`Seq Scan on ${relation}`);
  }
  for (const child of node.Plans ?? []) scansWithoutIndex(child, out);
  return out;
}

/**
 * Every inbox query — the tickets of a status, a queue, an agent, a customer, due before an instant, due within a
 * window — read through an index, as PostgreSQL plans it over a table far larger than the answer: 60,000 rows of
 * other tickets (another tenant) in `entities` and 240,000 in `entity_keys`, analysed, so a plan without a usable
 * index would scan them.
 */
describe('inbox queries on PGlite, planned over a large table', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });

  it('reads every inbox through an index: no sequential scan of entities or entity_keys in any plan', async () => {
    const recorded: Recorded[] = [];
    const schema = uniqueSchema('inbox');
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = await createPgliteStore({ db: recordingPglite(db, recorded), schema, clock });
    const tickets = createTicketService({
      store,
      clock,
      ids: createSequentialIds('t'),
      defaultSlaPolicyId: 'hotline',
    });
    await tickets.saveSlaPolicy({
      actor: lead,
      policy: {
        id: 'hotline',
        name: 'Hotline',
        calendar: hungarianCalendarDefinition({
          hours: {
            monday: split,
            tuesday: split,
            wednesday: split,
            thursday: split,
            friday: ['08:00-14:00'],
          },
        }),
        targets: [{ firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 }],
      },
    });
    const customers = createCustomerService({ store, clock, ids: createSequentialIds('c') });
    const { customer } = await customers.registerCustomer({
      actor: lead,
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    for (let i = 0; i < 30; i++) {
      const { ticket } = await tickets.openTicket({
        actor: lead,
        customerId: customer.id,
        subject: `Hiba ${i}`,
        category: 'network',
      });
      if (i % 3 === 0)
        await tickets.assignTicket({ actor: lead, ticketId: ticket.id, assigneeId: 'agent-7' });
      if (i % 5 === 0)
        await tickets.escalateTicket({ actor: lead, ticketId: ticket.id, reason: 'L2', group: 'l2' });
      clock.advance(60_000);
    }
    // the bulk of the tables: another tenant's tickets, keyed like ours
    const s = `"${schema}"`;
    await db.exec(`
      INSERT INTO ${s}.entities (tenant, collection, id, version, data, created_at, updated_at)
        SELECT 'bulk', 'tickets', 'b' || g, 1, '{}'::jsonb, now(), now() FROM generate_series(1, 60000) g;
      INSERT INTO ${s}.entity_keys (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
        SELECT 'bulk', 'tickets', ix, 1, 0, ix || '|' || lpad(g::text, 8, '0'), 'b' || g
        FROM generate_series(1, 60000) g,
             unnest(ARRAY['status_opened_at', 'group_opened_at', 'sla_due_at', 'customer_opened_at']) ix;
      ANALYZE ${s}.entities; ANALYZE ${s}.entity_keys;`);

    recorded.length = 0;
    const page = { limit: 20 };
    expect(
      (await tickets.ticketInbox({ actor: lead, status: 'open', ...page })).items.length,
    ).toBeGreaterThan(0);
    expect((await tickets.ticketInbox({ actor: lead, group: 'l2', ...page })).items.length).toBeGreaterThan(
      0,
    );
    expect(
      (await tickets.ticketInbox({ actor: lead, assigneeId: 'agent-7', ...page })).items.length,
    ).toBeGreaterThan(0);
    const dueBefore = new Date(clock.now().getTime() + 86_400_000);
    await tickets.ticketInbox({ actor: lead, dueBefore, ...page });
    expect(
      (await tickets.ticketsOfCustomer({ actor: lead, customerId: customer.id, ...page })).items,
    ).toHaveLength(20);
    const due: unknown[] = [];
    for await (const d of tickets.dueBreaches({ actor: lead, after: clock.now(), before: dueBefore }))
      due.push(d);
    expect(due.length).toBeGreaterThan(0);

    const reads = recorded.filter((r) => /^\s*(WITH|SELECT)/i.test(r.text) && r.text.includes(`${s}.entit`));
    expect(reads.length).toBeGreaterThanOrEqual(6);
    const problems: string[] = [];
    for (const { text, params } of reads) {
      for (const scan of scansWithoutIndex(await explainOnPglite(db, text, params)))
        problems.push(`${scan}: ${text}`);
    }
    expect(problems).toEqual([]);
    await store.close();
  }, 120_000);
});
