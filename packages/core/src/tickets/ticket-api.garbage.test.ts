import {
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
  type Store,
} from '@frontline/core';
import {
  canApplyTicketCommand,
  createTicketService,
  decideTicketTransition,
  selectSlaTargets,
  type Ticket,
  type TicketService,
  ticketFacts,
} from '@frontline/core/service-desk';
import { CustomerCollection } from '@frontline/core/storage';
import { serviceDeskActors, suiteCustomer, suiteSlaPolicy } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../kit/collect';

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

async function setup(): Promise<{ tickets: TicketService; ticketId: string; store: Store }> {
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
  return { tickets, ticketId: ticket.id, store };
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
      ['getTicket', nearly({ actor, id: ticketId }), (i) => tickets.getTicket(i as never)],
      [
        'ticketsOfCustomer',
        nearly({ actor, customerId: 'cust-1', from: '2026-01-01T00:00:00Z', limit: 2 }),
        (i) => tickets.ticketsOfCustomer(i as never),
      ],
      [
        'ticketInbox',
        nearly({ actor, status: 'new', group: 'g', assigneeId: 'a', limit: 2, cursor: 'x' }),
        (i) => tickets.ticketInbox(i as never),
      ],
      [
        'dueBreaches',
        nearly({ actor, before: '2026-03-03T00:00:00Z' }),
        (i) => tickets.dueBreaches(i as never),
      ],
      ['checkSla', nearly({ now: '2026-03-03T00:00:00Z', limit: 10 }), (i) => tickets.checkSla(i as never)],
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
      ['getSlaPolicy', nearly({ actor, id: 'hotline' }), (i) => tickets.getSlaPolicy(i as never)],
      ['createTicketService', fc.anything(), (i) => createTicketService(i as never)],
    ];
    for (const [, arbitrary, call] of calls) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => onlyFrontlineErrors(() => call(input))),
        { numRuns: 60 },
      );
    }
  }, 60_000);

  it('refuses an unknown key in the input of every service function, storing nothing', async () => {
    const { tickets, ticketId, store } = await setup();
    const actor = serviceDeskActors.supervisor;
    const ref = { actor, ticketId };
    const valid: [string, Record<string, unknown>, (input: unknown) => unknown][] = [
      [
        'openTicket',
        { actor, customerId: 'cust-1', subject: 's', category: 'network' },
        (i) => tickets.openTicket(i as never),
      ],
      ['assignTicket', { ...ref, group: 'g' }, (i) => tickets.assignTicket(i as never)],
      ['classifyTicket', { ...ref, priority: 'high' }, (i) => tickets.classifyTicket(i as never)],
      ['respondToTicket', ref, (i) => tickets.respondToTicket(i as never)],
      ['waitOnCustomer', ref, (i) => tickets.waitOnCustomer(i as never)],
      ['recordCustomerReply', ref, (i) => tickets.recordCustomerReply(i as never)],
      ['linkInteraction', { ...ref, interactionId: 'i' }, (i) => tickets.linkInteraction(i as never)],
      ['escalateTicket', { ...ref, reason: 'r' }, (i) => tickets.escalateTicket(i as never)],
      ['deescalateTicket', { ...ref, reason: 'r' }, (i) => tickets.deescalateTicket(i as never)],
      ['resolveTicket', ref, (i) => tickets.resolveTicket(i as never)],
      ['reopenTicket', ref, (i) => tickets.reopenTicket(i as never)],
      ['closeTicket', ref, (i) => tickets.closeTicket(i as never)],
      ['getTicket', { actor, id: ticketId }, (i) => tickets.getTicket(i as never)],
      ['ticketsOfCustomer', { actor, customerId: 'cust-1' }, (i) => tickets.ticketsOfCustomer(i as never)],
      ['ticketInbox', { actor, status: 'new' }, (i) => tickets.ticketInbox(i as never)],
      [
        'dueBreaches',
        { actor, before: '2026-03-03T00:00:00Z' },
        (i) => collect(tickets.dueBreaches(i as never)),
      ],
      ['checkSla', {}, (i) => tickets.checkSla(i as never)],
      ['saveSlaPolicy', { actor, policy: suiteSlaPolicy() }, (i) => tickets.saveSlaPolicy(i as never)],
      ['getSlaPolicy', { actor, id: 'hotline' }, (i) => tickets.getSlaPolicy(i as never)],
    ];
    const head = await store.audit.head();
    for (const [name, input, call] of valid) {
      const error = await Promise.resolve()
        .then(() => call({ ...input, unexpected: 1 }))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(FrontlineError.is(error, 'VALIDATION'), name).toBe(true);
      expect(JSON.stringify((error as FrontlineError).details), name).toContain('unexpected');
    }
    expect(await store.audit.head()).toEqual(head);
    // the same inputs without the unknown key are accepted (or refused for another reason than the key)
    await expect(tickets.getTicket({ actor, id: ticketId })).resolves.toMatchObject({ id: ticketId });
  });
});
