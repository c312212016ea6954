import { CustomerCollection } from '../customers/customer-collections';
import { calendarDateIn } from '../customers/local-date';
import {
  checkSourceCall,
  type PersonalDataSource,
  type RetainedRecords,
  SweepContext,
} from '../customers/personal-data-source';
import { parseInput } from '../errors/validate';
import { BUDAPEST } from '../kernel/time-zone';
import type { Store, Stored } from '../ports/storage';
import { forgetEvents, redactEventMessages } from '../services/domain-events';
import type { Complaint } from './complaint.schema';
import { ComplaintCompensationLedgers, Complaints } from './complaint-collections';

/** The law that keeps a complaint file after its consumer asked to be erased. */
export const COMPLAINT_RETENTION_BASIS =
  'Fgytv. (Act CLV of 1997 on Consumer Protection) 17/A. § (7): the minutes of the complaint and the copy of ' +
  'the answer are kept for five years; GDPR Art. 17(3)(b)';

async function complaintsOf(tx: Store, customerId: string): Promise<Stored<Complaint>[]> {
  const rows: Stored<Complaint>[] = [];
  for await (const row of tx.repository(Complaints).query({ index: 'customer_id', equals: customerId })) {
    rows.push(row);
  }
  return rows;
}

/** The retained groups of an erasure: closed files by disposal day, open ones apart (no day yet). */
function retainedGroups(rows: readonly Stored<Complaint>[]): RetainedRecords[] {
  const groups = new Map<string, string[]>();
  for (const { data } of rows) {
    const day = data.retainUntil === null ? '' : calendarDateIn(data.retainUntil, BUDAPEST);
    groups.set(day, [...(groups.get(day) ?? []), data.id]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([day, ids]) => ({
      what:
        day === ''
          ? 'open complaint files (the consumer’s name and address, the complaint, minutes and letters), kept ' +
            'until five years after they are closed'
          : 'closed complaint files (the consumer’s name and address, the complaint, minutes and letters)',
      count: ids.length,
      basis: COMPLAINT_RETENTION_BASIS,
      ...(day === '' ? {} : { until: day }),
      location: { collection: Complaints.name, ids },
    }));
}

/**
 * The complaints' part of data-subject requests (CMP-6, CS-7). An erasure **keeps every complaint file**, restricted:
 * the law requires the minutes and the answer for five years (see {@link COMPLAINT_RETENTION_BASIS}), so the
 * result lists them with the day each goes (`retainUntil`, set when a complaint closes; an open complaint is
 * listed without a day, as it must still be answered). Only the outbox messages about them are redacted (they
 * are transport copies, not the file); sealed audit values of complaint events stay with the file until the sweep. The compensation ledgers hold ids and amounts only and stay for the
 * yearly cap. {@link complaintPersonalData}'s `sweep` deletes the file of an erased customer once its
 * `retainUntil` has passed, streaming the complaints' `retain_until` index; files of customers not erased are
 * left to the filing plan (REC-3), and are stepped over (the complaints area owns that index; a key of its
 * own for erased customers' files would spare the step).
 *
 * TODO(complaints owner): register it in the complaints module (`personalData: [complaintPersonalData]` in
 * `modules/complaints.ts`); until then a host adds it through a module of its own.
 * @category Complaints
 */
export const complaintPersonalData: PersonalDataSource = {
  name: 'complaints',
  async export(customerId, tx) {
    const { customerId: id } = checkSourceCall(customerId);
    const ledgers: unknown[] = [];
    for await (const row of tx
      .repository(ComplaintCompensationLedgers)
      .query({ index: 'customer_id', equals: id })) {
      ledgers.push(row.data);
    }
    return { complaints: (await complaintsOf(tx, id)).map((r) => r.data), compensationLedgers: ledgers };
  },
  async erase(customerId, tx, context) {
    const checked = checkSourceCall(customerId, context);
    const rows = await complaintsOf(tx, checked.customerId);
    if (rows.length > 0) {
      const ids = rows.map((r) => r.data.id);
      await redactEventMessages(tx, { field: 'entityId', ids, at: checked.context!.at });
    }
    return { anonymised: 0, retained: retainedGroups(rows) };
  },
  async sweep(tx, context) {
    const { at, limit } = parseInput(SweepContext, context, 'sweep');
    const due: Stored<Complaint>[] = [];
    let more = false;
    const customers = tx.repository(CustomerCollection);
    const erased = new Map<string, boolean>();
    for await (const row of tx
      .repository(Complaints)
      .query({ index: 'retain_until', to: at.toISOString() })) {
      if (due.length >= limit) {
        more = true;
        break;
      }
      const id = row.data.customerId;
      if (!erased.has(id)) erased.set(id, (await customers.find(id))?.data.status === 'erased');
      if (erased.get(id)) due.push(row);
    }
    const repo = tx.repository(Complaints);
    for (const row of due) await repo.delete(row.data.id, row.version);
    if (due.length > 0) {
      await forgetEvents(tx, { entityType: 'complaint', ids: due.map((r) => r.data.id), at });
    }
    return { removed: due.length, more };
  },
};
