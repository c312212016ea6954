/**
 * Service-desk benchmark of @frontline/postgres: ticket transitions per second through the ticket service of
 * @frontline/core on PGlite (in memory), against the same service on the memory adapter in the same run. One
 * operation walks one ticket open → respond → escalate → resolve → close: five commands, each validated,
 * permission-checked, SLA-refreshed and written with its audit entry and outbox message in one transaction.
 *
 *
 * A second case walks one complaint per operation — receive by phone (minutes rendered), acknowledge,
 * investigate, decide upheld with a refund from the compensation rules above the L1 operator's authority,
 * approve (supervisor), send the answer letter, accept, close — through the complaint service, again on PGlite
 * against the memory adapter.
 *
 *   BENCH_FILTER=transitions npm run bench
 *   BENCH_FILTER=complaint npm run bench
 */
import {
  type ActorInput,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  hungarianCalendarDefinition,
  Permissions,
  type Store,
} from '@frontline/core';
import {
  type AuthorityMatrix,
  type CompensationRuleSetInput,
  type ComplaintService,
  createComplaintService,
} from '@frontline/core/complaints';
import { createLetterEnvironment } from '@frontline/core/letters';
import { createCustomerService, createTicketService, type TicketService } from '@frontline/core/service-desk';
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
  permissions: [P.ticketWrite, P.ticketWorkL2, P.ticketSupervise, P.complaintWrite, P.complaintApprove],
};
const complaintAgent: ActorInput = { ...operator, permissions: [...operator.permissions, P.complaintWrite] };

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
      contactPoints: [
        {
          kind: 'postal',
          address: {
            lines: ['Király utca 12.'],
            locality: 'Pécs',
            postalCode: '7621',
            region: 'Baranya',
            country: 'HU',
          },
        },
      ],
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

const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });
const AUTHORITY: AuthorityMatrix = {
  currency: 'HUF',
  limits: [
    { role: 'operator_l1', kind: 'refund', max: huf(5_000) },
    { role: 'supervisor', kind: 'refund', max: huf(50_000) },
  ],
};
/** The billing refund rule the walk hits, behind an outage rule that does not match, and a yearly cap. */
const RULES: CompensationRuleSetInput = {
  id: 'bench_rules',
  version: 1,
  currency: 'HUF',
  rules: [
    {
      id: 'outage_long',
      description: 'Outage of a day or more: 1 000 Ft per started hour, at most 60 000 Ft',
      when: { categories: ['network_outage'], minOutageHours: 24 },
      kind: 'credit',
      award: { basis: 'per_outage_hour', amount: huf(1_000) },
      max: huf(60_000),
    },
    {
      id: 'billing_error',
      description: 'Wrong bill: the amount in dispute back, at most 50 000 Ft',
      when: { categories: ['billing'], minAmountInDispute: huf(1) },
      kind: 'refund',
      award: { basis: 'percent_of_dispute', percent: 100 },
      max: huf(50_000),
    },
    {
      id: 'apology',
      description: 'Otherwise',
      kind: 'apology_only',
      award: { basis: 'fixed', amount: huf(0) },
    },
  ],
  caps: [{ id: 'yearly', perCustomer: huf(10_000_000), windowDays: 365 }],
};
/** Complaint commands per operation: receive, acknowledge, investigate, decide, approve, answer, accept, close. */
const COMPLAINT_COMMANDS = 8;

interface ComplaintDesk {
  store: Store;
  complaints: ComplaintService;
  customerIds: string[];
  next: number;
}

/** A store with the rule set and `customers` customers, and the complaint service over it. */
async function openComplaintDesk(store: Store, customers: number): Promise<ComplaintDesk> {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const ids = createSequentialIds('cmpbench');
  const complaints = createComplaintService({
    store,
    clock,
    ids,
    letters: createLetterEnvironment(),
    office: {
      name: 'Példa Távközlési Zrt.',
      address: { postalCode: '1051', city: 'Budapest', street: 'Nádor utca 5.' },
      phone: '+36 1 234 5678',
      email: 'panasz@pelda.hu',
    },
    authority: AUTHORITY,
  });
  await complaints.saveRuleSet({ actor: supervisor, ruleSet: RULES });
  const service = createCustomerService({ store, clock, ids });
  const customerIds: string[] = [];
  for (let i = 0; i < customers; i++) {
    const { customer } = await service.registerCustomer({
      actor: operator,
      familyName: 'Kovács',
      givenNames: [`Ügyfél${i}`],
      contactPoints: [
        {
          kind: 'postal',
          address: {
            lines: ['Király utca 12.'],
            locality: 'Pécs',
            postalCode: '7621',
            region: 'Baranya',
            country: 'HU',
          },
        },
      ],
    });
    customerIds.push(customer.id);
  }
  return { store, complaints, customerIds, next: 0 };
}

/** One operation: a phone complaint about a bill, from intake to closing, with the supervisor's approval. */
async function walkComplaint(desk: ComplaintDesk): Promise<void> {
  const { complaints } = desk;
  const customerId = desk.customerIds[desk.next++ % desk.customerIds.length]!;
  const { complaint } = await complaints.receiveComplaint({
    actor: complaintAgent,
    customerId,
    consumer: { county: 'baranya' },
    channel: 'phone',
    place: 'Telefonos ügyfélszolgálat',
    agentName: 'Kiss Anna',
    subject: 'Hibás számla: kétszer felszámított havidíj',
    description: 'A novemberi számlán a havidíj (12 990 Ft) kétszer szerepel.',
    category: 'billing',
    productOrService: 'Otthoni Net 500',
    amountInDispute: huf(12_990),
    requestedRemedy: 'Visszatérítés',
  });
  const complaintId = complaint.id;
  await complaints.acknowledgeComplaint({ actor: complaintAgent, complaintId });
  await complaints.startInvestigation({ actor: complaintAgent, complaintId, assigneeId: complaintAgent.id });
  const decided = await complaints.decideComplaint({
    actor: complaintAgent,
    complaintId,
    outcome: 'upheld',
    reasons: 'A havidíjat tévesen kétszer számláztuk ki.',
    ruleSetId: RULES.id,
  });
  if (!decided.needsApproval) throw new Error(`complaint ${complaintId} needed no approval`);
  await complaints.approveCompensation({ actor: supervisor, complaintId });
  await complaints.sendAnswer({
    actor: complaintAgent,
    complaintId,
    agentName: 'Kiss Anna',
    agentTitle: 'ügyfélszolgálati munkatárs',
    nextSteps: 'A visszatérítést a következő számlán jóváírjuk.',
  });
  await complaints.acceptAnswer({ actor: complaintAgent, complaintId });
  const { complaint: closed } = await complaints.closeComplaint({ actor: complaintAgent, complaintId });
  if (closed.status !== 'closed' || closed.history.length !== COMPLAINT_COMMANDS - 1) {
    throw new Error(
      `complaint ${complaintId} ended ${closed.status} after ${closed.history.length} commands`,
    );
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

    // Complaints: the decision reads the customer's earlier complaints (for the cap), so they are spread over
    // enough customers that none collects more than a handful during the run.
    const complaintsPreloaded = benchSize(200, 5);
    const complaintCustomers = benchSize(1_000, 20);
    const complaintDesks = new Map<string, ComplaintDesk>();
    const complaintTask = (
      name: string,
      open: () => Promise<Store>,
    ): BenchTask & { open: () => Promise<Store> } => ({
      name,
      open,
      fn: async () => {
        const desk = complaintDesks.get(name);
        if (!desk) throw new Error(`${name} is not open`);
        await walkComplaint(desk);
      },
    });
    const complaintBaseline = complaintTask('memory adapter', async () => createMemoryStore({ clock }));
    const complaintCandidates = [complaintTask('PGlite (in memory)', () => createPgliteStore({ clock }))];
    const complaintLifecycle: BenchCase = {
      name: `complaint lifecycle on PGlite (receive → close with approval, ${COMPLAINT_COMMANDS} commands per op, ${complaintsPreloaded} complaints preloaded over ${complaintCustomers} customers)`,
      itemsPerOp: 1,
      unit: 'complaint',
      iterations: 5,
      time: 1_000,
      baseline: complaintBaseline,
      candidates: complaintCandidates,
      setup: async () => {
        for (const t of [complaintBaseline, ...complaintCandidates]) {
          const desk = await openComplaintDesk(await t.open(), complaintCustomers);
          for (let i = 0; i < complaintsPreloaded; i++) await walkComplaint(desk);
          complaintDesks.set(t.name, desk);
        }
      },
      teardown: async () => {
        for (const desk of complaintDesks.values()) await desk.store.close();
        complaintDesks.clear();
      },
    };
    return [transitions, complaintLifecycle];
  },
});
