import type { Page, ReadByIdInput } from '../kit/read-policy';
import { openTicket } from './open-ticket';
import { type SlaPolicySaveResult, saveSlaPolicy } from './save-sla-policy';
import type { SlaPolicy } from './sla.schema';
import { checkSla, type SlaCheckResult } from './sla-worker';
import type { Ticket } from './ticket.schema';
import { ticketCommands } from './ticket-commands';
import { createTicketContext, type TicketCommandResult, type TicketServiceOptions } from './ticket-context';
import type {
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
import { type SlaDue, ticketQueries } from './ticket-queries';

export type { SlaPolicySaveResult } from './save-sla-policy';
export type { SlaCheckResult, SlaSignal } from './sla-worker';
export type { TicketCommandResult, TicketServiceOptions } from './ticket-context';
export type { SlaDue } from './ticket-queries';

/**
 * The ticket service (CS-4): open tickets, work them through the state machine at first and second level,
 * escalate with a reason, link contacts, and keep SLA clocks on business calendars — with a worker function
 * that announces breach warnings and breaches once and applies escalation rules.
 *
 * Every command runs on the kit's runner (validate, load with version, the ticket machine decides, save with
 * the expected version, audit, typed `.v1` events — see `TICKET_EVENTS`); every read takes the actor and goes
 * through `TicketReadPolicy` (who reads, what is masked).
 * @category Tickets
 */
export interface TicketService {
  /** Opens a ticket for an existing customer, optionally from a documented contact, with the SLA of its policy. */
  openTicket(input: OpenTicketInput): Promise<TicketCommandResult>;
  /** Changes the assignee and/or group (a `new` ticket becomes `open`). */
  assignTicket(input: AssignTicketInput): Promise<TicketCommandResult>;
  /** Changes the priority and/or category; SLA budgets follow the policy's table. */
  classifyTicket(input: ClassifyTicketInput): Promise<TicketCommandResult>;
  /** Records that an agent answered the customer (stops first- and next-response clocks). */
  respondToTicket(input: TicketRefInput): Promise<TicketCommandResult>;
  /** Puts the ticket on hold for the customer (`pending`): every SLA clock pauses. */
  waitOnCustomer(input: TicketReasonInput): Promise<TicketCommandResult>;
  /** Records that the customer replied (resumes a pending ticket, starts a next-response cycle). */
  recordCustomerReply(input: TicketRefInput): Promise<TicketCommandResult>;
  /** Links a documented contact; it counts as a response or a customer reply by what it was. */
  linkInteraction(input: LinkInteractionInput): Promise<TicketCommandResult>;
  /** Escalates to second level (L2); the reason is required. */
  escalateTicket(input: EscalateTicketInput): Promise<TicketCommandResult>;
  /** Returns an escalated ticket to first level; the reason is required. */
  deescalateTicket(input: EscalateTicketInput): Promise<TicketCommandResult>;
  /** Resolves the ticket (every SLA clock stops). */
  resolveTicket(input: TicketReasonInput): Promise<TicketCommandResult>;
  /** Reopens a resolved ticket, or a closed one within the reopen window. */
  reopenTicket(input: TicketReasonInput): Promise<TicketCommandResult>;
  /** Closes a resolved ticket (needs `ticket.supervise`). */
  closeTicket(input: TicketRefInput): Promise<TicketCommandResult>;
  /** The ticket with this id as the actor may see it, or a `NotFoundError`. */
  getTicket(input: ReadByIdInput): Promise<Ticket>;
  /** One page of a customer's tickets in the order they were opened, optionally opened in `[from, to)`. */
  ticketsOfCustomer(input: TicketsOfCustomerInput): Promise<Page<Ticket>>;
  /**
   * One page of an inbox: the tickets in a status, a queue (`group`), of an assignee, or whose earliest running
   * SLA target is due before `dueBefore` — each on its own index, oldest first (due order for `dueBefore`);
   * resume with `cursor: page.nextCursor`.
   */
  ticketInbox(input: TicketInboxInput): Promise<Page<Ticket>>;
  /**
   * Running SLA targets due before `before`, earliest ticket first — a range query on the due index, never a scan.
   * Ask with `before` = now to list breaches, or now plus a margin for those breaching soon (`breached: false`).
   * Pending tickets have no due instant, so they never appear.
   */
  dueBreaches(input: DueBreachesInput): AsyncIterable<SlaDue>;
  /**
   * The tickets opened, resolved (the last time) or closed in `[from, to)` — a range on that instant's index, for
   * the KPI calculators (see `kpiTicketFromTicket`).
   */
  ticketsInPeriod(input: TicketsInPeriodInput): AsyncIterable<Ticket>;
  /**
   * The SLA worker: for tickets whose next signal is due by `now` (an index range, never a scan), announces each
   * warning (`ticket.sla_warning.v1`) and breach (`ticket.sla_breached.v1`) once — outbox dedupe keys and the
   * ticket's version make a re-run or a second worker harmless — and applies the escalation rules that are due.
   */
  checkSla(input?: CheckSlaInput): Promise<SlaCheckResult>;
  /** Stores an SLA policy (new or changed; needs `ticket.supervise`). Running tickets keep their clocks. */
  saveSlaPolicy(input: SaveSlaPolicyInput): Promise<SlaPolicySaveResult>;
  /** The SLA policy with this id (for whoever may read tickets), or a `NotFoundError`. */
  getSlaPolicy(input: ReadByIdInput): Promise<SlaPolicy>;
}

/**
 * Creates the ticket service over the store, clock and id ports.
 * @example
 * const tickets = createTicketService({ store, clock, ids, defaultSlaPolicyId: 'hotline' });
 * await tickets.saveSlaPolicy({ actor: supervisor, policy });
 * const { ticket } = await tickets.openTicket({ actor: agent, customerId, subject: 'No internet since Monday',
 *   category: 'network', priority: 'high', interactionId: call.id });
 * await tickets.escalateTicket({ actor: agent, ticketId: ticket.id, reason: 'Line fault needs a field engineer' });
 * const { items, nextCursor } = await tickets.ticketInbox({ actor: agent, group: 'hotline', limit: 20 });
 * const report = await tickets.checkSla(); // from a scheduled worker
 * @category Tickets
 */
export function createTicketService(options: TicketServiceOptions): TicketService {
  const ctx = createTicketContext(options);
  return {
    openTicket: openTicket(ctx),
    ...ticketCommands(ctx),
    ...ticketQueries(ctx),
    checkSla: checkSla(ctx),
    saveSlaPolicy: saveSlaPolicy(ctx),
  };
}
