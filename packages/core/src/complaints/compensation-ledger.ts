import { TZDate } from '@date-fns/tz/date';
import { ConflictError, FrontlineError } from '../errors/frontline-error';
import type { Money } from '../kernel/money';
import type { Store, Stored } from '../ports/storage';
import type { CompensationRuleSet } from './compensation-rules';
import type { Compensation } from './complaint.schema';
import {
  type CompensationLedger,
  type CompensationLedgerEntry,
  ComplaintCompensationLedgers,
} from './complaint-collections';

const DAY_MS = 86_400_000;

/**
 * How many times the runner decides a command that writes a customer's ledgers (decide, approve, refuse,
 * answer) when it keeps losing races. The ledger is one row per customer and year that every such command
 * writes, so each lost race means another command for the same customer committed: ten lets ten simultaneous
 * commands for one customer all get through, where the runner's default three would fail most of them.
 * @category Complaints
 */
export const LEDGER_ATTEMPTS = 10;

/** One loaded ledger: its stored version (none yet when new) and the data to write back. */
export interface OpenLedger {
  year: number;
  version: number | null;
  data: CompensationLedger;
}

/** The calendar year of `at` in `timeZone`. */
export function ledgerYear(at: Date, timeZone: string): number {
  return new TZDate(at.getTime(), timeZone).getFullYear();
}

/** The longest cap window of a rule set (a year when it has no caps: the ledger still records the grant). */
export function ledgerWindowDays(ruleSet: CompensationRuleSet): number {
  return Math.max(365, ...ruleSet.caps.map((c) => c.windowDays));
}

/**
 * Loads the customer's ledgers for every year the window `[at - windowDays, at]` touches, plus `extraYears`
 * (where the complaint's earlier entry lives). Missing ones open empty: saving inserts them, so two deciders
 * that both find a year missing collide on its id.
 */
export async function openLedgers(
  tx: Store,
  customerId: string,
  at: Date,
  windowDays: number,
  timeZone: string,
  extraYears: readonly number[] = [],
): Promise<OpenLedger[]> {
  const last = ledgerYear(at, timeZone);
  const first = ledgerYear(new Date(at.getTime() - windowDays * DAY_MS), timeZone);
  const years = new Set<number>(extraYears);
  for (let y = first; y <= last; y++) years.add(y);
  const repo = tx.repository(ComplaintCompensationLedgers);
  const out: OpenLedger[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const id = `${customerId}|${year}`;
    const found: Stored<CompensationLedger> | undefined = await repo.find(id);
    out.push(
      found
        ? { year, version: found.version, data: found.data }
        : { year, version: null, data: { id, customerId, year, entries: [], updatedAt: at } },
    );
  }
  return out;
}

/** The compensations in `ledgers` other than `complaintId`'s, as the rules read them (`ageDays` from decision). */
export function grantsOf(
  ledgers: readonly OpenLedger[],
  complaintId: string,
  at: Date,
): { kind: Compensation['kind']; amount: Money; ageDays: number }[] {
  return ledgers.flatMap((l) =>
    l.data.entries
      .filter((e) => e.complaintId !== complaintId)
      .map((e) => ({
        kind: e.kind,
        amount: e.amount,
        ageDays: Math.max(0, (at.getTime() - e.decidedAt.getTime()) / DAY_MS),
      })),
  );
}

/**
 * The ledgers with `complaintId`'s entry replaced by `entry` (in the ledger of `year`), or removed when
 * `entry` is null.
 */
export function withEntry(
  ledgers: readonly OpenLedger[],
  complaintId: string,
  entry: CompensationLedgerEntry | null,
  year: number,
): OpenLedger[] {
  return ledgers.map((l) => {
    const entries = l.data.entries.filter((e) => e.complaintId !== complaintId);
    if (entry && l.year === year) entries.push(entry);
    return { ...l, data: { ...l.data, entries } };
  });
}

/**
 * Writes every ledger back with its expected version — the unchanged ones too, so a concurrent decision that
 * read or wrote any of them loses the race. A ledger that was missing is inserted; when a concurrent decision
 * inserted it first, that is the same lost race on a version (expected none, found one), reported as the
 * version conflict the command runner re-decides on (`details.expectedVersion: 0`).
 */
export async function saveLedgers(tx: Store, ledgers: readonly OpenLedger[], at: Date): Promise<void> {
  const repo = tx.repository(ComplaintCompensationLedgers);
  for (const l of ledgers) {
    const data = { ...l.data, updatedAt: at };
    if (l.version !== null) {
      await repo.update(data, l.version);
      continue;
    }
    try {
      await repo.insert(data);
    } catch (error) {
      if (!FrontlineError.is(error, 'CONFLICT')) throw error;
      throw new ConflictError(`The compensation ledger "${data.id}" was opened by a concurrent decision.`, {
        cause: error,
        details: { collection: ComplaintCompensationLedgers.name, id: data.id, expectedVersion: 0 },
      });
    }
  }
}

/** The total of the entries in `ledgers` that a cap over `kinds` and `windowDays` counts at `at`. */
export function ledgerTotal(
  ledgers: readonly OpenLedger[],
  at: Date,
  cap: { kinds?: readonly string[] | undefined; windowDays: number; currency: string },
): number {
  let total = 0;
  for (const l of ledgers) {
    for (const e of l.data.entries) {
      if ((at.getTime() - e.decidedAt.getTime()) / DAY_MS >= cap.windowDays) continue;
      if (e.amount.currency !== cap.currency || (cap.kinds && !cap.kinds.includes(e.kind))) continue;
      total += Math.max(0, e.amount.amount);
    }
  }
  return total;
}

/** The ledger entry of a complaint's decision. */
export function ledgerEntryOf(
  complaintId: string,
  decision: { seq: number; compensation: Compensation; proposedAt: Date },
  status: CompensationLedgerEntry['status'],
): CompensationLedgerEntry {
  return {
    complaintId,
    seq: decision.seq,
    kind: decision.compensation.kind,
    amount: decision.compensation.amount,
    decidedAt: decision.proposedAt,
    status,
  };
}

/**
 * The re-check before an answer goes out: every cap of `ruleSet` over `kind`, counted over `ledgers` (which
 * already hold the answered grant) at `at`. A cap overrun — possible only with data written around the
 * ledger — is a `ConflictError` (`details.reason: 'compensation_cap_exceeded'`) that is not retried.
 */
export function assertCapsHold(
  ledgers: readonly OpenLedger[],
  ruleSet: CompensationRuleSet,
  kind: Compensation['kind'],
  at: Date,
  complaintId: string,
): void {
  for (const cap of ruleSet.caps) {
    if (cap.kinds && !cap.kinds.includes(kind)) continue;
    const total = ledgerTotal(ledgers, at, { ...cap, currency: cap.perCustomer.currency });
    if (total > cap.perCustomer.amount) {
      throw new ConflictError(
        `Complaint ${complaintId}: the customer's compensations (${total}) exceed the cap "${cap.id}" (${cap.perCustomer.amount} ${cap.perCustomer.currency}); the answer is not sent.`,
        {
          details: {
            reason: 'compensation_cap_exceeded',
            complaintId,
            capId: cap.id,
            limit: cap.perCustomer,
            total: { amount: total, currency: cap.perCustomer.currency },
          },
        },
      );
    }
  }
}
