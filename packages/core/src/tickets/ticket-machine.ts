import { z } from 'zod';
import { type KnownPermission, Permissions } from '../agents/permissions';
import { Instant } from '../kernel/instant';
import { defineMachine, type MachineGuard } from '../kit/define-machine';
import { TicketCommand, TicketStatus, TicketTier } from './ticket-fields';

/**
 * The names of the guards the ticket table uses; each is explained in {@link TICKET_GUARDS}.
 * @category Tickets
 */
export type TicketGuardName = 'tier_l1' | 'tier_l2' | 'within_reopen_window';

/**
 * What the guards look at: the ticket's tier, when it was closed, the time of the command and the reopen window.
 * @category Tickets
 */
export const TicketGuardContext = z.object({
  tier: TicketTier,
  closedAt: Instant.nullable(),
  now: Instant,
  /** How long after closing a ticket may still be reopened, in milliseconds. */
  reopenWindowMs: z.int().min(0),
});
/** @category Tickets */
export type TicketGuardContext = z.output<typeof TicketGuardContext>;

/**
 * The guards of the ticket table, by name: what each requires (for people) and the test (for the machine).
 * @category Tickets
 */
export const TICKET_GUARDS: Readonly<Record<TicketGuardName, MachineGuard<TicketGuardContext>>> =
  Object.freeze({
    tier_l1: { description: 'the ticket is at first level (L1)', test: (c) => c.tier === 'L1' },
    tier_l2: { description: 'the ticket is at second level (L2)', test: (c) => c.tier === 'L2' },
    within_reopen_window: {
      description: 'the ticket was closed no longer ago than the reopen window',
      test: (c) => c.closedAt !== null && c.now.getTime() - c.closedAt.getTime() <= c.reopenWindowMs,
    },
  });

/**
 * One row of the ticket table: in state `from`, command `command` leads to `to` when every guard holds, for an
 * actor with `permission`. `tier` is the tier the ticket moves to, when the row changes it.
 * @category Tickets
 */
export interface TicketTransition {
  readonly from: TicketStatus;
  readonly command: TicketCommand;
  readonly to: TicketStatus;
  readonly guards: readonly TicketGuardName[];
  readonly permission: KnownPermission;
  readonly tier?: TicketTier;
}

const P = Permissions;
const row = (
  from: TicketStatus,
  command: TicketCommand,
  to: TicketStatus,
  permission: KnownPermission,
  extra: { guards?: TicketGuardName[]; tier?: TicketTier } = {},
): TicketTransition =>
  Object.freeze({
    from,
    command,
    to,
    guards: Object.freeze([...(extra.guards ?? [])]),
    permission,
    ...(extra.tier ? { tier: extra.tier } : {}),
  });

/**
 * The ticket state machine as data: every allowed `state × command → state`, with guards and the permission
 * each needs. A pair missing here is refused with an `InvalidTransitionError`; the table is exported so a host
 * can draw it or explain it.
 *
 * Invariants the rows keep: `new` and `open` tickets are at L1, `escalated` ones at L2; `pending`, `resolved`
 * and `closed` keep the tier they had, and leaving them returns to the state of that tier. `closed` is final
 * except for `reopen` within the reopen window.
 * @example
 * const fromOpen = TICKET_TRANSITIONS.filter((t) => t.from === 'open').map((t) => `${t.command} → ${t.to}`);
 * @category Tickets
 */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = Object.freeze([
  // new: nobody has worked on it yet
  row('new', 'assign', 'open', P.ticketWrite),
  row('new', 'classify', 'new', P.ticketWrite),
  row('new', 'respond', 'open', P.ticketWrite),
  row('new', 'wait_on_customer', 'pending', P.ticketWrite),
  row('new', 'customer_reply', 'new', P.ticketWrite),
  row('new', 'link_contact', 'new', P.ticketWrite),
  row('new', 'escalate', 'escalated', P.ticketEscalate, { tier: 'L2' }),
  row('new', 'resolve', 'resolved', P.ticketWrite),
  // open: first level works on it
  row('open', 'assign', 'open', P.ticketWrite),
  row('open', 'classify', 'open', P.ticketWrite),
  row('open', 'respond', 'open', P.ticketWrite),
  row('open', 'wait_on_customer', 'pending', P.ticketWrite),
  row('open', 'customer_reply', 'open', P.ticketWrite),
  row('open', 'link_contact', 'open', P.ticketWrite),
  row('open', 'escalate', 'escalated', P.ticketEscalate, { tier: 'L2' }),
  row('open', 'resolve', 'resolved', P.ticketWrite),
  // pending: waiting for the customer, SLA clocks paused
  row('pending', 'assign', 'pending', P.ticketWrite),
  row('pending', 'classify', 'pending', P.ticketWrite),
  row('pending', 'respond', 'pending', P.ticketWrite),
  row('pending', 'customer_reply', 'open', P.ticketWrite, { guards: ['tier_l1'] }),
  row('pending', 'customer_reply', 'escalated', P.ticketWrite, { guards: ['tier_l2'] }),
  row('pending', 'link_contact', 'pending', P.ticketWrite),
  row('pending', 'escalate', 'escalated', P.ticketEscalate, { guards: ['tier_l1'], tier: 'L2' }),
  row('pending', 'resolve', 'resolved', P.ticketWrite, { guards: ['tier_l1'] }),
  row('pending', 'resolve', 'resolved', P.ticketWorkL2, { guards: ['tier_l2'] }),
  // escalated: second level works on it
  row('escalated', 'assign', 'escalated', P.ticketWorkL2),
  row('escalated', 'classify', 'escalated', P.ticketWorkL2),
  row('escalated', 'respond', 'escalated', P.ticketWrite),
  row('escalated', 'wait_on_customer', 'pending', P.ticketWorkL2),
  row('escalated', 'customer_reply', 'escalated', P.ticketWrite),
  row('escalated', 'link_contact', 'escalated', P.ticketWrite),
  row('escalated', 'deescalate', 'open', P.ticketWorkL2, { tier: 'L1' }),
  row('escalated', 'resolve', 'resolved', P.ticketWorkL2),
  // resolved: done, may come back
  row('resolved', 'link_contact', 'resolved', P.ticketWrite),
  row('resolved', 'reopen', 'open', P.ticketWrite, { guards: ['tier_l1'] }),
  row('resolved', 'reopen', 'escalated', P.ticketWrite, { guards: ['tier_l2'] }),
  row('resolved', 'close', 'closed', P.ticketSupervise),
  // closed: final, except a reopen within the window
  row('closed', 'reopen', 'open', P.ticketWrite, { guards: ['tier_l1', 'within_reopen_window'] }),
  row('closed', 'reopen', 'escalated', P.ticketWrite, { guards: ['tier_l2', 'within_reopen_window'] }),
]);

/**
 * The commands a ticket must be given a reason for (an escalation without a reason is a `ValidationError`).
 * @category Tickets
 */
export const TICKET_COMMANDS_NEEDING_REASON: readonly TicketCommand[] = Object.freeze([
  'escalate',
  'deescalate',
]);

/**
 * The ticket state machine: {@link TICKET_TRANSITIONS} on the one engine of the kit (`decide`, `can`,
 * `available`, `describe`, `toMermaid`).
 * @category Tickets
 */
export const ticketMachine = defineMachine({
  name: 'ticket',
  states: TicketStatus,
  commands: TicketCommand,
  context: TicketGuardContext,
  guards: TICKET_GUARDS,
  transitions: TICKET_TRANSITIONS,
});

/**
 * Picks the row of {@link TICKET_TRANSITIONS} for `command` in `state`: the first whose guards all hold.
 * Throws an `InvalidTransitionError` naming the state and the command when the table has no such row, or when
 * every row's guards fail (`details.failedGuards` then says which).
 * @example
 * decideTicketTransition('pending', 'customer_reply', { tier: 'L2', closedAt: null, now, reopenWindowMs: 0 }).to // 'escalated'
 * @category Tickets
 */
export const decideTicketTransition: (
  state: TicketStatus,
  command: TicketCommand,
  context: TicketGuardContext,
) => TicketTransition = ticketMachine.decide;

/**
 * True when the table allows `command` in `state` under `context` (no error thrown).
 * @category Tickets
 */
export const canApplyTicketCommand: (
  state: TicketStatus,
  command: TicketCommand,
  context: TicketGuardContext,
) => boolean = ticketMachine.can;
