import { z } from 'zod';
import { BusinessCalendarDefinition } from '../kernel/business-calendar-definition';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { SlaClock } from './sla-clock';
import { TicketCategory, TicketGroup, TicketPriority, TicketStatus, TicketTier } from './ticket-fields';

/**
 * The three SLA targets of a ticket:
 * - `first_response` — from opening until an agent first answers the customer;
 * - `next_response` — from each customer message (after the first response) until the next answer;
 * - `resolution` — from opening until the ticket is resolved (resumed, not restarted, when it is reopened).
 * Every target counts business time only, and none counts while the ticket is pending on the customer.
 * @category Tickets
 */
export const SlaTargetName = z.enum(['first_response', 'next_response', 'resolution']);
/** @category Tickets */
export type SlaTargetName = z.infer<typeof SlaTargetName>;

/** Up to one year of business minutes. */
const Minutes = z.int().min(1).max(525_600);

/**
 * One row of an SLA policy's target table: the targets (in business minutes) for the tickets it matches. A row
 * without `priorities` matches every priority, one without `categories` every category; the first matching row
 * wins. A target left out is not tracked for those tickets.
 * @category Tickets
 */
export const SlaTargetRule = z.strictObject({
  priorities: z.array(TicketPriority).min(1).optional(),
  categories: z.array(TicketCategory).min(1).optional(),
  firstResponseMinutes: Minutes.optional(),
  nextResponseMinutes: Minutes.optional(),
  resolutionMinutes: Minutes.optional(),
});
/** @category Tickets */
export type SlaTargetRule = z.output<typeof SlaTargetRule>;

/**
 * What an escalation rule does when it fires. Each action runs as an ordinary ticket command by the SLA worker
 * (audited, and skipped — with the reason reported — when the ticket's state does not allow it).
 * @category Tickets
 */
export const EscalationActions = z
  .strictObject({
    setPriority: TicketPriority.optional(),
    setGroup: TicketGroup.optional(),
    /** Escalate to second level with this reason. */
    escalate: z.strictObject({ reason: z.string().trim().min(1).max(2000) }).optional(),
  })
  .refine((a) => a.setPriority !== undefined || a.setGroup !== undefined || a.escalate !== undefined, {
    message: 'An escalation rule needs at least one action',
  });
/** @category Tickets */
export type EscalationActions = z.output<typeof EscalationActions>;

/**
 * An automatic escalation rule: when a running target of a matching ticket has consumed `afterBusinessMinutes`
 * (or `percentOfTarget` of its budget) without being met, apply `actions`. Fires at most once per target cycle.
 * @example
 * const rule: EscalationRule = {
 *   id: 'no-first-response-2h', target: 'first_response', afterBusinessMinutes: 120,
 *   priorities: ['high', 'urgent'], actions: { setGroup: 'hotline-l2', escalate: { reason: 'No first response in 2 business hours' } },
 * };
 * @category Tickets
 */
export const EscalationRule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'A rule id is a lower-case slug'),
    description: z.string().max(500).optional(),
    target: SlaTargetName,
    afterBusinessMinutes: Minutes.optional(),
    percentOfTarget: z.number().gt(0).max(1000).optional(),
    priorities: z.array(TicketPriority).min(1).optional(),
    categories: z.array(TicketCategory).min(1).optional(),
    tiers: z.array(TicketTier).min(1).optional(),
    statuses: z.array(TicketStatus).min(1).optional(),
    actions: EscalationActions,
  })
  .refine((r) => (r.afterBusinessMinutes === undefined) !== (r.percentOfTarget === undefined), {
    message: 'Give exactly one of afterBusinessMinutes and percentOfTarget',
    path: ['afterBusinessMinutes'],
  });
/** @category Tickets */
export type EscalationRule = z.output<typeof EscalationRule>;

/**
 * An SLA policy as data (zod-validated JSON a CRM can store and edit): the business calendar the targets run on,
 * the target table by priority and category, when to warn that a breach is near, and the escalation rules.
 *
 * The calendar refers to its holidays rather than copying them: `hungarianCalendarDefinition` writes
 * `publicHolidays: { source: 'hu' }` and no dates, and the holidays are computed when the policy is used, so a saved
 * policy covers every year the installed package covers (an upgrade with a new decree extends it).
 * `businessCalendarCoverage` tells which years' swaps are known.
 * @example
 * const policy: SlaPolicyInput = {
 *   id: 'hotline', name: 'Hotline',
 *   calendar: hungarianCalendarDefinition({ hours: { monday: ['08:00-12:00', '12:30-16:30'] } }),
 *   targets: [
 *     { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
 *     { firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: 2400 },
 *   ],
 * };
 * @category Tickets
 */
export const SlaPolicy = z
  .strictObject({
    id: EntityId,
    name: z.string().trim().min(1).max(200),
    calendar: BusinessCalendarDefinition,
    /** A running target is "breaching soon" once it has consumed this share of its budget (default 80 %). */
    warningPercent: z.int().min(1).max(99).default(80),
    targets: z.array(SlaTargetRule).min(1).max(200),
    escalationRules: z.array(EscalationRule).max(100).default([]),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.escalationRules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `Rule id "${rule.id}" is used twice`,
          path: ['escalationRules', i, 'id'],
        });
      }
      seen.add(rule.id);
    });
  });
/** @category Tickets */
export type SlaPolicy = z.output<typeof SlaPolicy>;
/** @category Tickets */
export type SlaPolicyInput = z.input<typeof SlaPolicy>;

/**
 * One SLA target of a ticket in its current cycle: its budget, its clock, and what follows from them (cached on
 * every change so that queries and the SLA worker need no calendar arithmetic).
 * @category Tickets
 */
export const SlaTargetState = z.object({
  target: SlaTargetName,
  /** 1 for first response and resolution; counts up for each next-response cycle. */
  cycle: z.int().min(1),
  /** The budget, in business milliseconds. */
  budgetMs: z.int().min(1),
  clock: SlaClock,
  /** When the target was met (or ended by resolution); `null` while it counts. */
  stoppedAt: Instant.nullable(),
  /** When the warning share of the budget is (or was) reached; `null` while paused short of it. */
  warnAt: Instant.nullable(),
  /** When the budget runs (or ran) out; `null` while paused short of it or met in time. */
  dueAt: Instant.nullable(),
  /** When the budget ran out, once that is in the past. */
  breachedAt: Instant.nullable(),
  warningSent: z.boolean(),
  breachSent: z.boolean(),
});
/** @category Tickets */
export type SlaTargetState = z.output<typeof SlaTargetState>;

/**
 * A finished target cycle, kept for reporting (how many next responses were late).
 * @category Tickets
 */
export const SlaCycleOutcome = z.object({
  target: SlaTargetName,
  cycle: z.int().min(1),
  consumedMs: z.int().min(0),
  budgetMs: z.int().min(1),
  breached: z.boolean(),
  stoppedAt: Instant,
});
/** @category Tickets */
export type SlaCycleOutcome = z.output<typeof SlaCycleOutcome>;

/**
 * The SLA state of a ticket: which policy and which row of its target table apply, the current cycle of each
 * target, finished cycles, the escalation rules already applied, and the two instants the indexes serve —
 * `nextDueAt` (the earliest due instant of a running target: `dueBreaches`) and `nextSignalAt` (the earliest
 * warning, breach or rule still to announce: the SLA worker).
 * @category Tickets
 */
export const TicketSla = z.object({
  policyId: EntityId,
  /** The index of the policy's target row that matched, or `null` when none did (no targets tracked). */
  targetRow: z.int().min(0).nullable(),
  warningPercent: z.int().min(1).max(99),
  paused: z.boolean(),
  targets: z.array(SlaTargetState).max(3),
  history: z.array(SlaCycleOutcome).max(100_000),
  /** Keys `ruleId:target:cycle` of the escalation rules that fired. */
  appliedRules: z.array(z.string().max(200)).max(100_000),
  nextDueAt: Instant.nullable(),
  nextSignalAt: Instant.nullable(),
});
/** @category Tickets */
export type TicketSla = z.output<typeof TicketSla>;
