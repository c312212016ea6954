import {
  A,
  expectFrontlineError,
  type InteractionSuiteOptions,
  interactionCase,
  personalReader,
  phoneCall,
} from './interactions-suite-fixtures';
import { describe, expect } from './runner';

/** Reads through the policy, the customer inbox paged by cursor, and unknown keys refused. */
export function runInteractionReadSuite(options: InteractionSuiteOptions): void {
  const test = interactionCase(options);
  describe(`interactions, reads: ${options.name}`, () => {
    test(
      'masked-reads',
      'masks notes, feedback comments and call references for readers who neither work contacts nor hold customer.read_personal',
      async ({ contacts, clock }) => {
        const { interaction } = await contacts.recordInteraction(
          phoneCall('cust-1', { externalRef: 'call-+36301234567', notes: 'Kiss Anna, +36 30 123 4567' }),
        );
        await contacts.amendInteraction({
          actor: A.agent,
          interactionId: interaction.id,
          reason: 'Elírás',
          changes: { notes: 'Kiss Anna, +36 30 765 4321', outcome: 'follow_up' },
        });
        await contacts.requestFeedback({ actor: A.agent, interactionId: interaction.id, via: 'sms' });
        clock.advance(60_000);
        await contacts.recordFeedback({
          actor: A.agent,
          interactionId: interaction.id,
          csat: 2,
          comment: 'Lassú',
        });
        const full = await contacts.getInteraction({ actor: personalReader, id: interaction.id });
        expect(full).toMatchObject({ notes: 'Kiss Anna, +36 30 123 4567', externalRef: 'call-+36301234567' });
        expect(full.feedback?.answer?.comment).toBe('Lassú');
        const worked = await contacts.getInteraction({ actor: A.agent, id: interaction.id });
        expect(worked.notes).toBe('Kiss Anna, +36 30 123 4567');
        const seen = await contacts.getInteraction({ actor: A.outsider, id: interaction.id });
        expect(seen).toMatchObject({
          notes: '***',
          externalRef: '***',
          channel: 'phone',
          customerId: 'cust-1',
        });
        expect(seen.amendments[0]?.changes).toEqual({ notes: '***', outcome: 'follow_up' });
        expect(seen.feedback?.answer).toMatchObject({ csat: 2, comment: '***' });
        const [listed] = await (async () => {
          const out = [];
          for await (const c of contacts.contactHistory({ actor: A.outsider, customerId: 'cust-1' }))
            out.push(c);
          return out;
        })();
        expect(listed?.notes).toBe('***');
        const nobody = { id: 'x', roles: [], permissions: ['ticket.write'] };
        await expectFrontlineError(
          contacts.getInteraction({ actor: nobody, id: interaction.id }),
          'FORBIDDEN',
        );
        expect(() => contacts.interactionsOfTicket({ actor: nobody, ticketId: 't' })).toThrow(
          expect.objectContaining({ code: 'FORBIDDEN' }),
        );
        await expectFrontlineError(contacts.getInteraction({ actor: A.agent, id: 'missing' }), 'NOT_FOUND');
      },
    );

    test(
      'customer-inbox',
      "pages a customer's contacts of a period by cursor, oldest first, never another customer's",
      async ({ contacts }) => {
        const times = Array.from({ length: 7 }, (_, i) => `2026-02-2${i + 1}T09:00:00.000Z`);
        for (const offeredAt of [...times].reverse()) {
          await contacts.recordInteraction(
            phoneCall('cust-1', { offeredAt, answeredAt: null, endedAt: null, holdMs: 0, channel: 'email' }),
          );
        }
        // Two contacts at the same instant: the cursor must not skip or repeat either.
        await contacts.recordInteraction(
          phoneCall('cust-1', {
            offeredAt: times[3],
            answeredAt: null,
            endedAt: null,
            holdMs: 0,
            channel: 'chat',
          }),
        );
        await contacts.recordInteraction(
          phoneCall('cust-2', { offeredAt: times[2], answeredAt: null, endedAt: null, holdMs: 0 }),
        );
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await contacts.interactionsOfCustomer({
            actor: A.outsider,
            customerId: 'cust-1',
            from: times[1],
            to: times[6],
            limit: 2,
            ...(cursor === undefined ? {} : { cursor }),
          });
          expect(page.items.length).toBeLessThanOrEqual(2);
          expect(page.items.every((c) => c.customerId === 'cust-1' && c.notes === '***')).toBe(true);
          seen.push(...page.items.map((c) => c.offeredAt.toISOString()));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor !== undefined && pages < 10);
        expect(seen).toEqual([times[1], times[2], times[3], times[3], times[4], times[5]]);
        expect(pages).toBe(3);
        const all = await contacts.interactionsOfCustomer({
          actor: A.agent,
          customerId: 'cust-1',
          limit: 50,
        });
        expect([all.items.length, all.nextCursor]).toEqual([8, null]);
        await expectFrontlineError(
          contacts.interactionsOfCustomer({
            actor: A.agent,
            customerId: 'cust-1',
            limit: 2,
            cursor: 'garbage',
          }),
          'VALIDATION',
        );
        await expectFrontlineError(
          contacts.interactionsOfCustomer({
            actor: A.agent,
            customerId: 'cust-1',
            from: times[3],
            to: times[1],
          }),
          'VALIDATION',
        );
        await expectFrontlineError(
          contacts.interactionsOfCustomer({
            actor: { id: 'x', roles: [], permissions: [] },
            customerId: 'cust-1',
          }),
          'FORBIDDEN',
        );
      },
    );

    test(
      'unknown-keys',
      'refuses unknown keys in the input of every function, storing nothing',
      async ({ contacts, refused }) => {
        const { interaction } = await contacts.recordInteraction(phoneCall('cust-1'));
        const extra = { unexpected: 1 };
        const id = interaction.id;
        const commands: (() => Promise<unknown>)[] = [
          () => contacts.recordInteraction({ ...phoneCall('cust-1'), ...extra } as never),
          () =>
            contacts.amendInteraction({
              actor: A.agent,
              interactionId: id,
              reason: 'r',
              changes: { notes: 'n' },
              ...extra,
            } as never),
          () =>
            contacts.requestFeedback({ actor: A.agent, interactionId: id, via: 'sms', ...extra } as never),
          () => contacts.recordFeedback({ actor: A.agent, interactionId: id, csat: 4, ...extra } as never),
          () => contacts.getInteraction({ actor: A.agent, id, ...extra } as never),
          () => contacts.interactionsOfCustomer({ actor: A.agent, customerId: 'cust-1', ...extra } as never),
        ];
        for (const command of commands) {
          const error = await refused(command, 'VALIDATION');
          expect(JSON.stringify(error.details)).toContain('unexpected');
        }
        const streams = [
          () => contacts.contactHistory({ actor: A.agent, customerId: 'cust-1', ...extra } as never),
          () => contacts.interactionsOfTicket({ actor: A.agent, ticketId: 't-1', ...extra } as never),
          () =>
            contacts.offeredInteractions({
              actor: A.agent,
              from: '2026-03-01T00:00:00Z',
              to: '2026-03-02T00:00:00Z',
              ...extra,
            } as never),
        ];
        for (const stream of streams) expect(stream).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      },
    );
  });
}
