import { z } from 'zod';
import { Instant } from '../kernel/instant';
import { defineCollection } from '../ports/storage';
import { CompensationRuleSet } from './compensation-rules';
import { Complaint } from './complaint.schema';

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
 * - `customer_id` — a customer's complaints (and the compensations already granted, for caps);
 * - `reference` — the unique complaint identifier;
 * - `answer_due_at` — the legal answer deadline of complaints not yet answered (`dueAnswers` ranges on it);
 * - `deadline_signal_at` — the next warning or breach to announce (the `checkDeadlines` worker);
 * - `retain_until` — when a closed case file may be disposed of.
 * @category Complaints
 */
export const Complaints = defineCollection<Complaint>({
  name: 'complaints',
  schema: Complaint,
  indexes: {
    customer_id: { key: (c) => c.customerId },
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
