import {
  CustomerCollection,
  canApplyTicketCommand,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  createTicketService,
  decideTicketTransition,
  FrontlineError,
  selectSlaTargets,
  type Ticket,
  type TicketService,
  ticketFacts,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceDeskActors, suiteCustomer } from '../testing/interactions-suite';
import { suiteSlaPolicy } from '../testing/tickets-suite';

/** Calls `fn` and, for a promise or an async iterable, waits for it; any error must be a FrontlineError. */
async function onlyFrontlineErrors(fn: () => unknown): Promise<void> {
  try {
    const result = fn();
    if (result instanceof Promise) await result;
    else if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
      for await (const _ of result as AsyncIterable<unknown>) {
        // drain
      }
    }
  } catch (error) {
    expect(FrontlineError.is(error), `${String(error)}\n${(error as Error)?.stack}`).toBe(true);
  }
}

/** A valid input with one field replaced by anything, or anything at all. */
function nearly(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything(),
    fc
      .tuple(fc.constantFrom(...Object.keys(valid)), fc.anything())
      .map(([key, value]) => ({ ...valid, [key]: value })),
  );
}

async function setup(): Promise<{ tickets: TicketService; ticketId: string }> {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore({ clock });
  await store.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
  const tickets = createTicketService({
    store,
    clock,
    ids: createSequentialIds('g'),
    defaultSlaPolicyId: 'hotline',
  });
  await tickets.saveSlaPolicy({ actor: serviceDeskActors.supervisor, policy: suiteSlaPolicy() });
  const { ticket } = await tickets.openTicket({
    actor: serviceDeskActors.agent,
    customerId: 'cust-1',
    subject: 'x',
    category: 'network',
  });
  return { tickets, ticketId: ticket.id };
}

describe('ticket API under garbage', () => {
  it('answers garbage to the pure functions with FrontlineErrors, never TypeErrors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (a, b, c) => {
        await onlyFrontlineErrors(() => decideTicketTransition(a as never, b as never, c as never));
        await onlyFrontlineErrors(() => canApplyTicketCommand(a as never, b as never, c as never));
        await onlyFrontlineErrors(() => decideTicketTransition('open', 'resolve', a as never));
        await onlyFrontlineErrors(() => selectSlaTargets(a as never, b as never));
        await onlyFrontlineErrors(() => selectSlaTargets(suiteSlaPolicy(), a as never));
        await onlyFrontlineErrors(() => ticketFacts(a as Ticket, b as never));
      }),
      { numRuns: 300 },
    );
  });

  it('answers garbage to every service function with FrontlineErrors, never TypeErrors', async () => {
    const { tickets, ticketId } = await setup();
    const actor = serviceDeskActors.supervisor;
    const ref = { actor, ticketId };
    const calls: [string, fc.Arbitrary<unknown>, (input: unknown) => unknown][] = [
      [
        'openTicket',
        nearly({ actor, customerId: 'cust-1', subject: 's', category: 'network' }),
        (i) => tickets.openTicket(i as never),
      ],
      ['assignTicket', nearly({ ...ref, group: 'g' }), (i) => tickets.assignTicket(i as never)],
      ['classifyTicket', nearly({ ...ref, priority: 'high' }), (i) => tickets.classifyTicket(i as never)],
      ['respondToTicket', nearly(ref), (i) => tickets.respondToTicket(i as never)],
      ['waitOnCustomer', nearly(ref), (i) => tickets.waitOnCustomer(i as never)],
      ['recordCustomerReply', nearly(ref), (i) => tickets.recordCustomerReply(i as never)],
      ['linkInteraction', nearly({ ...ref, interactionId: 'i' }), (i) => tickets.linkInteraction(i as never)],
      ['escalateTicket', nearly({ ...ref, reason: 'r' }), (i) => tickets.escalateTicket(i as never)],
      ['deescalateTicket', nearly({ ...ref, reason: 'r' }), (i) => tickets.deescalateTicket(i as never)],
      ['resolveTicket', nearly(ref), (i) => tickets.resolveTicket(i as never)],
      ['reopenTicket', nearly(ref), (i) => tickets.reopenTicket(i as never)],
      ['closeTicket', nearly(ref), (i) => tickets.closeTicket(i as never)],
      ['getTicket', fc.anything(), (i) => tickets.getTicket(i as never)],
      ['ticketsOfCustomer', fc.anything(), (i) => tickets.ticketsOfCustomer(i as never)],
      [
        'ticketsOfCustomer options',
        nearly({ from: '2026-01-01T00:00:00Z' }),
        (i) => tickets.ticketsOfCustomer('cust-1', i as never),
      ],
      ['dueBreaches', nearly({ before: '2026-03-03T00:00:00Z' }), (i) => tickets.dueBreaches(i as never)],
      ['checkSla', fc.anything(), (i) => tickets.checkSla(i as never)],
      ['checkSla options', nearly({ limit: 10 }), (i) => tickets.checkSla(undefined, i as never)],
      [
        'saveSlaPolicy',
        nearly({ actor, policy: suiteSlaPolicy() }),
        (i) => tickets.saveSlaPolicy(i as never),
      ],
      [
        'saveSlaPolicy policy',
        nearly(suiteSlaPolicy() as never),
        (i) => tickets.saveSlaPolicy({ actor, policy: i as never }),
      ],
      ['getSlaPolicy', fc.anything(), (i) => tickets.getSlaPolicy(i as never)],
      ['createTicketService', fc.anything(), (i) => createTicketService(i as never)],
    ];
    for (const [, arbitrary, call] of calls) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => onlyFrontlineErrors(() => call(input))),
        { numRuns: 60 },
      );
    }
  }, 60_000);
});
