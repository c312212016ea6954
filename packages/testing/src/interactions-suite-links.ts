import { collect } from '@frontline/core';
import { A, type InteractionSuiteOptions, interactionCase, phoneCall } from './interactions-suite-fixtures';
import { describe, expect } from './runner';

/** Ticket links and period queries of the interaction suite. */
export function runInteractionLinkSuite(options: InteractionSuiteOptions): void {
  const test = interactionCase(options);
  describe(`interactions, ticket links and periods: ${options.name}`, () => {
    test(
      'ticket-links',
      'tells linked tickets about the contact in the same transaction',
      async ({ store, contacts, tickets }) => {
        const { ticket } = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-1',
          subject: 'Kétszer számlázva',
          category: 'billing',
        });
        const reply = await contacts.recordInteraction(
          phoneCall('cust-1', {
            direction: 'outbound',
            offeredAt: '2026-03-02T07:58:00Z',
            answeredAt: '2026-03-02T07:58:10Z',
            endedAt: '2026-03-02T07:59:00Z',
            holdMs: 0,
            links: { ticketIds: [ticket.id] },
          }),
        );
        expect(reply.events.map((e) => e.type)).toEqual([
          'interaction.recorded.v1',
          'ticket.contact_linked.v1',
          'ticket.responded.v1',
        ]);
        const updated = await tickets.getTicket({ actor: A.supervisor, id: ticket.id });
        expect(updated.status).toBe('open');
        expect(updated.history.map((h) => h.command)).toEqual(['link_contact', 'respond']);
        expect(
          (await collect(contacts.interactionsOfTicket({ actor: A.agent, ticketId: ticket.id }))).map(
            (i) => i.id,
          ),
        ).toEqual([reply.interaction.id]);
        const later = await contacts.recordInteraction(
          phoneCall('cust-1', { channel: 'email', answeredAt: null, endedAt: null, holdMs: 0 }),
        );
        await contacts.amendInteraction({
          actor: A.agent,
          interactionId: later.interaction.id,
          reason: 'About the ticket',
          changes: { addLinks: { ticketIds: [ticket.id] } },
        });
        expect(
          (await collect(contacts.interactionsOfTicket({ actor: A.agent, ticketId: ticket.id }))).length,
        ).toBe(2);
        const linked = await tickets.getTicket({ actor: A.supervisor, id: ticket.id });
        expect(linked.history.map((h) => h.command)).toEqual([
          'link_contact',
          'respond',
          'link_contact',
          'customer_reply',
        ]);
        const audit = await collect(store.audit.read({ entityType: 'ticket', entityId: ticket.id }));
        expect(audit.length).toBe(1 + linked.history.length);
      },
    );

    test(
      'ticket-link-refusals',
      'refuses links to unknown or foreign tickets, storing neither contact nor ticket change',
      async ({ contacts, tickets, refused }) => {
        const { ticket } = await tickets.openTicket({
          actor: A.agent,
          customerId: 'cust-2',
          subject: 'Más ügyfél',
          category: 'billing',
        });
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { links: { ticketIds: ['missing'] } })),
          'NOT_FOUND',
        );
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { links: { ticketIds: [ticket.id] } })),
          'VALIDATION',
        );
        const noTicketRights = { id: 'x', roles: [], permissions: ['interaction.write'] };
        await refused(
          () =>
            contacts.recordInteraction(
              phoneCall('cust-2', { actor: noTicketRights, links: { ticketIds: [ticket.id] } }),
            ),
          'FORBIDDEN',
        );
      },
    );

    test(
      'period-queries',
      'selects contacts offered in a period, per queue and per agent, by index',
      async ({ contacts }) => {
        const rows: [string, string, string][] = [
          ['2026-03-01T08:00:00Z', 'hotline', 'agent-anna'],
          ['2026-03-01T09:00:00Z', 'billing', 'agent-anna'],
          ['2026-03-01T10:00:00Z', 'hotline', 'agent-bob'],
          ['2026-02-28T10:00:00Z', 'hotline', 'agent-bob'],
        ];
        for (const [offeredAt, queue, agentId] of rows) {
          await contacts.recordInteraction(
            phoneCall('cust-1', { offeredAt, queue, agentId, answeredAt: null, endedAt: null, holdMs: 0 }),
          );
        }
        const period = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
        expect((await collect(contacts.offeredInteractions({ actor: A.agent, ...period }))).length).toBe(3);
        expect(
          (await collect(contacts.offeredInteractions({ actor: A.agent, ...period, queue: 'hotline' }))).map(
            (i) => i.agentId,
          ),
        ).toEqual(['agent-anna', 'agent-bob']);
        expect(
          (
            await collect(contacts.offeredInteractions({ actor: A.agent, ...period, agentId: 'agent-anna' }))
          ).map((i) => i.queue),
        ).toEqual(['hotline', 'billing']);
      },
    );
  });
}
