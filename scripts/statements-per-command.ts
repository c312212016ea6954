/**
 * Counts the SQL statements one ticket command issues on PGlite: `openTicket` (with an SLA policy), one
 * transition (`assignTicket`) and two reads (`getTicket`, one `ticketInbox` page). The PGlite instance is wrapped
 * in a Proxy that counts every `query` and `exec`, inside and outside transactions, and the `BEGIN`/`COMMIT` each
 * `transaction` adds.
 *
 * Measured on the kit (Dec 2026): openTicket 8, assignTicket 8 (9 and 9 before) — BEGIN, the ticket (or the
 * customer), the SLA policy, the entity write with its index keys, two for the audit entry (the head locked with
 * its seq and hash, then the insert that moves the head), the outbox insert, COMMIT. By hand: 7; the one extra
 * is the audit chain's lock.
 *
 *   npx tsx --conditions=@frontline/source scripts/statements-per-command.ts [--verbose]
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  type ActorInput,
  createFixedClock,
  createSequentialIds,
  hungarianCalendarDefinition,
  Permissions as P,
} from '@frontline/core';
import { createCustomerService, createTicketService } from '@frontline/core/service-desk';
import { createPgliteStore } from '@frontline/postgres';

const verbose = process.argv.includes('--verbose');
const log: string[] = [];
const note = (kind: string, text: string) => log.push(`${kind}: ${text.replace(/\s+/g, ' ').slice(0, 140)}`);

/** Wraps a query/exec surface (the instance or a transaction) so each statement is logged. */
function counted<T extends Pick<PGlite, 'query' | 'exec'> | Transaction>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'query' || key === 'exec') {
        return (text: string, ...rest: unknown[]) => {
          note(String(key), text);
          return (value as (...a: unknown[]) => unknown).call(object, text, ...rest);
        };
      }
      if (key === 'transaction') {
        return async (work: (tx: Transaction) => Promise<unknown>) => {
          note('transaction', 'BEGIN');
          const result = await (value as (w: typeof work) => Promise<unknown>).call(object, (tx) =>
            work(counted(tx)),
          );
          note('transaction', 'COMMIT');
          return result;
        };
      }
      return value.bind(object);
    },
  });
}

const agent: ActorInput = {
  id: 'agent-anna',
  roles: ['operator_l1'],
  permissions: [P.customerRead, P.customerWrite, P.interactionWrite, P.ticketWrite, P.ticketEscalate],
};
const lead: ActorInput = { id: 'lead-csilla', roles: ['supervisor'], permissions: [P.ticketSupervise] };

async function main(): Promise<void> {
  const db = counted(await PGlite.create());
  const store = await createPgliteStore({ db });
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const ids = createSequentialIds('stmt');
  const tickets = createTicketService({ store, clock, ids, defaultSlaPolicyId: 'hotline' });
  const customers = createCustomerService({ store, clock, ids });
  const hours = ['08:00-16:00'];
  await tickets.saveSlaPolicy({
    actor: lead,
    policy: {
      id: 'hotline',
      name: 'Hotline',
      calendar: hungarianCalendarDefinition({
        hours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours },
      }),
      targets: [{ firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 }],
    },
  });
  const { customer } = await customers.registerCustomer({
    actor: agent,
    familyName: 'Kovács',
    givenNames: ['Anna'],
  });
  // A first ticket warms the SLA calendar cache, as in a running service.
  await tickets.openTicket({
    actor: agent,
    customerId: customer.id,
    subject: 'Warm-up',
    category: 'network',
  });

  const measure = async (name: string, run: () => Promise<unknown>) => {
    log.length = 0;
    await run();
    const statements = log.length;
    console.log(`${name.padEnd(14)} ${String(statements).padStart(3)} statements`);
    if (verbose) for (const line of log) console.log(`    ${line}`);
    return statements;
  };
  let ticketId = '';
  await measure('openTicket', async () => {
    ticketId = (
      await tickets.openTicket({
        actor: agent,
        customerId: customer.id,
        subject: 'No dial tone',
        category: 'network',
      })
    ).ticket.id;
  });
  await measure('assignTicket', () => tickets.assignTicket({ actor: agent, ticketId, group: 'hotline-l1' }));
  await measure('getTicket', () => tickets.getTicket({ actor: agent, id: ticketId }));
  await measure('ticketInbox', () => tickets.ticketInbox({ actor: agent, group: 'hotline-l1', limit: 20 }));
  await store.close();
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
