/**
 * Complaints (CMP-1 … CMP-6): intake with minutes for oral complaints, the workflow as a state machine, legal
 * answer deadlines, declarative compensation rules with explanations, the authority matrix with a four-eyes
 * approval, answer and referral letters, and the case file.
 * @module
 */
export { complaintAnswerDueAt, complaintWarningAt } from './answer-deadline';
export { AuthorityMatrix, assertWithinAuthority, authorityLimit, isWithinAuthority } from './authority';
export { LEDGER_ATTEMPTS } from './compensation-ledger';
export {
  CompensationAward,
  CompensationCap,
  CompensationCondition,
  type CompensationEvaluation,
  type CompensationExplanation,
  CompensationFacts,
  type CompensationFactsInput,
  CompensationRule,
  CompensationRuleSet,
  type CompensationRuleSetInput,
  type CompiledCompensationRules,
  compileCompensationRules,
  evaluateCompensation,
  parseCompensationRuleSet,
} from './compensation-rules';
export {
  Compensation,
  CompensationKind,
  Complaint,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintCommand,
  ComplaintConsumer,
  ComplaintDecision,
  ComplaintEvidence,
  ComplaintFacts,
  ComplaintHistoryEntry,
  ComplaintLetter,
  ComplaintOutcome,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintUrgency,
  isOralChannel,
} from './complaint.schema';
export {
  nextDeadlineSignal,
  ruleSetVersionKey,
  StoredCompensationRuleSet,
} from './complaint-collections';
export {
  COMPLAINT_EVENTS,
  ComplaintAccepted,
  ComplaintAcknowledged,
  ComplaintAnswered,
  ComplaintApprovalRequested,
  ComplaintClosed,
  ComplaintCompensationApproved,
  ComplaintCompensationRefused,
  ComplaintDeadlineBreached,
  ComplaintDeadlineWarning,
  ComplaintDecided,
  ComplaintDisputed,
  ComplaintEscalated,
  ComplaintInvestigationStarted,
  ComplaintMinutesRecorded,
  ComplaintReceived,
  ComplaintReferred,
  ComplaintReopened,
  ComplaintRulesSaved,
} from './complaint-events';
export {
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
export {
  COMPLAINT_LETTER_TEMPLATES,
  ComplaintOffice,
  complaintAnswerData,
  complaintMinutesData,
} from './complaint-letters';
export {
  COMPLAINT_GUARDS,
  COMPLAINT_TRANSITIONS,
  ComplaintGuardContext,
  type ComplaintGuardName,
  type ComplaintTransition,
  complaintMachine,
  decideComplaintTransition,
} from './complaint-machine';
export {
  ComplaintPolicy,
  complaintDeadlines,
  complaintRetainUntil,
  HUNGARIAN_CONSUMER_POLICY,
  selectComplaintPolicy,
} from './complaint-policy';
export { ComplaintReadPolicy, maskComplaint } from './complaint-read-policy';
export {
  type ComplaintCaseFile,
  type ComplaintCommandResult,
  type ComplaintDeadlineReport,
  type ComplaintDecisionResult,
  type ComplaintDue,
  type ComplaintService,
  type ComplaintServiceOptions,
  createComplaintService,
} from './complaint-service';
export {
  BoardChoice,
  BoardQuery,
  CONCILIATION_BOARDS,
  CONCILIATION_BOARDS_AS_OF,
  CONCILIATION_BOARDS_SOURCE,
  ConciliationBoard,
  ConciliationBoardTable,
  CountyKey,
  competentBoard,
  countyKeyOf,
  HUNGARIAN_COUNTY_NAMES,
  type HungarianCountyKey,
} from './conciliation-boards';
export { COMPLAINT_ANSWER_TEMPLATES } from './templates/complaint-answer';
export { COMPLAINT_MINUTES_TEMPLATES } from './templates/complaint-minutes';
