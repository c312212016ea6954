import { ticketFacts } from '@frontline/core/service-desk';
import { expect } from './runner';
import { A, H, MIN, type TicketTest } from './tickets-suite-context';

/** The ticket suite's contact cases: links to documented contacts and the facts derived from them. */
export function ticketContactTests(test: TicketTest): void {
  test(
    'derived-facts',
    'derives first-contact resolution and resolution without escalation from history',
    async ({ clock, tickets, contacts }) => {
      const call = await contacts.recordInteraction({
        actor: A.agent,
        customerId: 'cust-1',
        channel: 'phone',
        direction: 'inbound',
        queue: 'hotline',
        agentId: A.agent.id,
        offeredAt: '2026-03-02T07:55:00Z',
        answeredAt: '2026-03-02T07:55:30Z',
        endedAt: '2026-03-02T08:00:00Z',
        outcome: 'resolved',
      });
      const { ticket } = await tickets.openTicket({
        actor: A.agent,
        customerId: 'cust-1',
        subject: 'Jelszócsere',
        category: 'account',
        interactionId: call.interaction.id,
      });
      expect(ticket.status).toBe('open'); // the call was the first response
      const resolved = await tickets.resolveTicket({ actor: A.agent, ticketId: ticket.id });
      expect(ticketFacts(resolved.ticket)).toMatchObject({
        firstContactResolution: true,
        resolvedWithoutEscalation: true,
      });
      expect(
        (await contacts.getInteraction({ actor: A.agent, id: call.interaction.id })).amendments[0]?.changes
          .addLinks?.ticketIds,
      ).toEqual([ticket.id]);

      const first = await contacts.recordInteraction({
        actor: A.agent,
        customerId: 'cust-1',
        channel: 'email',
        direction: 'inbound',
        offeredAt: '2026-03-02T07:00:00Z',
      });
      const second = await tickets.openTicket({
        actor: A.agent,
        customerId: 'cust-1',
        subject: 'Router',
        category: 'network',
        interactionId: first.interaction.id,
      });
      clock.advance(10 * MIN);
      await contacts.recordInteraction({
        actor: A.agent,
        customerId: 'cust-1',
        channel: 'phone',
        direction: 'inbound',
        offeredAt: '2026-03-02T08:05:00Z',
        answeredAt: '2026-03-02T08:05:10Z',
        endedAt: '2026-03-02T08:09:00Z',
        links: { ticketIds: [second.ticket.id] },
      });
      await tickets.escalateTicket({ actor: A.agent, ticketId: second.ticket.id, reason: 'Router csere' });
      const done = await tickets.resolveTicket({ actor: A.specialist, ticketId: second.ticket.id });
      expect(ticketFacts(done.ticket)).toMatchObject({
        firstContactResolution: false,
        resolvedWithoutEscalation: false,
        inboundContacts: 2,
      });
    },
  );
  test(
    'link-interaction',
    'links contacts: a reply resumes a pending ticket, a second link changes nothing, a foreign one is refused',
    async ({ clock, tickets, contacts, refused, open }) => {
      const id = await open();
      await tickets.respondToTicket({ actor: A.agent, ticketId: id });
      await tickets.waitOnCustomer({ actor: A.agent, ticketId: id });
      clock.advance(H);
      const mail = await contacts.recordInteraction({
        actor: A.agent,
        customerId: 'cust-1',
        channel: 'email',
        direction: 'inbound',
        offeredAt: clock.now(),
      });
      const linked = await tickets.linkInteraction({
        actor: A.agent,
        ticketId: id,
        interactionId: mail.interaction.id,
      });
      expect(linked.ticket.status).toBe('open');
      expect(linked.events.map((e) => e.type)).toEqual([
        'ticket.contact_linked.v1',
        'ticket.customer_replied.v1',
        'interaction.amended.v1',
      ]);
      const again = await tickets.linkInteraction({
        actor: A.agent,
        ticketId: id,
        interactionId: mail.interaction.id,
      });
      expect(again.events).toEqual([]);
      const foreign = await contacts.recordInteraction({
        actor: A.agent,
        customerId: 'cust-2',
        channel: 'sms',
        direction: 'inbound',
        offeredAt: clock.now(),
      });
      await refused(
        () =>
          tickets.linkInteraction({ actor: A.agent, ticketId: id, interactionId: foreign.interaction.id }),
        'VALIDATION',
      );
      await refused(
        () => tickets.linkInteraction({ actor: A.agent, ticketId: id, interactionId: 'missing' }),
        'NOT_FOUND',
      );
    },
  );
}
