import { z } from 'zod';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { Money } from '../kernel/money';
import { PageInput } from '../kit/read-policy';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEvidence,
  ComplaintFacts,
  ComplaintOutcome,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintUrgency,
} from './complaint.schema';
import { BoardChoice, CountyKey } from './conciliation-boards';

const Note = z.string().trim().min(1).max(2_000);
const Reason = z.string({ error: 'A reason is required' }).trim().min(1).max(2_000);
const RuleSetId = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/);
const NonNegativeMoney = Money.refine((m) => m.amount >= 0, {
  message: 'An amount in dispute is not negative',
  path: ['amount'],
});
const Ref = {
  actor: Actor,
  complaintId: EntityId,
  /**
   * The complaint's version the caller decided on: when it changed since, the command fails with `CONFLICT` and
   * stores nothing (reload and ask again). Without it the command runs on the current state. A command that also
   * writes the customer's compensation ledger (decide, approve, refuse, answer) then answers a concurrent
   * decision for the same customer with `CONFLICT` too, instead of deciding again.
   */
  expectedVersion: z.int().min(1).optional(),
};
const Signer = {
  /** The signing agent's name and title, as printed. */
  agentName: z.string().trim().min(1).max(200),
  agentTitle: z.string().trim().min(1).max(200),
  locale: Locale.default('hu'),
};

/**
 * Input of `receiveComplaint` (CMP-1).
 * @category Complaints
 */
export const ReceiveComplaintInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  /**
   * What the customer record cannot say about the consumer: the county of domicile (default: read from the
   * record's postal address) and the board they choose. Name and address always come from the customer
   * record — they are not inputs, so the minutes cannot disagree with it.
   */
  consumer: z.strictObject({ county: CountyKey.optional(), board: BoardChoice.optional() }).optional(),
  channel: ComplaintChannel,
  subject: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(20_000),
  category: ComplaintCategory,
  productOrService: z.string().trim().min(1).max(200),
  /** What the consumer disputes: never negative. */
  amountInDispute: NonNegativeMoney.nullable().default(null),
  requestedRemedy: z.string().trim().min(1).max(2_000),
  evidence: z.array(ComplaintEvidence).max(100).default([]),
  severity: ComplaintSeverity.default('medium'),
  urgency: ComplaintUrgency.default('normal'),
  /** Facts stated by a feeding system (outage hours, segment, tenure). */
  facts: ComplaintFacts.default({}),
  interactionIds: z.array(EntityId).max(100).default([]),
  /** Where it was lodged (an office, a phone line); required for the minutes of an oral complaint. */
  place: z.string().trim().min(1).max(200).optional(),
  /** When it was lodged; default now. */
  receivedAt: Instant.optional(),
  /** The sector whose policy sets the deadline (`telecom`, `financial`); default the service's. */
  sector: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  /** An oral complaint settled on the spot needs no minutes. */
  settledOnSpot: z.boolean().default(false),
  /** The business's position, when the complaint was examined at once (goes into the minutes). */
  position: Note.optional(),
  /** The recording agent's name, printed on the minutes; default the actor id. */
  agentName: z.string().trim().min(1).max(200).optional(),
  locale: Locale.default('hu'),
});
/** @category Complaints */
export type ReceiveComplaintInput = z.input<typeof ReceiveComplaintInput>;

/**
 * Input of commands that need only the complaint and an optional note.
 * @category Complaints
 */
export const ComplaintNoteInput = z.strictObject({ ...Ref, note: Note.optional() });
/** @category Complaints */
export type ComplaintNoteInput = z.input<typeof ComplaintNoteInput>;

/**
 * Input of commands that need a reason: `refuseCompensation` and `reopenComplaint`.
 * @category Complaints
 */
export const ComplaintReasonInput = z.strictObject({ ...Ref, note: Reason });
/** @category Complaints */
export type ComplaintReasonInput = z.input<typeof ComplaintReasonInput>;

/**
 * Input of `startInvestigation`, optionally assigning it.
 * @category Complaints
 */
export const AssignComplaintInput = z.strictObject({
  ...Ref,
  assigneeId: z.string().min(1).max(200).optional(),
  note: Note.optional(),
});
/** @category Complaints */
export type AssignComplaintInput = z.input<typeof AssignComplaintInput>;

/**
 * Input of `escalateComplaint`: `assigneeId` is the supervisor it goes to.
 * @category Complaints
 */
export const EscalateComplaintInput = z.strictObject({
  ...Ref,
  assigneeId: z.string({ error: 'The supervisor to escalate to is required' }).min(1).max(200),
  note: Note.optional(),
});
/** @category Complaints */
export type EscalateComplaintInput = z.input<typeof EscalateComplaintInput>;

/**
 * Input of `decideComplaint` (CMP-2, CMP-3): the outcome and reasons; the compensation comes from the rule
 * set (its latest version, or `ruleSetVersion`).
 * @category Complaints
 */
export const DecideComplaintInput = z.strictObject({
  ...Ref,
  outcome: ComplaintOutcome,
  reasons: z.string().trim().min(1).max(5_000),
  ruleSetId: RuleSetId,
  ruleSetVersion: z.int().min(1).optional(),
});
/** @category Complaints */
export type DecideComplaintInput = z.input<typeof DecideComplaintInput>;

/**
 * Input of `sendAnswer` (CMP-4): the answer letter's signer, locale and next steps.
 * @category Complaints
 */
export const SendAnswerInput = z.strictObject({ ...Ref, ...Signer, nextSteps: Note });
/** @category Complaints */
export type SendAnswerInput = z.input<typeof SendAnswerInput>;

/**
 * Input of `closeComplaint`: a disputed complaint closes with the referral letter, so its signer is needed.
 * @category Complaints
 */
export const CloseComplaintInput = z.strictObject({
  ...Ref,
  agentName: Signer.agentName.optional(),
  agentTitle: Signer.agentTitle.optional(),
  locale: Locale.default('hu'),
});
/** @category Complaints */
export type CloseComplaintInput = z.input<typeof CloseComplaintInput>;

/**
 * Input of `dueAnswers` (answers due before `before`) and `dueForDisposal` (retention ended before `before`).
 * @category Complaints
 */
export const DueAnswersInput = z.strictObject({
  actor: z.unknown(),
  before: Instant,
  limit: z.int().min(1).max(10_000).optional(),
});
/** @category Complaints */
export type DueAnswersInput = z.input<typeof DueAnswersInput>;

/**
 * Input of `saveRuleSet`: a new version of a compensation rule set (parsed with `parseCompensationRuleSet`).
 * @category Complaints
 */
export const SaveRuleSetInput = z.strictObject({ actor: Actor, ruleSet: z.unknown() });
/** @category Complaints */
export type SaveRuleSetInput = z.input<typeof SaveRuleSetInput>;

/**
 * Input of `getRuleSet`: the latest version of rule set `id`, or `version`.
 * @category Complaints
 */
export const GetRuleSetInput = z.strictObject({
  actor: z.unknown(),
  id: RuleSetId,
  version: z.int().min(1).optional(),
});
/** @category Complaints */
export type GetRuleSetInput = z.input<typeof GetRuleSetInput>;

/**
 * Input of `complaintsOfCustomer`: one page of a customer's complaints, in id order.
 * @category Complaints
 */
export const ComplaintsOfCustomerInput = z.strictObject({
  actor: z.unknown(),
  customerId: EntityId,
  ...PageInput,
});
/** @category Complaints */
export type ComplaintsOfCustomerInput = z.input<typeof ComplaintsOfCustomerInput>;

/**
 * Input of `complaintInbox`: one page of the complaints in `status`, oldest received first; or of the
 * unanswered complaints due before `dueBefore` (every unanswered one when neither is given), most urgent first.
 * The two views are different orders, so one call asks for one of them.
 * @category Complaints
 */
export const ComplaintInboxInput = z
  .strictObject({
    actor: z.unknown(),
    status: ComplaintStatus.optional(),
    dueBefore: Instant.optional(),
    ...PageInput,
  })
  .refine((i) => i.status === undefined || i.dueBefore === undefined, {
    message: 'Ask for one view: by status or by deadline (dueBefore), not both',
    path: ['dueBefore'],
  });
/** @category Complaints */
export type ComplaintInboxInput = z.input<typeof ComplaintInboxInput>;

/**
 * Input of `checkDeadlines`: the instant to check at (the clock's now when left out) and at most `limit`
 * complaints per run (default 500).
 * @category Complaints
 */
export const CheckDeadlinesInput = z.strictObject({
  now: Instant.optional(),
  limit: z.int().min(1).max(100_000).optional(),
});
/** @category Complaints */
export type CheckDeadlinesInput = z.input<typeof CheckDeadlinesInput>;
