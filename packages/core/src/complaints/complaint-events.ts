import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Locale } from '../kernel/locale';
import { Money } from '../kernel/money';
import { defineEvent, emit } from '../kit/define-event';
import type { DomainEvent } from '../services/domain-events';
import {
  CompensationKind,
  type Complaint,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintSeverity,
  ComplaintStatus,
} from './complaint.schema';

// Payloads carry ids, codes, amounts, states and instants only. The notes agents write, the consumer's name and
// address and the letters stay on the complaint (masked by its read policy), never in the audit log or outbox.

const Iso = z.iso.datetime();
const Status = { status: ComplaintStatus };
const Seq = z.int().min(1);
const RuleSetRef = { ruleSetId: z.string(), ruleSetVersion: z.int().min(1) };

/**
 * `complaint.received.v1`: A complaint was taken in; its legal answer deadline is set.
 * @category Complaints
 */
export const ComplaintReceived = defineEvent({
  type: 'complaint.received.v1',
  description: 'A complaint was taken in; its legal answer deadline is set.',
  payload: z.strictObject({
    ...Status,
    customerId: EntityId,
    channel: ComplaintChannel,
    category: ComplaintCategory,
    severity: ComplaintSeverity,
    policyId: z.string(),
    answerDueAt: Iso,
    /** The feeding system's record (`telecom:outage:OUT-42`) and the outage length the rules read. */
    source: z.string().nullable(),
    outageHours: z.number().nullable(),
  }),
});

/**
 * `complaint.minutes_recorded.v1`: The minutes of an oral complaint were written (Fgytv. 17/A. § (5)).
 * @category Complaints
 */
export const ComplaintMinutesRecorded = defineEvent({
  type: 'complaint.minutes_recorded.v1',
  description: 'The minutes of an oral complaint were written (Fgytv. 17/A. § (5)).',
  payload: z.strictObject({ ...Status, locale: Locale }),
});

/**
 * `complaint.acknowledged.v1`: Receipt of the complaint was acknowledged.
 * @category Complaints
 */
export const ComplaintAcknowledged = defineEvent({
  type: 'complaint.acknowledged.v1',
  description: 'Receipt of the complaint was acknowledged.',
  payload: z.strictObject(Status),
});

/**
 * `complaint.investigation_started.v1`: The investigation started; `assigneeId` is who works on it.
 * @category Complaints
 */
export const ComplaintInvestigationStarted = defineEvent({
  type: 'complaint.investigation_started.v1',
  description: 'The investigation started; `assigneeId` is who works on it.',
  payload: z.strictObject({ ...Status, assigneeId: z.string().nullable() }),
});

const Decision = {
  ...Status,
  seq: Seq,
  outcome: ComplaintOutcome,
  kind: CompensationKind,
  ...RuleSetRef,
  appliedRuleId: z.string().nullable(),
  capId: z.string().nullable(),
  proposerLimit: Money,
};

/**
 * `complaint.decided.v1`: A complaint was decided within the proposer's authority; `granted` is the compensation (zero for an apology).
 * @category Complaints
 */
export const ComplaintDecided = defineEvent({
  type: 'complaint.decided.v1',
  description:
    "A complaint was decided within the proposer's authority; `granted` is the compensation (zero for an apology).",
  payload: z.strictObject({ ...Decision, granted: Money }),
});

/**
 * `complaint.approval_requested.v1`: A decision proposes a compensation above the proposer's authority; it waits for an approver.
 * @category Complaints
 */
export const ComplaintApprovalRequested = defineEvent({
  type: 'complaint.approval_requested.v1',
  description: "A decision proposes a compensation above the proposer's authority; it waits for an approver.",
  payload: z.strictObject({ ...Decision, proposed: Money }),
});

/**
 * `complaint.compensation_approved.v1`: A second person approved the pending compensation; `granted` is what the customer receives.
 * @category Complaints
 */
export const ComplaintCompensationApproved = defineEvent({
  type: 'complaint.compensation_approved.v1',
  description: 'A second person approved the pending compensation; `granted` is what the customer receives.',
  payload: z.strictObject({ ...Status, seq: Seq, kind: CompensationKind, granted: Money }),
});

/**
 * `complaint.compensation_refused.v1`: The pending compensation was refused; the complaint is back under investigation.
 * @category Complaints
 */
export const ComplaintCompensationRefused = defineEvent({
  type: 'complaint.compensation_refused.v1',
  description: 'The pending compensation was refused; the complaint is back under investigation.',
  payload: z.strictObject({ ...Status, seq: Seq }),
});

/**
 * `complaint.answered.v1`: The written answer went out; a decision short of a full uphold names the conciliation board.
 * @category Complaints
 */
export const ComplaintAnswered = defineEvent({
  type: 'complaint.answered.v1',
  description: 'The written answer went out; a decision short of a full uphold names the conciliation board.',
  payload: z.strictObject({
    ...Status,
    seq: Seq,
    outcome: ComplaintOutcome,
    kind: CompensationKind,
    granted: Money,
    boardId: z.string().nullable(),
    onTime: z.boolean(),
  }),
});

/**
 * `complaint.accepted.v1`: The customer accepted the answer.
 * @category Complaints
 */
export const ComplaintAccepted = defineEvent({
  type: 'complaint.accepted.v1',
  description: 'The customer accepted the answer.',
  payload: z.strictObject(Status),
});

/**
 * `complaint.disputed.v1`: The customer disputes the answer.
 * @category Complaints
 */
export const ComplaintDisputed = defineEvent({
  type: 'complaint.disputed.v1',
  description: 'The customer disputes the answer.',
  payload: z.strictObject(Status),
});

/**
 * `complaint.escalated.v1`: A disputed complaint went to a supervisor (`assigneeId`), back under investigation.
 * @category Complaints
 */
export const ComplaintEscalated = defineEvent({
  type: 'complaint.escalated.v1',
  description: 'A disputed complaint went to a supervisor (`assigneeId`), back under investigation.',
  payload: z.strictObject({ ...Status, assigneeId: z.string() }),
});

/**
 * `complaint.referred.v1`: A disputed complaint closed with the referral letter naming the conciliation board.
 * @category Complaints
 */
export const ComplaintReferred = defineEvent({
  type: 'complaint.referred.v1',
  description: 'A disputed complaint closed with the referral letter naming the conciliation board.',
  payload: z.strictObject({ ...Status, boardId: z.string() }),
});

/**
 * `complaint.closed.v1`: The complaint was closed; its case file is kept until `retainUntil`.
 * @category Complaints
 */
export const ComplaintClosed = defineEvent({
  type: 'complaint.closed.v1',
  description: 'The complaint was closed; its case file is kept until `retainUntil`.',
  payload: z.strictObject({ ...Status, retainUntil: Iso }),
});

/**
 * `complaint.reopened.v1`: A closed complaint was reopened within the policy's window.
 * @category Complaints
 */
export const ComplaintReopened = defineEvent({
  type: 'complaint.reopened.v1',
  description: "A closed complaint was reopened within the policy's window.",
  payload: z.strictObject(Status),
});

/**
 * `complaint.deadline_warning.v1`: The answer deadline is near (announced once).
 * @category Complaints
 */
export const ComplaintDeadlineWarning = defineEvent({
  type: 'complaint.deadline_warning.v1',
  description: 'The answer deadline is near (announced once).',
  payload: z.strictObject({ ...Status, dueAt: Iso }),
});

/**
 * `complaint.deadline_breached.v1`: The answer deadline passed without an answer (announced once).
 * @category Complaints
 */
export const ComplaintDeadlineBreached = defineEvent({
  type: 'complaint.deadline_breached.v1',
  description: 'The answer deadline passed without an answer (announced once).',
  payload: z.strictObject({ ...Status, dueAt: Iso }),
});

/**
 * `complaint_rules.saved.v1`: A new version of a compensation rule set was saved (versions are immutable).
 * @category Complaints
 */
export const ComplaintRulesSaved = defineEvent({
  type: 'complaint_rules.saved.v1',
  description: 'A new version of a compensation rule set was saved (versions are immutable).',
  payload: z.strictObject({ ruleSetId: z.string(), version: z.int().min(1), rules: z.int().min(0) }),
});

/**
 * Every event the complaint module announces, for the composition root's catalogue.
 * @category Complaints
 */
export const COMPLAINT_EVENTS = Object.freeze([
  ComplaintReceived,
  ComplaintMinutesRecorded,
  ComplaintAcknowledged,
  ComplaintInvestigationStarted,
  ComplaintDecided,
  ComplaintApprovalRequested,
  ComplaintCompensationApproved,
  ComplaintCompensationRefused,
  ComplaintAnswered,
  ComplaintAccepted,
  ComplaintDisputed,
  ComplaintEscalated,
  ComplaintReferred,
  ComplaintClosed,
  ComplaintReopened,
  ComplaintDeadlineWarning,
  ComplaintDeadlineBreached,
  ComplaintRulesSaved,
] as const);

/** The event `def` about complaint `c`, its status filled in from the complaint. */
export function complaintEvent<P extends z.ZodType>(
  def: Parameters<typeof emit<P>>[0],
  c: Complaint,
  payload: Omit<z.input<P>, 'status'>,
  dedupeKey?: string,
): DomainEvent {
  return emit(
    def,
    { entityType: 'complaint', entityId: c.id, ...(dedupeKey === undefined ? {} : { dedupeKey }) },
    { status: c.status, ...payload } as z.input<P>,
  );
}
