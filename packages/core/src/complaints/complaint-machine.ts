import { z } from 'zod';
import { type KnownPermission, Permissions } from '../agents/permissions';
import { Instant } from '../kernel/instant';
import { defineMachine, type MachineGuard } from '../kit/define-machine';
import { ComplaintCommand, ComplaintStatus } from './complaint.schema';

/**
 * The names of the guards the complaint table uses; each is explained in {@link COMPLAINT_GUARDS}.
 * @category Complaints
 */
export type ComplaintGuardName = 'within_authority' | 'above_authority' | 'within_reopen_window';

/**
 * What the guards look at: whether the proposed compensation exceeds the proposer's authority, when the
 * complaint was closed, the time of the command and the reopen window.
 * @category Complaints
 */
export const ComplaintGuardContext = z.object({
  aboveAuthority: z.boolean(),
  closedAt: Instant.nullable(),
  now: Instant,
  /** How long after closing a complaint may be reopened, in milliseconds. */
  reopenWindowMs: z.int().min(0),
});
/** @category Complaints */
export type ComplaintGuardContext = z.output<typeof ComplaintGuardContext>;

/**
 * The guards of the complaint table, by name: what each requires (for people) and the test (for the machine).
 * @category Complaints
 */
export const COMPLAINT_GUARDS: Readonly<Record<ComplaintGuardName, MachineGuard<ComplaintGuardContext>>> =
  Object.freeze({
    within_authority: {
      description: "the compensation is within the proposer's authority",
      test: (c) => !c.aboveAuthority,
    },
    above_authority: {
      description: "the compensation is above the proposer's authority",
      test: (c) => c.aboveAuthority,
    },
    within_reopen_window: {
      description: 'the complaint was closed no longer ago than the reopen window',
      test: (c) => c.closedAt !== null && c.now.getTime() - c.closedAt.getTime() <= c.reopenWindowMs,
    },
  });

/**
 * One row of the complaint table: in `from`, `command` leads to `to` when every guard holds, for an actor
 * with `permission`.
 * @category Complaints
 */
export interface ComplaintTransition {
  readonly from: ComplaintStatus;
  readonly command: ComplaintCommand;
  readonly to: ComplaintStatus;
  readonly guards: readonly ComplaintGuardName[];
  readonly permission: KnownPermission;
}

const W = Permissions.complaintWrite;
const A = Permissions.complaintApprove;
const row = (
  from: ComplaintStatus,
  command: ComplaintCommand,
  to: ComplaintStatus,
  permission: KnownPermission,
  guards: ComplaintGuardName[] = [],
): ComplaintTransition => Object.freeze({ from, command, to, permission, guards: Object.freeze(guards) });

/**
 * The complaint state machine as data: received → acknowledged → under_investigation → decided (directly, or
 * through awaiting_approval when the compensation is above the proposer's authority) → awaiting_customer →
 * accepted / disputed → closed, with a reopen within the window. A pair missing here is refused with an
 * `InvalidTransitionError`.
 * @example
 * const fromDisputed = COMPLAINT_TRANSITIONS.filter((t) => t.from === 'disputed').map((t) => t.command);
 * @category Complaints
 */
export const COMPLAINT_TRANSITIONS: readonly ComplaintTransition[] = Object.freeze([
  row('received', 'acknowledge', 'acknowledged', W),
  row('received', 'investigate', 'under_investigation', W),
  row('acknowledged', 'investigate', 'under_investigation', W),
  row('under_investigation', 'decide', 'decided', W, ['within_authority']),
  row('under_investigation', 'decide', 'awaiting_approval', W, ['above_authority']),
  row('awaiting_approval', 'approve', 'decided', A),
  row('awaiting_approval', 'refuse', 'under_investigation', A),
  row('decided', 'decide', 'decided', W, ['within_authority']),
  row('decided', 'decide', 'awaiting_approval', W, ['above_authority']),
  row('decided', 'send_answer', 'awaiting_customer', W),
  row('awaiting_customer', 'accept', 'accepted', W),
  row('awaiting_customer', 'dispute', 'disputed', W),
  row('disputed', 'escalate', 'under_investigation', W),
  row('accepted', 'close', 'closed', W),
  row('disputed', 'close', 'closed', W),
  row('closed', 'reopen', 'under_investigation', W, ['within_reopen_window']),
]);

/**
 * The complaint state machine: {@link COMPLAINT_TRANSITIONS} on the one engine of the kit (`decide`, `can`,
 * `available`, `describe`, `toMermaid`).
 * @category Complaints
 */
export const complaintMachine = defineMachine({
  name: 'complaint',
  states: ComplaintStatus,
  commands: ComplaintCommand,
  context: ComplaintGuardContext,
  guards: COMPLAINT_GUARDS,
  transitions: COMPLAINT_TRANSITIONS,
});

/**
 * Picks the row of {@link COMPLAINT_TRANSITIONS} for `command` in `state`: the first whose guards all hold.
 * Throws an `InvalidTransitionError` naming the state and command otherwise (`details.failedGuards` says which
 * guards failed when rows exist).
 * @example
 * decideComplaintTransition('under_investigation', 'decide', { aboveAuthority: true, closedAt: null, now, reopenWindowMs: 0 }).to // 'awaiting_approval'
 * @category Complaints
 */
export const decideComplaintTransition: (
  state: ComplaintStatus,
  command: ComplaintCommand,
  context: ComplaintGuardContext,
) => ComplaintTransition = complaintMachine.decide;
