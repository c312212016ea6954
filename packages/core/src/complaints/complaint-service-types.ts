import type { Interaction } from '../interactions/interaction.schema';
import type { Page, ReadByIdInput } from '../kit/read-policy';
import type { LetterEnvironment } from '../letters/letter-environment';
import type { AuditEntry } from '../ports/audit-store';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import type { AuthorityMatrix } from './authority';
import type { CompensationEvaluation, CompensationRuleSet } from './compensation-rules';
import type { Complaint, ComplaintDecision, ComplaintLetter } from './complaint.schema';
import type {
  AssignComplaintInput,
  CheckDeadlinesInput,
  CloseComplaintInput,
  ComplaintInboxInput,
  ComplaintNoteInput,
  ComplaintReasonInput,
  ComplaintsOfCustomerInput,
  DecideComplaintInput,
  DueAnswersInput,
  EscalateComplaintInput,
  GetRuleSetInput,
  ReceiveComplaintInput,
  SaveRuleSetInput,
  SendAnswerInput,
} from './complaint-inputs';
import type { ComplaintOffice } from './complaint-letters';
import type { ComplaintPolicy } from './complaint-policy';
import type { ConciliationBoard } from './conciliation-boards';

/**
 * Options of {@link createComplaintService}: the ports, the letter environment (from
 * `@frontline/core/letters`), the business as letters name it, and the policy data.
 * @category Complaints
 */
export interface ComplaintServiceOptions extends ServiceDeps {
  /** Where minutes and answers are rendered; the complaint templates are registered into it when missing. */
  letters: LetterEnvironment;
  office: ComplaintOffice;
  /** Role × compensation kind → maximum amount (CMP-2). */
  authority: AuthorityMatrix;
  /** Deadline and retention policies by country and sector; default Hungarian consumer law. */
  policies?: ComplaintPolicy[];
  /** The country the service works in (ISO 3166); default `HU`. */
  country?: string;
  /** The sector of complaints received without one; default `consumer`. */
  sector?: string;
  /**
   * Conciliation boards; default `CONCILIATION_BOARDS` (all twenty Hungarian boards, dated data provided as
   * is — check it against the official list, or pass your own table).
   */
  boards?: ConciliationBoard[];
  /** The actor id the deadline worker records. Default `system:complaint-deadlines`. */
  workerId?: string;
}

/**
 * What a complaint command returns: the complaint as saved, its version and the events it recorded.
 * @category Complaints
 */
export interface ComplaintCommandResult {
  complaint: Complaint;
  /** The complaint's version after the command: what a later command sends as `expectedVersion`. */
  version: number;
  events: DomainEvent[];
}

/**
 * What `decideComplaint` returns besides the complaint: the rules' proposal and explanation, and whether the
 * decision waits for an approver.
 * @category Complaints
 */
export interface ComplaintDecisionResult extends ComplaintCommandResult {
  evaluation: CompensationEvaluation;
  needsApproval: boolean;
}

/**
 * A complaint whose answer is due before the instant asked about.
 * @category Complaints
 */
export interface ComplaintDue {
  complaintId: string;
  reference: string;
  customerId: string;
  status: Complaint['status'];
  dueAt: Date;
  /** The deadline has passed (by the service's clock). */
  breached: boolean;
}

/**
 * One run of `checkDeadlines`.
 * @category Complaints
 */
export interface ComplaintDeadlineReport {
  checked: number;
  signals: { complaintId: string; kind: 'warning' | 'breach'; at: Date }[];
  conflicts: string[];
}

/**
 * Everything about a complaint in one object (CMP-6): kept until `retainUntil` — by default five years after
 * closing, Fgytv. 17/A. § (7).
 * @category Complaints
 */
export interface ComplaintCaseFile {
  complaint: Complaint;
  minutes: ComplaintLetter | null;
  decisions: ComplaintDecision[];
  approvals: { seq: number; status: string; by: string | null; at: Date | null; note: string | null }[];
  /** The compensation of the latest decision that is final (approved or within authority). */
  compensation: ComplaintDecision['compensation'] | null;
  letters: ComplaintLetter[];
  contacts: Interaction[];
  auditTrail: AuditEntry[];
  policy: ComplaintPolicy;
  retainUntil: Date | null;
}

/**
 * The complaint service (CMP-1 … CMP-6).
 * @category Complaints
 */
export interface ComplaintService {
  /** Takes in a complaint; an oral one not settled on the spot gets its minutes at once. */
  receiveComplaint(input: ReceiveComplaintInput): Promise<ComplaintCommandResult>;
  /** Acknowledges receipt. */
  acknowledgeComplaint(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Starts the investigation, optionally assigning it. */
  startInvestigation(input: AssignComplaintInput): Promise<ComplaintCommandResult>;
  /** Decides: evaluates the rules; above the proposer's authority the decision waits for an approver. */
  decideComplaint(input: DecideComplaintInput): Promise<ComplaintDecisionResult>;
  /** Approves a pending compensation: a second person, never the proposer, with enough authority. */
  approveCompensation(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Refuses a pending compensation (a note is required); the complaint returns to investigation. */
  refuseCompensation(input: ComplaintReasonInput): Promise<ComplaintCommandResult>;
  /** Renders and records the answer letter; a rejection names the competent conciliation board. */
  sendAnswer(input: SendAnswerInput): Promise<ComplaintCommandResult>;
  /** Records that the customer accepted the answer. */
  acceptAnswer(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Records that the customer disputes the answer. */
  disputeAnswer(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Escalates a disputed complaint to a supervisor (`assigneeId` required), back to investigation. */
  escalateComplaint(input: EscalateComplaintInput): Promise<ComplaintCommandResult>;
  /** Closes an accepted or disputed complaint; a disputed one closes with the referral letter. */
  closeComplaint(input: CloseComplaintInput): Promise<ComplaintCommandResult>;
  /** Reopens a closed complaint within the policy's window (a note is required). */
  reopenComplaint(input: ComplaintReasonInput): Promise<ComplaintCommandResult>;
  /**
   * The complaint with this id as the actor may see it (`complaint.write` or `complaint.approve`; the
   * consumer's address unmasked with `customer.read_personal`), or a `NotFoundError`.
   */
  getComplaint(input: ReadByIdInput): Promise<Complaint>;
  /** Everything about one complaint (CMP-6), read and masked as {@link ComplaintService.getComplaint}. */
  caseFile(input: ReadByIdInput): Promise<ComplaintCaseFile>;
  /** Unanswered complaints due before `before` — a range query on the due index, never a scan. */
  dueAnswers(input: DueAnswersInput): AsyncIterable<ComplaintDue>;
  /** One page of a customer's complaints (by index), in id order. */
  complaintsOfCustomer(input: ComplaintsOfCustomerInput): Promise<Page<Complaint>>;
  /**
   * The complaint inbox, one page at a time: by `status` (oldest received first, on the `status_received`
   * index) or by deadline (unanswered complaints due before `dueBefore`, most urgent first, on
   * `answer_due_at`; every unanswered one when neither is given).
   */
  complaintInbox(input: ComplaintInboxInput): Promise<Page<Complaint>>;
  /**
   * Closed complaints whose retention ended before `before` (a range on the `retain_until` index): the case
   * files a disposal job may delete (Fgytv. 17/A. § (7) keeps them five years by default).
   */
  dueForDisposal(input: DueAnswersInput): AsyncIterable<Complaint>;
  /**
   * The deadline worker: announces each warning and breach once (dedupe keys make re-runs harmless). Takes the
   * instant to check at (the clock's now when left out) and at most `limit` complaints a run (default 500); it
   * acts as the service's worker actor, like the tickets' `checkSla`.
   */
  checkDeadlines(input?: CheckDeadlinesInput): Promise<ComplaintDeadlineReport>;
  /** Saves a new version of a compensation rule set (needs `complaint.approve`); versions are immutable. */
  saveRuleSet(input: SaveRuleSetInput): Promise<{ ruleSet: CompensationRuleSet; events: DomainEvent[] }>;
  /** The latest version of rule set `id`, or `version`; a `NotFoundError` otherwise. */
  getRuleSet(input: GetRuleSetInput): Promise<CompensationRuleSet>;
}
