import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { Money } from '../kernel/money';
import { BoardChoice, CountyKey } from './conciliation-boards';

/**
 * How a complaint was lodged. `in_person` and `phone` are oral (szóbeli panasz): unless settled on the spot,
 * they get their minutes (jegyzőkönyv) at once.
 * @category Complaints
 */
export const ComplaintChannel = z.enum(['in_person', 'phone', 'email', 'letter', 'web', 'chat']);
/** @category Complaints */
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/**
 * True for the oral channels (in person, phone) that Fgytv. 17/A. § (3) treats as oral complaints.
 * @category Complaints
 */
export function isOralChannel(channel: ComplaintChannel): boolean {
  return channel === 'in_person' || channel === 'phone';
}

/**
 * How much the problem hurts the customer.
 * @category Complaints
 */
export const ComplaintSeverity = z.enum(['low', 'medium', 'high', 'critical']);
/** @category Complaints */
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;

/**
 * How soon the customer needs an answer.
 * @category Complaints
 */
export const ComplaintUrgency = z.enum(['normal', 'urgent']);
/** @category Complaints */
export type ComplaintUrgency = z.infer<typeof ComplaintUrgency>;

/**
 * A slug naming a category (`billing`, `network_outage`).
 * @category Complaints
 */
export const ComplaintCategory = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'A category is lower-case letters, digits and "_", e.g. "billing"');
/** @category Complaints */
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/**
 * The kinds of compensation the rules can propose (all valued in Money; `apology_only` is worth zero).
 * @category Complaints
 */
export const CompensationKind = z.enum([
  'credit',
  'refund',
  'voucher',
  'free_service_period',
  'fee_waiver',
  'apology_only',
]);
/** @category Complaints */
export type CompensationKind = z.infer<typeof CompensationKind>;

/**
 * A piece of evidence the customer presented: a reference to a stored document with its SHA-256 checksum.
 * @category Complaints
 */
export const ComplaintEvidence = z.strictObject({
  /** Where the host keeps it (a document id, a URL). */
  ref: z.string().trim().min(1).max(500),
  /** SHA-256 of the content, 64 lower-case hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 checksum is 64 lower-case hex digits'),
  description: z.string().trim().min(1).max(500).optional(),
});
/** @category Complaints */
export type ComplaintEvidence = z.infer<typeof ComplaintEvidence>;

/**
 * Facts a feeding system (telecom outage registry, billing) states, which compensation rules read.
 * @category Complaints
 */
export const ComplaintFacts = z.strictObject({
  /** Length of the outage the complaint is about, in hours. */
  outageHours: z.number().min(0).max(100_000).optional(),
  /** The customer's value segment (`gold`, `standard`). */
  valueSegment: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  /** How long the customer has been a customer, in whole months. */
  tenureMonths: z.int().min(0).max(2_400).optional(),
  /** The system and record the complaint came from (`telecom:outage:OUT-42`). */
  source: z.string().trim().min(1).max(200).optional(),
});
/** @category Complaints */
export type ComplaintFacts = z.infer<typeof ComplaintFacts>;

/**
 * The consumer as the minutes and letters name them: name and postal address (Fgytv. 17/A. § (5) a)), taken
 * from the customer record at intake; the county of domicile and the board the consumer chose.
 * @category Complaints
 */
export const ComplaintConsumer = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z
    .strictObject({
      postalCode: z.string().trim().min(2).max(12),
      city: z.string().trim().min(1).max(100),
      street: z.string().trim().min(1).max(200),
    })
    .optional(),
  /** The county (vármegye) of the consumer's domicile, e.g. `budapest`: its conciliation board is competent. */
  county: CountyKey.optional(),
  /** The board the consumer turns to: their domicile's (default) or, at their request, the trader's seat's. */
  board: BoardChoice.default('domicile'),
});
/** @category Complaints */
export type ComplaintConsumer = z.infer<typeof ComplaintConsumer>;

/**
 * The workflow states of a complaint.
 * @category Complaints
 */
export const ComplaintStatus = z.enum([
  'received',
  'acknowledged',
  'under_investigation',
  'awaiting_approval',
  'decided',
  'awaiting_customer',
  'accepted',
  'disputed',
  'closed',
]);
/** @category Complaints */
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/**
 * The commands the complaint machine knows.
 * @category Complaints
 */
export const ComplaintCommand = z.enum([
  'acknowledge',
  'investigate',
  'decide',
  'approve',
  'refuse',
  'send_answer',
  'accept',
  'dispute',
  'escalate',
  'close',
  'reopen',
]);
/** @category Complaints */
export type ComplaintCommand = z.infer<typeof ComplaintCommand>;

/**
 * The outcome of a decision: upheld (megalapozott), partly upheld (részben megalapozott), rejected (elutasított).
 * @category Complaints
 */
export const ComplaintOutcome = z.enum(['upheld', 'partly_upheld', 'rejected']);
/** @category Complaints */
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

/**
 * A compensation granted or proposed.
 * @category Complaints
 */
export const Compensation = z.strictObject({
  kind: CompensationKind,
  amount: Money,
  /** Days of free service, for `free_service_period`. */
  days: z.int().min(1).max(3650).optional(),
});
/** @category Complaints */
export type Compensation = z.infer<typeof Compensation>;

/**
 * A decision on a complaint, with the rule set version it used and its approval trail.
 * @category Complaints
 */
export const ComplaintDecision = z.object({
  seq: z.int().min(1),
  outcome: ComplaintOutcome,
  reasons: z.string().trim().min(1).max(5_000),
  compensation: Compensation,
  /** The rule set and version the proposal came from. */
  ruleSetId: z.string(),
  ruleSetVersion: z.int().min(1),
  /** The rules' explanation, as JSON (see `CompensationExplanation`). */
  explanation: z.json(),
  proposedBy: z.string(),
  proposedAt: Instant,
  /** The proposer's authority limit for the kind; above it the decision needs an approver. */
  proposerLimit: Money,
  approval: z
    .object({
      status: z.enum(['not_needed', 'pending', 'approved', 'refused']),
      by: z.string().nullable(),
      at: Instant.nullable(),
      note: z.string().max(2_000).nullable(),
    })
    .default({ status: 'not_needed', by: null, at: null, note: null }),
});
/** @category Complaints */
export type ComplaintDecision = z.output<typeof ComplaintDecision>;

/**
 * A letter the complaint produced, as rendered and sent (minutes, answer, referral).
 * @category Complaints
 */
export const ComplaintLetter = z.object({
  kind: z.enum(['minutes', 'answer', 'referral']),
  locale: Locale,
  subject: z.string().nullable(),
  body: z.string(),
  at: Instant,
  by: z.string(),
});
/** @category Complaints */
export type ComplaintLetter = z.output<typeof ComplaintLetter>;

/**
 * One step of the complaint's history.
 * @category Complaints
 */
export const ComplaintHistoryEntry = z.object({
  at: Instant,
  by: z.string(),
  command: ComplaintCommand,
  from: ComplaintStatus,
  to: ComplaintStatus,
  note: z.string().nullable(),
});
/** @category Complaints */
export type ComplaintHistoryEntry = z.output<typeof ComplaintHistoryEntry>;

/**
 * A complaint (panasz) as stored.
 * @category Complaints
 */
export const Complaint = z.object({
  id: EntityId,
  /** A unique, human-readable identifier (Fgytv. 17/A. § (5) h) for phone and electronic complaints). */
  reference: z.string().min(1).max(100),
  customerId: EntityId,
  consumer: ComplaintConsumer,
  channel: ComplaintChannel,
  subject: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(20_000),
  category: ComplaintCategory,
  productOrService: z.string().trim().min(1).max(200),
  amountInDispute: Money.nullable(),
  requestedRemedy: z.string().trim().min(1).max(2_000),
  evidence: z.array(ComplaintEvidence),
  severity: ComplaintSeverity,
  urgency: ComplaintUrgency,
  facts: ComplaintFacts,
  interactionIds: z.array(EntityId),
  policyId: z.string(),
  status: ComplaintStatus,
  receivedAt: Instant,
  receivedBy: z.string(),
  place: z.string().nullable(),
  /** When the written answer is due (the legal deadline from the policy). */
  answerDueAt: Instant,
  warnAt: Instant,
  warningSent: z.boolean(),
  breachSent: z.boolean(),
  answeredAt: Instant.nullable(),
  assigneeId: z.string().nullable(),
  decisions: z.array(ComplaintDecision),
  letters: z.array(ComplaintLetter),
  customerResponse: z
    .object({ kind: z.enum(['accepted', 'disputed']), at: Instant, note: z.string().nullable() })
    .nullable(),
  closedAt: Instant.nullable(),
  /** Until when the case file is kept (retention from policy). */
  retainUntil: Instant.nullable(),
  updatedAt: Instant,
  history: z.array(ComplaintHistoryEntry),
});
/** @category Complaints */
export type Complaint = z.output<typeof Complaint>;
