import { createFixedClock, createMemoryStore, createSequentialIds, FrontlineError } from '@frontline/core';
import { createInteractionService } from '@frontline/core/service-desk';
import { CustomerCollection } from '@frontline/core/storage';
import { serviceDeskActors, suiteCustomer } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

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

function nearly(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything(),
    fc
      .tuple(fc.constantFrom(...Object.keys(valid)), fc.anything())
      .map(([key, value]) => ({ ...valid, [key]: value })),
  );
}

describe('interaction API under garbage', () => {
  it('answers garbage to every service function with FrontlineErrors, never TypeErrors', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock });
    await store.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
    const contacts = createInteractionService({ store, clock, ids: createSequentialIds('g') });
    const actor = serviceDeskActors.agent;
    const { interaction } = await contacts.recordInteraction({
      actor,
      customerId: 'cust-1',
      channel: 'phone',
      direction: 'inbound',
      offeredAt: '2026-03-02T07:00:00Z',
      answeredAt: '2026-03-02T07:00:10Z',
      endedAt: '2026-03-02T07:05:00Z',
    });
    const record = {
      actor,
      customerId: 'cust-1',
      channel: 'email',
      direction: 'inbound',
      offeredAt: '2026-03-02T07:00:00Z',
      links: { ticketIds: [] },
      holdMs: 0,
    };
    const calls: [fc.Arbitrary<unknown>, (input: unknown) => unknown][] = [
      [nearly(record), (i) => contacts.recordInteraction(i as never)],
      [
        nearly({ actor, interactionId: interaction.id, reason: 'r', changes: { notes: 'n' } }),
        (i) => contacts.amendInteraction(i as never),
      ],
      [
        nearly({ notes: 'n', endedAt: null, addLinks: {} }),
        (i) =>
          contacts.amendInteraction({
            actor,
            interactionId: interaction.id,
            reason: 'r',
            changes: i as never,
          }),
      ],
      [
        nearly({ actor, interactionId: interaction.id, via: 'sms' }),
        (i) => contacts.requestFeedback(i as never),
      ],
      [nearly({ actor, interactionId: interaction.id, csat: 4 }), (i) => contacts.recordFeedback(i as never)],
      [nearly({ actor, id: interaction.id }), (i) => contacts.getInteraction(i as never)],
      [
        nearly({ actor, customerId: 'cust-1', from: '2026-01-01T00:00:00Z', order: 'desc' }),
        (i) => contacts.contactHistory(i as never),
      ],
      [
        nearly({ actor, customerId: 'cust-1', from: '2026-01-01T00:00:00Z', limit: 2, cursor: 'x' }),
        (i) => contacts.interactionsOfCustomer(i as never),
      ],
      [nearly({ actor, ticketId: 't-1' }), (i) => contacts.interactionsOfTicket(i as never)],
      [
        nearly({ actor, from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', queue: 'q' }),
        (i) => contacts.offeredInteractions(i as never),
      ],
      [fc.anything(), (i) => createInteractionService(i as never)],
    ];
    for (const [arbitrary, call] of calls) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => onlyFrontlineErrors(() => call(input))),
        { numRuns: 80 },
      );
    }
  }, 60_000);
});
