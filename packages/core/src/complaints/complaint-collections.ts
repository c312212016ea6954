import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { Money } from '../kernel/money';
import { defineCollection } from '../ports/storage';
import { CompensationRuleSet } from './compensation-rules';
import { CompensationKind, Complaint } from './complaint.schema';

/**
 * The next deadline signal of a complaint still to be answered: the warning until it went out, then the
 * breach; nothing once answered, closed, or both sent.
 * @category Complaints
 */
export function nextDeadlineSignal(c: Complaint): Date | null {
  if (c.answeredAt !== null || c.status === 'closed') return null;
  if (!c.warningSent) return c.warnAt;
  if (!c.breachSent) return c.answerDueAt;
  return null;
}

/**
 * The `complaints` collection. Indexes:
 * - `customer_id` — a customer's complaints;
 * - `status_received` — `<status>|<receivedAt>`: the inbox by state, oldest first;
 * - `reference` — the unique complaint identifier;
 * - `answer_due_at` — the legal answer deadline of complaints not yet answered (`dueAnswers` and the inbox by deadline range on it);
 * - `deadline_signal_at` — the next warning or breach to announce (the `checkDeadlines` worker);
 * - `retain_until` — when a closed case file may be disposed of.
 * @category Complaints
 */
export const Complaints = defineCollection<Complaint>({
  name: 'complaints',
  schema: Complaint,
  indexes: {
    customer_id: { key: (c) => c.customerId },
    status_received: { key: (c) => `${c.status}|${c.receivedAt.toISOString()}` },
    reference: { key: (c) => c.reference, unique: true },
    answer_due_at: { key: (c) => (c.answeredAt === null ? c.answerDueAt.toISOString() : null) },
    deadline_signal_at: { key: (c) => nextDeadlineSignal(c)?.toISOString() },
    retain_until: { key: (c) => c.retainUntil?.toISOString() },
  },
});

/**
 * A stored version of a compensation rule set. Versions are immutable: a change is a new version.
 * @category Complaints
 */
export const StoredCompensationRuleSet = z.object({
  /** `<ruleSetId>@<version>`. */
  id: z.string(),
  ruleSetId: z.string(),
  version: z.int().min(1),
  ruleSet: CompensationRuleSet,
  savedAt: Instant,
  savedBy: z.string(),
});
/** @category Complaints */
export type StoredCompensationRuleSet = z.output<typeof StoredCompensationRuleSet>;

/**
 * The `rule_set_version` index key: `<id>|<zero-padded version>`, which sorts numerically as text.
 * @category Complaints
 */
export function ruleSetVersionKey(ruleSetId: string, version: number): string {
  return `${ruleSetId}|${String(version).padStart(9, '0')}`;
}

/**
 * The `complaint_rule_sets` collection: every saved version of every compensation rule set, indexed by
 * `rule_set_version` (`<id>|<zero-padded version>`) so the latest is one descending range query.
 * @category Complaints
 */
export const ComplaintRuleSets = defineCollection<StoredCompensationRuleSet>({
  name: 'complaint_rule_sets',
  schema: StoredCompensationRuleSet,
  indexes: { rule_set_version: { key: (r) => ruleSetVersionKey(r.ruleSetId, r.version) } },
});

/**
 * One compensation in a customer's ledger: the latest decision of one complaint, `pending` while it waits for
 * an approver, `granted` once final. A refused proposal leaves the ledger; a new decision on the same
 * complaint replaces its entry.
 * @category Complaints
 */
export const CompensationLedgerEntry = z.object({
  complaintId: EntityId,
  /** The decision's `seq` on its complaint. */
  seq: z.int().min(1),
  kind: CompensationKind,
  amount: Money,
  decidedAt: Instant,
  status: z.enum(['pending', 'granted']),
});
/** @category Complaints */
export type CompensationLedgerEntry = z.output<typeof CompensationLedgerEntry>;

/**
 * What one customer was granted (or has pending) in one calendar year of the office's zone. Every decision
 * writes the ledgers of its caps' window with their expected versions in its own unit of work, so parallel
 * decisions for one customer are serialised by optimistic concurrency and the caps cannot be overrun.
 * @category Complaints
 */
export const CompensationLedger = z.object({
  /** `<customerId>|<year>`. */
  id: z.string().min(1).max(300),
  customerId: EntityId,
  year: z.int().min(1900).max(9999),
  entries: z.array(CompensationLedgerEntry).max(10_000),
  updatedAt: Instant,
});
/** @category Complaints */
export type CompensationLedger = z.output<typeof CompensationLedger>;

/**
 * The `complaint_compensation_ledgers` collection: one {@link CompensationLedger} per customer and year,
 * indexed by `customer_id` (for the customer's personal-data export and erasure).
 * @category Complaints
 */
export const ComplaintCompensationLedgers = defineCollection<CompensationLedger>({
  name: 'complaint_compensation_ledgers',
  schema: CompensationLedger,
  indexes: { customer_id: { key: (l) => l.customerId } },
});
