/**
 * The SLA worker (internal): `checkSla` finds the tickets whose next SLA signal is due (a range on the
 * `sla_signal_at` index, never a scan) and runs one command per ticket on the runner, as the worker actor —
 * announce each warning and breach once, apply the escalation rules that are due through the ticket machine,
 * refresh the clocks.
 */
import { z } from 'zod';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { type CommandContext, runCommand } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent } from '../services/domain-events';
import { applyTicketCommand, slaView, type TicketChanges } from './apply-ticket-command';
import type { SlaTargetName, TicketSla } from './sla.schema';
import type { Ticket } from './ticket.schema';
import { Tickets } from './ticket-collections';
import type { TicketContext } from './ticket-context';
import { TicketEscalationRuleFired, TicketSlaBreached, TicketSlaWarning } from './ticket-events';
import type { TicketCommand } from './ticket-fields';
import { CheckSlaInput } from './ticket-inputs';
import { canApplyTicketCommand } from './ticket-machine';
import { isTargetRunning, pendingEscalationRules, refreshSla } from './ticket-sla';

/**
 * An SLA signal the worker announced (as an outbox message and an audit entry).
 * @category Tickets
 */
export interface SlaSignal {
  ticketId: string;
  target: SlaTargetName;
  cycle: number;
  kind: 'warning' | 'breach';
  /** The instant the warning share or the budget was reached. */
  at: Date;
}

/** What the escalation rules did to one ticket. */
type RuleApplied = { ticketId: string; ruleId: string; applied: TicketCommand[]; skipped: TicketCommand[] };

/**
 * What one run of `checkSla` did.
 * @category Tickets
 */
export interface SlaCheckResult {
  /** Tickets looked at. */
  checked: number;
  signals: SlaSignal[];
  /** Escalation rules that fired, with the commands they ran and those the ticket's state refused. */
  rulesApplied: RuleApplied[];
  /** Tickets other writers kept changing through every attempt; the next run picks them up. */
  conflicts: string[];
}

const CheckTicketInput = z.strictObject({ actor: Actor, ticketId: EntityId, now: z.date() });

/** Marks the warnings and breaches reached by `now` as sent and returns them. */
function reachedSignals(ticket: Ticket, now: Date): { targets: TicketSla; signals: SlaSignal[] } {
  const sla = ticket.sla!;
  const signals: SlaSignal[] = [];
  const targets = sla.targets.map((target) => {
    const t = { ...target };
    const running = isTargetRunning(t);
    const due = t.dueAt !== null && t.dueAt <= now;
    if (!t.warningSent && running && t.warnAt !== null && t.warnAt <= now) {
      t.warningSent = true;
      if (!due)
        signals.push({
          ticketId: ticket.id,
          target: t.target,
          cycle: t.cycle,
          kind: 'warning',
          at: t.warnAt,
        });
    }
    if (!t.breachSent && due && t.dueAt && (running || t.breachedAt !== null)) {
      t.breachSent = true;
      signals.push({ ticketId: ticket.id, target: t.target, cycle: t.cycle, kind: 'breach', at: t.dueAt });
    }
    return t;
  });
  return { targets: { ...sla, targets }, signals };
}

/** The per-ticket command of the worker. */
function checkTicket(ctx: TicketContext) {
  return {
    name: 'SLA check',
    input: CheckTicketInput,
    collection: Tickets,
    id: (input: { ticketId: string }) => input.ticketId,
    permission: null,
    execute: async ({ input, actor, current, tx }: CheckTicketContext) => {
      const { now } = input;
      const signalAt = current.data.sla?.nextSignalAt;
      const env = await ctx.environments.forTicket(tx, current.data);
      if (!signalAt || signalAt > now || !env.sla) {
        return { entity: current.data, events: [], extra: { signals: [], rulesApplied: [] } };
      }
      const { policy, calendar } = env.sla;
      const at = current.data.updatedAt > now ? current.data.updatedAt : now;
      const reached = reachedSignals(current.data, now);
      let ticket: Ticket = { ...current.data, sla: reached.targets };
      const events: DomainEvent[] = reached.signals.map((signal) =>
        emit(
          signal.kind === 'warning' ? TicketSlaWarning : TicketSlaBreached,
          {
            entityType: 'ticket',
            entityId: ticket.id,
            dedupeKey: `ticket:${ticket.id}:sla:${signal.target}:${signal.cycle}:${signal.kind}`,
          },
          { target: signal.target, cycle: signal.cycle, at: signal.at.toISOString(), policyId: policy.id },
        ),
      );
      const rulesApplied: RuleApplied[] = [];
      for (;;) {
        const due = pendingEscalationRules(ticket.sla!, policy, calendar, slaView(ticket)).find(
          (p) => p.at <= now,
        );
        if (!due) break;
        ticket = { ...ticket, sla: { ...ticket.sla!, appliedRules: [...ticket.sla!.appliedRules, due.key] } };
        const applied: TicketCommand[] = [];
        const skipped: TicketCommand[] = [];
        const { setPriority, setGroup, escalate } = due.rule.actions;
        const steps: { command: TicketCommand; reason?: string; changes?: TicketChanges }[] = [];
        if (setPriority) steps.push({ command: 'classify', changes: { priority: setPriority } });
        if (setGroup) steps.push({ command: 'assign', changes: { group: setGroup } });
        if (escalate) steps.push({ command: 'escalate', reason: escalate.reason });
        for (const step of steps) {
          const guard = {
            tier: ticket.tier,
            closedAt: ticket.closedAt,
            now: at,
            reopenWindowMs: ctx.reopenWindowMs,
          };
          if (!canApplyTicketCommand(ticket.status, step.command, guard)) {
            skipped.push(step.command);
            continue;
          }
          const r = applyTicketCommand(ticket, { ...step, actor, at, rule: due.rule.id }, env);
          ticket = r.ticket;
          events.push(r.event);
          applied.push(step.command);
        }
        events.push(
          emit(
            TicketEscalationRuleFired,
            { entityType: 'ticket', entityId: ticket.id },
            { ruleId: due.rule.id, target: due.target.target, cycle: due.target.cycle, applied, skipped },
          ),
        );
        rulesApplied.push({ ticketId: ticket.id, ruleId: due.rule.id, applied, skipped });
      }
      ticket = { ...ticket, sla: refreshSla(ticket.sla!, policy, calendar, slaView(ticket), at) };
      return { entity: ticket, events, extra: { signals: reached.signals, rulesApplied } };
    },
  };
}

type CheckTicketContext = CommandContext<Ticket, z.output<typeof CheckTicketInput>>;

/** `checkSla`: one command per ticket whose next signal is due by `now`. */
export function checkSla(ctx: TicketContext): (raw?: unknown) => Promise<SlaCheckResult> {
  const command = checkTicket(ctx);
  return async (raw = {}) => {
    const input = parseInput(CheckSlaInput, raw, 'SLA check');
    const now = input.now ?? ctx.deps.clock.now();
    const result: SlaCheckResult = { checked: 0, signals: [], rulesApplied: [], conflicts: [] };
    const dueIds: string[] = [];
    for await (const row of ctx.deps.store.repository(Tickets).query({
      index: 'sla_signal_at',
      to: new Date(now.getTime() + 1).toISOString(),
      limit: input.limit ?? 500,
    })) {
      dueIds.push(row.data.id);
    }
    for (const ticketId of dueIds) {
      result.checked++;
      try {
        const { extra } = await runCommand(ctx.deps, command, { actor: ctx.worker, ticketId, now });
        result.signals.push(...(extra?.signals ?? []));
        result.rulesApplied.push(...(extra?.rulesApplied ?? []));
      } catch (error) {
        if (FrontlineError.is(error, 'CONFLICT')) result.conflicts.push(ticketId);
        else throw error;
      }
    }
    return result;
  };
}
