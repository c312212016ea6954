import type { Page } from '@frontline/core';
import type { Complaint } from '@frontline/core/complaints';
import fc from 'fast-check';
import {
  A,
  type ComplaintSuiteRegister,
  collect,
  DAY,
  decideUpheld,
  sendPlainAnswer,
} from './complaints-suite-fixtures';
import { expect } from './runner';

/** Every page of a paged read, following `nextCursor`; returns the ids of each page. */
async function pages(read: (cursor?: string) => Promise<Page<Complaint>>): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    out.push(page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const approverOnly = { id: 'approver-zoltan', roles: ['supervisor'], permissions: ['complaint.approve'] };

/** Reads with their actor: permissions, masking of the consumer's data, the inbox and paged lists. */
export function complaintInboxTests(test: ComplaintSuiteRegister): void {
  test(
    'read-masking',
    "reads need complaint.write or complaint.approve; the consumer's street is masked without customer.read_personal",
    async ({ complaints, receive, toInvestigation, refused }) => {
      const id = await receive({ channel: 'phone', place: 'Hotline', agentName: 'Nagy Anna' });
      await toInvestigation(id);
      await decideUpheld(complaints, A.agent, id);
      await sendPlainAnswer(complaints, A.agent, id);
      const masked = await complaints.getComplaint({ actor: A.agent, id });
      expect(masked.consumer).toMatchObject({
        name: 'Kiss Anna',
        address: { postalCode: '1051', city: 'Budapest', street: '***' },
      });
      expect(masked.letters.map((l) => l.kind)).toEqual(['minutes', 'answer']);
      for (const letter of masked.letters) {
        expect(letter.body).not.toContain('Nádor u. 5.');
        expect(letter.body).toContain('***');
        expect(letter.body).toContain('Kiss Anna');
      }
      const file = await complaints.caseFile({ actor: approverOnly, id });
      expect(file.complaint.consumer.address?.street).toBe('***');
      expect(file.minutes?.body).not.toContain('Nádor u. 5.');
      const whole = await complaints.getComplaint({ actor: A.officer, id });
      expect(whole.consumer.address?.street).toBe('Nádor u. 5.');
      expect(whole.letters.every((l) => l.body.includes('Nádor u. 5.'))).toBe(true);
      // masking is a view: the stored complaint keeps the address
      expect((await complaints.caseFile({ actor: A.officer, id })).minutes?.body).toContain('Nádor u. 5.');

      const outsider = A.outsider;
      await refused(() => complaints.getComplaint({ actor: outsider, id }), 'FORBIDDEN');
      await refused(() => complaints.caseFile({ actor: outsider, id }), 'FORBIDDEN');
      await refused(
        () => complaints.complaintsOfCustomer({ actor: outsider, customerId: 'cust-1' }),
        'FORBIDDEN',
      );
      await refused(() => complaints.complaintInbox({ actor: outsider, status: 'received' }), 'FORBIDDEN');
      await refused(() => complaints.getRuleSet({ actor: outsider, id: 'standard' }), 'FORBIDDEN');
      await refused(
        async () => collect(complaints.dueAnswers({ actor: outsider, before: '2026-05-01T00:00:00Z' })),
        'FORBIDDEN',
      );
      expect((await complaints.getRuleSet({ actor: approverOnly, id: 'standard' })).version).toBe(1);
      // unknown keys are refused, not dropped
      await refused(() => complaints.getComplaint({ actor: A.agent, id, extra: 1 } as never), 'VALIDATION');
      await refused(
        () => complaints.complaintInbox({ actor: A.agent, status: 'received', mine: true } as never),
        'VALIDATION',
      );
      await refused(() => complaints.getComplaint({ actor: A.agent, id: 'nope' }), 'NOT_FOUND');
    },
  );

  test(
    'inbox-by-status',
    'pages the complaints in one status, oldest received first, and follows a complaint when its status changes',
    async ({ clock, complaints, receive }) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await receive({ customerId: i % 2 === 0 ? 'cust-1' : 'cust-2' }));
        clock.advance(DAY);
      }
      // lodged before all the others, though recorded last
      const early = await receive({ receivedAt: '2026-03-01T10:00:00Z' });
      await complaints.acknowledgeComplaint({ actor: A.agent, complaintId: ids[1]! });
      await complaints.acknowledgeComplaint({ actor: A.agent, complaintId: ids[3]! });
      const received = await pages((cursor) =>
        complaints.complaintInbox({
          actor: A.agent,
          status: 'received',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(received).toEqual([
        [early, ids[0]],
        [ids[2], ids[4]],
      ]);
      const acknowledged = await complaints.complaintInbox({ actor: A.supervisor, status: 'acknowledged' });
      expect(acknowledged).toEqual({
        items: [expect.objectContaining({ id: ids[1] }), expect.objectContaining({ id: ids[3] })],
        nextCursor: null,
      });
      await complaints.startInvestigation({ actor: A.agent, complaintId: ids[1]! });
      expect(
        (await complaints.complaintInbox({ actor: A.agent, status: 'acknowledged' })).items.map((c) => c.id),
      ).toEqual([ids[3]]);
      expect(
        (await complaints.complaintInbox({ actor: A.agent, status: 'under_investigation' })).items.map(
          (c) => c.id,
        ),
      ).toEqual([ids[1]]);
      expect((await complaints.complaintInbox({ actor: A.agent, status: 'closed' })).items).toEqual([]);
      // the items are masked for an actor without customer.read_personal
      expect(acknowledged.items[0]?.consumer.address?.street).toBe('***');
    },
  );

  test(
    'inbox-by-deadline',
    'pages the unanswered complaints by answer deadline, most urgent first, up to dueBefore',
    async ({ clock, complaints, receive, toInvestigation, refused }) => {
      const late = await receive({ receivedAt: '2026-03-02T08:00:00Z' }); // due end of 1 April
      clock.advance(3 * DAY);
      const later = await receive(); // 5 March: due end of 4 April
      const first = await receive({ receivedAt: '2026-02-20T09:00:00Z' }); // due end of 22 March
      const answered = await receive({ receivedAt: '2026-02-19T09:00:00Z' });
      await toInvestigation(answered);
      await decideUpheld(complaints, A.agent, answered);
      await sendPlainAnswer(complaints, A.agent, answered);
      const all = await pages((cursor) =>
        complaints.complaintInbox({ actor: A.agent, limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      expect(all).toEqual([[first], [late], [later]]);
      const due = await pages((cursor) =>
        complaints.complaintInbox({
          actor: A.agent,
          dueBefore: '2026-04-02T00:00:00Z',
          limit: 1,
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(due).toEqual([[first], [late]]);
      const page = await complaints.complaintInbox({ actor: A.agent, dueBefore: '2026-03-23T00:00:00Z' });
      expect(page.items.map((c) => [c.id, c.answerDueAt.toISOString()])).toEqual([
        [first, '2026-03-22T22:59:59.999Z'],
      ]);
      await refused(
        () =>
          complaints.complaintInbox({
            actor: A.agent,
            status: 'received',
            dueBefore: '2026-04-02T00:00:00Z',
          }),
        'VALIDATION',
      );
      await refused(() => complaints.complaintInbox({ actor: A.agent, limit: 0 }), 'VALIDATION');
    },
  );

  test(
    'customer-pages',
    "pages a customer's complaints by cursor, in id order, and refuses a cursor that is not one",
    async ({ complaints, receive, refused }) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await receive({ customerId: 'cust-2' }));
      await receive({ customerId: 'cust-1' });
      const read = (cursor?: string) =>
        complaints.complaintsOfCustomer({
          actor: A.agent,
          customerId: 'cust-2',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
      const sorted = [...ids].sort();
      expect(await pages(read)).toEqual([sorted.slice(0, 2), sorted.slice(2, 4), sorted.slice(4)]);
      await refused(() => read('not a cursor'), 'VALIDATION');
      expect(await complaints.complaintsOfCustomer({ actor: A.agent, customerId: 'cust-3' })).toEqual({
        items: [],
        nextCursor: null,
      });
    },
  );

  test(
    'inbox-paging-property',
    'pages of any size, followed by cursor, list each complaint once in index order, for both views (property)',
    async ({ complaints, receive, randomRuns }) => {
      const made: Complaint[] = [];
      const order = (key: (c: Complaint) => string) => (a: Complaint, b: Complaint) =>
        key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 40 * 24 }), { minLength: 1, maxLength: 5 }),
          fc.integer({ min: 1, max: 4 }),
          async (hoursBefore, limit) => {
            for (const h of hoursBefore) {
              const receivedAt = new Date(Date.parse('2026-03-02T08:00:00Z') - h * 3_600_000);
              made.push(await complaints.getComplaint({ actor: A.agent, id: await receive({ receivedAt }) }));
            }
            const byStatus = await pages((cursor) =>
              complaints.complaintInbox({
                actor: A.agent,
                status: 'received',
                limit,
                ...(cursor ? { cursor } : {}),
              }),
            );
            const byReceipt = [...made].sort(order((c) => c.receivedAt.toISOString()));
            expect(byStatus.flat()).toEqual(byReceipt.map((c) => c.id));
            expect(byStatus.every((page) => page.length <= limit)).toBe(true);
            const byDeadline = await pages((cursor) =>
              complaints.complaintInbox({ actor: A.agent, limit, ...(cursor ? { cursor } : {}) }),
            );
            const byDue = [...made].sort(order((c) => c.answerDueAt.toISOString()));
            expect(byDeadline.flat()).toEqual(byDue.map((c) => c.id));
          },
        ),
        { numRuns: randomRuns },
      );
    },
  );
}
