import type { Store } from '@frontline/core';
import { FrontlineError } from '@frontline/core';
import type { ComplaintService } from '@frontline/core/complaints';
import { ComplaintCompensationLedgers } from '@frontline/core/storage';
import {
  A,
  allComplaintsOf,
  sendPlainAnswer as answer,
  type ComplaintSuiteRegister,
  decideUpheld as decide,
  huf,
} from './complaints-suite-fixtures';
import { expect } from './runner';

/** The suite rule set's yearly cap per customer, in minor units. */
const CAP = huf(80_000).amount;

/** The sum of the latest final-or-pending compensations of a customer's complaints, from the complaints. */
export async function decidedTotal(complaints: ComplaintService, customerId: string): Promise<number> {
  let total = 0;
  for (const c of await allComplaintsOf(complaints, customerId)) {
    const d = c.decisions.at(-1);
    if (d && d.approval.status !== 'refused') total += d.compensation.amount.amount;
  }
  return total;
}

/** The sum of a customer's ledger entries, read from the store. */
export async function ledgerTotalOf(store: Store, customerId: string): Promise<number> {
  let total = 0;
  for await (const { data } of store
    .repository(ComplaintCompensationLedgers)
    .query({ index: 'customer_id', equals: customerId })) {
    for (const e of data.entries) total += e.amount.amount;
  }
  return total;
}

/** The yearly cap counts every decided compensation, pending ones too, and holds under parallel deciders. */
export function complaintCapTests(test: ComplaintSuiteRegister): void {
  test(
    'cap-counts-decided',
    'counts every decided compensation against the cap, not only answered ones; a refusal frees its part',
    async ({ raw, complaints, receive, toInvestigation }) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await receive({ facts: { outageHours: 45 } });
        await toInvestigation(id);
        ids.push(id);
      }
      // five decisions before any answer: 45 000 + 35 000 + nothing more
      const amounts: number[] = [];
      for (const id of ids) {
        const d = await decide(complaints, A.supervisor, id);
        amounts.push(d.complaint.decisions[0]?.compensation.amount.amount ?? 0);
      }
      expect(amounts).toEqual([huf(45_000).amount, huf(35_000).amount, 0, 0, 0]);
      expect(await decidedTotal(complaints, 'cust-1')).toBeLessThanOrEqual(CAP);
      for (const id of ids) await answer(complaints, A.supervisor, id);
      expect(await decidedTotal(complaints, 'cust-1')).toBe(CAP);
      expect(await ledgerTotalOf(raw, 'cust-1')).toBe(CAP);

      // a pending proposal holds its part of the cap until it is refused
      const pending = await receive({ customerId: 'cust-2', facts: { outageHours: 40 } });
      await toInvestigation(pending);
      expect((await decide(complaints, A.agent, pending)).needsApproval).toBe(true); // 40 000, pending
      const next = await receive({ customerId: 'cust-2', facts: { outageHours: 60 } });
      await toInvestigation(next);
      const capped = await decide(complaints, A.supervisor, next);
      expect(capped.complaint.decisions[0]?.compensation.amount).toEqual(huf(40_000));
      await complaints.refuseCompensation({ actor: A.supervisor, complaintId: pending, note: 'Túl sok' });
      expect(await ledgerTotalOf(raw, 'cust-2')).toBe(huf(40_000).amount);
      const again = await decide(complaints, A.supervisor, pending);
      expect(again.complaint.decisions[1]?.compensation.amount).toEqual(huf(40_000));
      expect(await decidedTotal(complaints, 'cust-2')).toBe(CAP);
    },
  );

  test(
    'cap-parallel',
    'never grants more than the cap when ten complaints of one customer are decided and answered in parallel',
    async ({ raw, complaints, receive, toInvestigation }) => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const id = await receive({ customerId: 'cust-2', facts: { outageHours: 30 } });
        await toInvestigation(id);
        ids.push(id);
      }
      const outcomes = await Promise.allSettled(
        ids.map(async (id) => {
          await decide(complaints, A.supervisor, id);
          await answer(complaints, A.supervisor, id);
        }),
      );
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          // the only acceptable failure is the typed one after bounded retries
          expect(FrontlineError.is(o.reason, 'CONFLICT')).toBe(true);
        }
      }
      expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThan(0);
      const total = await decidedTotal(complaints, 'cust-2');
      expect(total).toBeLessThanOrEqual(CAP);
      expect(await ledgerTotalOf(raw, 'cust-2')).toBe(total);
    },
  );
}
