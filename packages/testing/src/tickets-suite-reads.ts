import type { TicketInboxInput, TicketService } from '@frontline/core/service-desk';
import { MASKED_TICKET_TEXT } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { expect } from './runner';
import { pageIds } from './suite-harness';
import { A, collect, MIN, START, type TicketSuiteOptions, type TicketTest } from './tickets-suite-context';

/** Every page of an inbox query as the first-level agent, following the cursor: the ids of each page. */
const inboxPages = (tickets: TicketService, filter: Omit<TicketInboxInput, 'actor' | 'cursor'>) =>
  pageIds((cursor) => tickets.ticketInbox({ actor: A.agent, ...filter, ...(cursor ? { cursor } : {}) }));

/** The ticket suite's read cases: the read policy and its masking, a customer's tickets and the inboxes paged. */
export function ticketReadTests(test: TicketTest, options: TicketSuiteOptions): void {
  test(
    'read-policy',
    'lets ticket readers read, masks free texts for a reader with ticket.read alone, refuses everyone else',
    async ({ tickets, refused, open }) => {
      const id = await open({ description: 'Kiss Anna, Király u. 12: a router nem kap jelet' });
      await tickets.waitOnCustomer({ actor: A.agent, ticketId: id, reason: 'Kiss Anna visszahív' });
      const masked = await tickets.getTicket({ actor: A.reader, id });
      expect(masked).toMatchObject({
        id,
        status: 'pending',
        subject: MASKED_TICKET_TEXT,
        description: MASKED_TICKET_TEXT,
      });
      expect(masked.history.map((h) => [h.command, h.reason])).toEqual([
        ['wait_on_customer', MASKED_TICKET_TEXT],
      ]);
      expect(JSON.stringify(masked)).not.toContain('Kiss');
      for (const actor of [A.personalReader, A.agent, A.specialist]) {
        const full = await tickets.getTicket({ actor, id });
        expect(full.subject).toBe('Nincs internet hétfő óta');
        expect(full.history[0]?.reason).toBe('Kiss Anna visszahív');
      }
      const inbox = await tickets.ticketInbox({ actor: A.reader, status: 'pending', limit: 10 });
      expect(inbox.items.map((t) => [t.id, t.subject])).toEqual([[id, MASKED_TICKET_TEXT]]);
      const ofCustomer = await tickets.ticketsOfCustomer({
        actor: A.reader,
        customerId: 'cust-1',
        limit: 10,
      });
      expect(ofCustomer.items.map((t) => t.description)).toEqual([MASKED_TICKET_TEXT]);
      expect((await tickets.getSlaPolicy({ actor: A.reader, id: 'hotline' })).id).toBe('hotline');
      const outsider = A.outsider;
      await refused(() => tickets.getTicket({ actor: outsider, id }), 'FORBIDDEN');
      await refused(() => tickets.getSlaPolicy({ actor: outsider, id: 'hotline' }), 'FORBIDDEN');
      await refused(() => tickets.ticketsOfCustomer({ actor: outsider, customerId: 'cust-1' }), 'FORBIDDEN');
      await refused(() => tickets.ticketInbox({ actor: outsider, status: 'new' }), 'FORBIDDEN');
      await refused(
        async () => collect(tickets.dueBreaches({ actor: outsider, before: '2026-03-03T00:00:00Z' })),
        'FORBIDDEN',
      );
      await refused(() => tickets.ticketInbox({ actor: A.agent, limit: 5 }), 'VALIDATION');
      await refused(
        () => tickets.ticketInbox({ actor: A.agent, status: 'new', cursor: 'forged' }),
        'VALIDATION',
      );
    },
  );

  test(
    'customer-tickets-paged',
    "pages a customer's tickets in opening order, ties broken by id, narrowed to [from, to)",
    async ({ clock, tickets, open }) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await open());
        if (i % 2 === 1) clock.advance(10 * MIN); // pairs opened at the same instant share a key
      }
      await open({ customerId: 'cust-2' });
      const read = (extra: Record<string, unknown>) => (cursor: string | undefined) =>
        tickets.ticketsOfCustomer({
          actor: A.agent,
          customerId: 'cust-1',
          limit: 2,
          ...extra,
          ...(cursor ? { cursor } : {}),
        });
      expect(await pageIds(read({}))).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
      const window = { from: '2026-03-02T08:10:00Z', to: '2026-03-02T08:20:00Z' };
      expect(await pageIds(read(window))).toEqual([ids.slice(2, 4)]);
      const all = await tickets.ticketsOfCustomer({ actor: A.agent, customerId: 'cust-1' });
      expect(all).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(all.items.map((t) => t.id)).toEqual(ids);
    },
  );

  test(
    'inbox-by-status',
    'pages the tickets in a status, oldest first, on the status index; other filters narrow it',
    async ({ clock, tickets, open }) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await open({ group: i < 3 ? 'hotline' : 'billing' }));
        clock.advance(MIN);
      }
      await tickets.assignTicket({ actor: A.agent, ticketId: ids[1]!, assigneeId: A.agent.id });
      expect(await inboxPages(tickets, { status: 'new', limit: 2 })).toEqual([
        [ids[0], ids[2]],
        [ids[3], ids[4]],
      ]);
      expect(await inboxPages(tickets, { status: 'open', limit: 2 })).toEqual([[ids[1]]]);
      expect(await inboxPages(tickets, { status: 'new', group: 'billing', limit: 1 })).toEqual([
        [ids[3]],
        [ids[4]],
      ]);
      expect(await inboxPages(tickets, { status: 'closed', limit: 3 })).toEqual([[]]);
    },
  );

  test(
    'inbox-by-group',
    'pages a queue (group), oldest first, on the group index; a ticket routed away leaves it',
    async ({ clock, tickets, open }) => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        ids.push(await open({ group: 'hotline' }));
        if (i === 1) clock.advance(MIN);
      }
      await open({ group: 'billing' });
      await tickets.assignTicket({ actor: A.agent, ticketId: ids[2]!, group: 'field' });
      expect(await inboxPages(tickets, { group: 'hotline', limit: 1 })).toEqual([
        [ids[0]],
        [ids[1]],
        [ids[3]],
      ]);
      expect(await inboxPages(tickets, { group: 'field', limit: 1 })).toEqual([[ids[2]]]);
    },
  );

  test(
    'inbox-by-assignee',
    "pages an agent's tickets, oldest first, on the assignee index",
    async ({ clock, tickets, open }) => {
      const mine: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await open({ assigneeId: i % 2 === 0 ? A.agent.id : A.specialist.id });
        if (i % 2 === 0) mine.push(id);
        clock.advance(MIN);
      }
      const assigneeId = A.agent.id;
      expect(await inboxPages(tickets, { assigneeId, limit: 2 })).toEqual([mine.slice(0, 2), mine.slice(2)]);
      await tickets.resolveTicket({ actor: A.agent, ticketId: mine[0]! });
      expect(await inboxPages(tickets, { assigneeId, status: 'new', limit: 2 })).toEqual([mine.slice(1)]);
    },
  );

  test(
    'inbox-due-before',
    'pages the tickets whose earliest running SLA target is due before an instant, in due order',
    async ({ tickets, open }) => {
      const normal = await open({ priority: 'normal' }); // first response due 10:00 local
      const urgent = await open({ priority: 'urgent' }); // due 09:30 local
      const urgent2 = await open({ priority: 'urgent' });
      const waiting = await open({ priority: 'urgent' });
      await tickets.waitOnCustomer({ actor: A.agent, ticketId: waiting });
      const due = (dueBefore: string, status?: 'new') =>
        inboxPages(tickets, { dueBefore, limit: 1, ...(status ? { status } : {}) });
      expect(await due('2026-03-02T09:30:00Z')).toEqual([[urgent], [urgent2], [normal]]);
      expect(await due('2026-03-02T08:45:00Z')).toEqual([[urgent], [urgent2]]);
      // with a status too, the status index leads (opening order) and the due instant narrows it
      expect(await due('2026-03-02T08:45:00Z', 'new')).toEqual([[urgent], [urgent2]]);
    },
  );

  test(
    'inbox-paging-random',
    'pages any queue, at any page size, into exactly its tickets in opening order, ties included (random queues)',
    async ({ clock, tickets, open }) => {
      const ticket = fc.record({ tie: fc.boolean(), answered: fc.boolean() });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(ticket, { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 1, max: 4 }),
          async (made, limit) => {
            const group = `q${++run}`;
            clock.set(START);
            const opened: { id: string; answered: boolean }[] = [];
            for (const t of made) {
              if (!t.tie) clock.advance(MIN);
              const id = await open({ group });
              if (t.answered) await tickets.respondToTicket({ actor: A.agent, ticketId: id });
              opened.push({ id, answered: t.answered });
            }
            // opening order is id order here: ids are sequential and the clock never goes back within a run
            for (const [filter, expected] of [
              [{}, opened.map((t) => t.id)],
              [{ status: 'new' }, opened.filter((t) => !t.answered).map((t) => t.id)],
            ] as const) {
              const pages = await inboxPages(tickets, { group, limit, ...filter });
              expect(pages.flat()).toEqual(expected);
              expect(pages.every((p) => p.length <= limit)).toBe(true);
            }
          },
        ),
        { numRuns: options.randomRuns ?? 12 },
      );
    },
    120_000,
  );
}
