/**
 * The SLA of one ticket as pure functions over {@link TicketSla} (internal to the ticket services): start it,
 * apply what a command means for it, and refresh the cached instants the indexes and the SLA worker read.
 */
import type { BusinessCalendar } from '../kernel/business-calendar';
import { selectTargets } from './select-sla-targets';
import type { EscalationRule, SlaPolicy, SlaTargetName, SlaTargetState, TicketSla } from './sla.schema';
import { pauseSlaClock, resumeSlaClock, type SlaClock, slaClockReaches, startSlaClock } from './sla-clock';
import type { TicketPriority, TicketStatus, TicketTier } from './ticket-fields';

/** What the SLA needs to know about its ticket. */
export interface SlaTicketView {
  priority: TicketPriority;
  category: string;
  tier: TicketTier;
  status: TicketStatus;
}

/** What a ticket command means for its SLA clocks. */
export type SlaEvent =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'respond' }
  | { kind: 'customer_message' }
  | { kind: 'resolve' }
  | { kind: 'reopen' }
  | {
      kind: 'reclassify';
      priority: TicketPriority;
      category: string;
      status: TicketStatus;
      responded: boolean;
    };

const EMPTY_CLOCK: SlaClock = { segments: [], consumedMs: 0 };

function newTarget(
  target: SlaTargetName,
  cycle: number,
  budgetMs: number,
  at: Date,
  paused: boolean,
): SlaTargetState {
  return {
    target,
    cycle,
    budgetMs,
    clock: paused ? EMPTY_CLOCK : startSlaClock(at),
    stoppedAt: null,
    warnAt: null,
    dueAt: null,
    breachedAt: null,
    warningSent: false,
    breachSent: false,
  };
}

const isRunning = (t: SlaTargetState) => t.stoppedAt === null && t.clock.segments.at(-1)?.to === null;

/** Starts the SLA of a new ticket: first response and resolution count from `at`. */
export function startTicketSla(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  view: SlaTicketView,
  at: Date,
): TicketSla {
  const selection = selectTargets(policy, view.priority, view.category);
  const targets: SlaTargetState[] = [];
  if (selection.budgetsMs.first_response !== undefined) {
    targets.push(newTarget('first_response', 1, selection.budgetsMs.first_response, at, false));
  }
  if (selection.budgetsMs.resolution !== undefined) {
    targets.push(newTarget('resolution', 1, selection.budgetsMs.resolution, at, false));
  }
  const sla: TicketSla = {
    policyId: policy.id,
    targetRow: selection.row,
    warningPercent: policy.warningPercent,
    paused: false,
    targets,
    history: [],
    appliedRules: [],
    nextDueAt: null,
    nextSignalAt: null,
  };
  return refreshSla(sla, policy, calendar, view, at);
}

function stop(sla: TicketSla, target: SlaTargetState, at: Date, calendar: BusinessCalendar): SlaTargetState {
  if (target.stoppedAt !== null) return target;
  const clock = pauseSlaClock(target.clock, at, calendar);
  sla.history.push({
    target: target.target,
    cycle: target.cycle,
    consumedMs: clock.consumedMs,
    budgetMs: target.budgetMs,
    breached: clock.consumedMs >= target.budgetMs,
    stoppedAt: at,
  });
  return { ...target, clock, stoppedAt: at };
}

function startNextResponse(sla: TicketSla, policy: SlaPolicy, at: Date): void {
  const row = sla.targetRow === null ? undefined : policy.targets[sla.targetRow];
  if (row?.nextResponseMinutes === undefined) return;
  const current = sla.targets.find((t) => t.target === 'next_response');
  if (current && current.stoppedAt === null) return;
  const next = newTarget(
    'next_response',
    (current?.cycle ?? 0) + 1,
    row.nextResponseMinutes * 60_000,
    at,
    sla.paused,
  );
  sla.targets = [...sla.targets.filter((t) => t.target !== 'next_response'), next];
}

/**
 * Applies what commands meant for the clocks, in order, at `at`. Does not refresh the cached instants: call
 * {@link refreshSla} afterwards.
 */
export function applySlaEvents(
  current: TicketSla,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  events: readonly SlaEvent[],
  at: Date,
): TicketSla {
  const sla: TicketSla = { ...current, targets: [...current.targets], history: [...current.history] };
  for (const event of events) {
    switch (event.kind) {
      case 'pause':
        sla.paused = true;
        sla.targets = sla.targets.map((t) =>
          t.stoppedAt === null ? { ...t, clock: pauseSlaClock(t.clock, at, calendar) } : t,
        );
        break;
      case 'resume':
        sla.paused = false;
        sla.targets = sla.targets.map((t) =>
          t.stoppedAt === null ? { ...t, clock: resumeSlaClock(t.clock, at) } : t,
        );
        break;
      case 'respond':
        sla.targets = sla.targets.map((t) =>
          t.target === 'first_response' || t.target === 'next_response' ? stop(sla, t, at, calendar) : t,
        );
        break;
      case 'customer_message': {
        const first = sla.targets.find((t) => t.target === 'first_response');
        if (!first || first.stoppedAt !== null) startNextResponse(sla, policy, at);
        break;
      }
      case 'resolve':
        sla.paused = false;
        sla.targets = sla.targets.map((t) => stop(sla, t, at, calendar));
        break;
      case 'reopen':
        sla.targets = sla.targets.map((t) =>
          t.target === 'resolution' && t.stoppedAt !== null
            ? { ...t, stoppedAt: null, clock: sla.paused ? t.clock : resumeSlaClock(t.clock, at) }
            : t,
        );
        startNextResponse(sla, policy, at);
        break;
      case 'reclassify': {
        const selection = selectTargets(policy, event.priority, event.category);
        sla.targetRow = selection.row;
        const kept: SlaTargetState[] = [];
        for (const t of sla.targets) {
          const budget = selection.budgetsMs[t.target];
          if (budget !== undefined) kept.push({ ...t, budgetMs: budget });
        }
        const has = (name: SlaTargetName) => kept.some((t) => t.target === name);
        const settled = event.status === 'resolved' || event.status === 'closed';
        const firstBudget = selection.budgetsMs.first_response;
        if (firstBudget !== undefined && !has('first_response') && !event.responded && !settled) {
          kept.push(newTarget('first_response', 1, firstBudget, at, sla.paused));
        }
        const resolutionBudget = selection.budgetsMs.resolution;
        if (resolutionBudget !== undefined && !has('resolution') && !settled) {
          kept.push(newTarget('resolution', 1, resolutionBudget, at, sla.paused));
        }
        sla.targets = kept;
        break;
      }
    }
  }
  return sla;
}

/** The business milliseconds after which an escalation rule fires for a target. */
export function ruleThresholdMs(rule: EscalationRule, target: SlaTargetState): number {
  if (rule.afterBusinessMinutes !== undefined) return rule.afterBusinessMinutes * 60_000;
  return Math.max(1, Math.ceil((target.budgetMs * (rule.percentOfTarget ?? 100)) / 100));
}

/** The key that records a rule as applied to one cycle of one target. */
export function ruleKey(rule: EscalationRule, target: SlaTargetState): string {
  return `${rule.id}:${target.target}:${target.cycle}`;
}

function ruleMatches(rule: EscalationRule, view: SlaTicketView): boolean {
  return (
    (rule.priorities === undefined || rule.priorities.includes(view.priority)) &&
    (rule.categories === undefined || rule.categories.includes(view.category)) &&
    (rule.tiers === undefined || rule.tiers.includes(view.tier)) &&
    (rule.statuses === undefined || rule.statuses.includes(view.status))
  );
}

/** The escalation rules not yet applied whose trigger lies at or before `now` (or their trigger instants). */
export function pendingEscalationRules(
  sla: TicketSla,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  view: SlaTicketView,
): { rule: EscalationRule; target: SlaTargetState; key: string; at: Date }[] {
  const out: { rule: EscalationRule; target: SlaTargetState; key: string; at: Date }[] = [];
  for (const rule of policy.escalationRules) {
    if (!ruleMatches(rule, view)) continue;
    const target = sla.targets.find((t) => t.target === rule.target);
    if (!target || !isRunning(target)) continue;
    const key = ruleKey(rule, target);
    if (sla.appliedRules.includes(key)) continue;
    const at = slaClockReaches(target.clock, calendar, ruleThresholdMs(rule, target));
    if (at) out.push({ rule, target, key, at });
  }
  return out;
}

const earliest = (instants: readonly (Date | null)[]): Date | null =>
  instants.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/** Recomputes each target's warning, due and breach instants and the ticket's `nextDueAt` and `nextSignalAt`. */
export function refreshSla(
  current: TicketSla,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  view: SlaTicketView,
  now: Date,
): TicketSla {
  const targets = current.targets.map((t) => {
    const dueAt = slaClockReaches(t.clock, calendar, t.budgetMs);
    const warnAt = slaClockReaches(
      t.clock,
      calendar,
      Math.max(1, Math.floor((t.budgetMs * current.warningPercent) / 100)),
    );
    return { ...t, dueAt, warnAt, breachedAt: dueAt !== null && dueAt <= now ? dueAt : null };
  });
  const sla: TicketSla = { ...current, targets };
  const nextDueAt = earliest(targets.filter(isRunning).map((t) => t.dueAt));
  const signals: (Date | null)[] = [];
  for (const t of targets) {
    if (!t.warningSent && isRunning(t)) signals.push(t.warnAt);
    if (!t.breachSent && (isRunning(t) || t.breachedAt !== null)) signals.push(t.dueAt);
  }
  for (const pending of pendingEscalationRules(sla, policy, calendar, view)) signals.push(pending.at);
  return { ...sla, nextDueAt, nextSignalAt: earliest(signals) };
}

/** Whether a target is counting now (not met, not paused). */
export function isTargetRunning(target: SlaTargetState): boolean {
  return isRunning(target);
}
