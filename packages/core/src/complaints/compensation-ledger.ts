import { TZDate } from '@date-fns/tz';
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

/** Attempts of a unit of work that lost a race on a ledger before it fails with a `ConflictError`. */
export const LEDGER_ATTEMPTS = 25;

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
 * read or wrote any of them fails with a `ConflictError` and retries.
 */
export async function saveLedgers(tx: Store, ledgers: readonly OpenLedger[], at: Date): Promise<void> {
  const repo = tx.repository(ComplaintCompensationLedgers);
  for (const l of ledgers) {
    const data = { ...l.data, updatedAt: at };
    if (l.version === null) await repo.insert(data);
    else await repo.update(data, l.version);
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

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (one unit of work) again when it loses a race (`CONFLICT`), at most {@link LEDGER_ATTEMPTS}
 * times with a short growing, jittered pause; then fails with a `ConflictError` saying so.
 */
export async function retryOnConflict<R>(
  work: () => Promise<R>,
  what: string,
  details: Record<string, unknown>,
  attempts = LEDGER_ATTEMPTS,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!FrontlineError.is(error, 'CONFLICT') || error.details.reason === 'compensation_cap_exceeded') {
        throw error;
      }
      if (attempt >= attempts) {
        throw new ConflictError(
          `${what}: other decisions for the same customer kept winning; gave up after ${attempts} attempts.`,
          { cause: error, details: { ...details, reason: 'compensation_ledger_contention', attempts } },
        );
      }
      await pause(Math.random() * Math.min(50, 2 * attempt));
    }
  }
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
