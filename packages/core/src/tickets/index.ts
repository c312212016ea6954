/**
 * Tickets (CS-4): the ticket state machine as data, first and second level with escalation by reason, SLA
 * policies on business calendars with a pausable SLA clock, breach signals and automatic escalation rules, and
 * the derived facts KPI-1 counts (first-contact resolution, resolved without escalation).
 * @module
 */
export { TICKET_EVENT_TYPES } from './apply-ticket-command';
export { type SlaTargetSelection, selectSlaTargets } from './select-sla-targets';
export {
  EscalationActions,
  EscalationRule,
  SlaCycleOutcome,
  SlaPolicy,
  type SlaPolicyInput,
  SlaTargetName,
  SlaTargetRule,
  SlaTargetState,
  TicketSla,
} from './sla.schema';
export {
  consumedBusinessTime,
  isSlaClockRunning,
  pauseSlaClock,
  resumeSlaClock,
  SlaClock,
  SlaSegment,
  slaClockReaches,
  startSlaClock,
} from './sla-clock';
export { Ticket, TicketContact, TicketHistoryEntry } from './ticket.schema';
export {
  SlaPolicySaved,
  TICKET_COMMAND_EVENTS,
  TICKET_EVENTS,
  TicketAssigned,
  TicketAwaitingCustomer,
  TicketClassified,
  TicketClosed,
  TicketContactLinked,
  TicketCustomerReplied,
  TicketDeescalated,
  TicketEscalated,
  TicketEscalationRuleFired,
  TicketOpened,
  TicketReopened,
  TicketResolved,
  TicketResponded,
  TicketSlaBreached,
  TicketSlaWarning,
  type TicketTransitionPayload,
} from './ticket-events';
export { type TicketFacts, ticketFacts } from './ticket-facts';
export {
  TicketCategory,
  TicketCommand,
  TicketGroup,
  TicketPriority,
  TicketStatus,
  TicketTier,
} from './ticket-fields';
export {
  AssignTicketInput,
  CheckSlaInput,
  ClassifyTicketInput,
  DueBreachesInput,
  EscalateTicketInput,
  LinkInteractionInput,
  OpenTicketInput,
  SaveSlaPolicyInput,
  TicketInboxInput,
  TicketReasonInput,
  TicketRefInput,
  TicketsInPeriodInput,
  TicketsOfCustomerInput,
} from './ticket-inputs';
export {
  canApplyTicketCommand,
  decideTicketTransition,
  TICKET_COMMANDS_NEEDING_REASON,
  TICKET_GUARDS,
  TICKET_TRANSITIONS,
  TicketGuardContext,
  type TicketGuardName,
  type TicketTransition,
  ticketMachine,
} from './ticket-machine';
export { MASKED_TICKET_TEXT, SlaPolicyReadPolicy, TicketReadPolicy } from './ticket-read-policy';
export {
  createTicketService,
  type SlaCheckResult,
  type SlaDue,
  type SlaPolicySaveResult,
  type SlaSignal,
  type TicketCommandResult,
  type TicketService,
  type TicketServiceOptions,
} from './ticket-service';
