/**
 * Service-desk benchmark of @frontline/postgres: ticket transitions per second through the ticket service of
 * @frontline/core on PGlite (in memory), against the same service on the memory adapter in the same run. One
 * operation walks one ticket open → respond → escalate → resolve → close: five commands, each validated,
 * permission-checked, SLA-refreshed and written with its audit entry and outbox message in one transaction.
 *
 *   BENCH_FILTER=transitions npm run bench
 */
import {
  type ActorInput,
  createCustomerService,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  createTicketService,
  hungarianCalendarDefinition,
  Permissions,
  type Store,
  type TicketService,
} from '@frontline/core';
import { type BenchCase, type BenchTask, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { createPgliteStore } from '../src/index';

const P = Permissions;
const operator: ActorInput = {
  id: 'agent-anna',
  roles: ['operator_l1'],
  permissions: [P.customerRead, P.customerWrite, P.interactionWrite, P.ticketWrite, P.ticketEscalate],
};
const specialist: ActorInput = {
  id: 'l2-bela',
  roles: ['specialist_l2'],
  permissions: [P.ticketWrite, P.ticketWorkL2],
};
const supervisor: ActorInput = {
  id: 'lead-csilla',
  roles: ['supervisor'],
  permissions: [P.ticketWrite, P.ticketWorkL2, P.ticketSupervise],
};

const split = ['08:00-12:00', '12:30-16:30'];
/** Ticket commands per operation: open, respond, escalate, resolve, close. */
const COMMANDS = 5;
const CUSTOMERS = 50;

interface Desk {
  store: Store;
  tickets: TicketService;
  customerIds: string[];
  next: number;
}

/** A store with the hotline SLA policy and some customers, and the ticket service over it. */
async function openDesk(store: Store): Promise<Desk> {
  // Monday 2 March 2026, 09:00 in Budapest: inside business hours, so SLA clocks run.
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const ids = createSequentialIds('bench');
  const tickets = createTicketService({ store, clock, ids, defaultSlaPolicyId: 'hotline' });
  await tickets.saveSlaPolicy({
    actor: supervisor,
    policy: {
      id: 'hotline',
      name: 'Hotline',
      calendar: hungarianCalendarDefinition({
        hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] },
      }),
      targets: [
        { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
        { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 },
      ],
    },
  });
  const customers = createCustomerService({ store, clock, ids });
  const customerIds: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const { customer } = await customers.registerCustomer({
      actor: operator,
      familyName: 'Kovács',
      givenNames: [`Ügyfél${i}`],
    });
    customerIds.push(customer.id);
  }
  return { store, tickets, customerIds, next: 0 };
}

/** One operation: a ticket from opening to closing. */
async function walkTicket(desk: Desk): Promise<void> {
  const { tickets } = desk;
  const customerId = desk.customerIds[desk.next++ % desk.customerIds.length]!;
  const { ticket } = await tickets.openTicket({
    actor: operator,
    customerId,
    subject: 'A router nem működik',
    category: 'network',
  });
  const ticketId = ticket.id;
  await tickets.respondToTicket({ actor: operator, ticketId });
  await tickets.escalateTicket({ actor: operator, ticketId, reason: 'Vonalmérés kell', group: 'hotline-l2' });
  await tickets.resolveTicket({ actor: specialist, ticketId, reason: 'Vonal javítva' });
  const { ticket: closed } = await tickets.closeTicket({ actor: supervisor, ticketId });
  if (closed.status !== 'closed' || closed.history.length !== COMMANDS - 1) {
    throw new Error(`ticket ${ticketId} ended ${closed.status} after ${closed.history.length} commands`);
  }
}

export default defineBenchSuite({
  name: 'postgres',
  cases: () => {
    // Tickets already walked before measuring, so the indexes (customer, SLA due) are not empty.
    const preloaded = benchSize(200, 5);
    const desks = new Map<string, Desk>();
    const task = (name: string, open: () => Promise<Store>): BenchTask & { open: () => Promise<Store> } => ({
      name,
      open,
      // An async function, so tinybench knows without calling it that it returns a promise.
      fn: async () => {
        const desk = desks.get(name);
        if (!desk) throw new Error(`${name} is not open`);
        await walkTicket(desk);
      },
    });
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const baseline = task('memory adapter', async () => createMemoryStore({ clock }));
    const candidates = [task('PGlite (in memory)', () => createPgliteStore({ clock }))];
    const transitions: BenchCase = {
      name: `ticket transitions: open → respond → escalate → resolve → close (${COMMANDS} commands per op, ${preloaded} tickets preloaded)`,
      itemsPerOp: COMMANDS,
      unit: 'transition',
      iterations: 5,
      time: 1_000,
      baseline,
      candidates,
      setup: async () => {
        for (const t of [baseline, ...candidates]) {
          const desk = await openDesk(await t.open());
          for (let i = 0; i < preloaded; i++) await walkTicket(desk);
          desks.set(t.name, desk);
        }
      },
      teardown: async () => {
        for (const desk of desks.values()) await desk.store.close();
        desks.clear();
      },
    };
    return [transitions];
  },
});
