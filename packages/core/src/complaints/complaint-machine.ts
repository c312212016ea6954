import { z } from 'zod';
import { type KnownPermission, Permissions } from '../agents/permissions';
import { InvalidTransitionError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
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
export const COMPLAINT_GUARDS: Readonly<
  Record<
    ComplaintGuardName,
    { readonly description: string; readonly test: (context: ComplaintGuardContext) => boolean }
  >
> = Object.freeze({
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
 * Picks the row of {@link COMPLAINT_TRANSITIONS} for `command` in `state`: the first whose guards all hold.
 * Throws an `InvalidTransitionError` naming the state and command otherwise (`details.failedGuards` says which
 * guards failed when rows exist).
 * @example
 * decideComplaintTransition('under_investigation', 'decide', { aboveAuthority: true, closedAt: null, now, reopenWindowMs: 0 }).to // 'awaiting_approval'
 * @category Complaints
 */
export function decideComplaintTransition(
  state: ComplaintStatus,
  command: ComplaintCommand,
  context: ComplaintGuardContext,
): ComplaintTransition {
  const from = parseInput(ComplaintStatus, state, 'complaint status');
  const cmd = parseInput(ComplaintCommand, command, 'complaint command');
  const ctx = parseInput(ComplaintGuardContext, context, 'guard context');
  const candidates = COMPLAINT_TRANSITIONS.filter((t) => t.from === from && t.command === cmd);
  const failedGuards: string[] = [];
  for (const candidate of candidates) {
    const failed = candidate.guards.filter((g) => !COMPLAINT_GUARDS[g].test(ctx));
    if (failed.length === 0) return candidate;
    failedGuards.push(...failed.map((g) => `${g}: ${COMPLAINT_GUARDS[g].description}`));
  }
  throw new InvalidTransitionError('complaint', from, cmd, {
    details: candidates.length === 0 ? {} : { failedGuards: [...new Set(failedGuards)] },
  });
}
