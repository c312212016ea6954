import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { applyAmendments } from '../interactions/effective-interaction';
import { timeKeyRange } from '../interactions/index-keys';
import type { Interaction } from '../interactions/interaction.schema';
import { Interactions } from '../interactions/interaction-collection';
import { requireCustomer } from '../interactions/require-customer';
import { ServicePorts } from '../interactions/service-ports';
import { type Actor, requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import type { Store, Stored } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import {
  applyTicketCommand,
  slaView,
  type TicketChanges,
  type TicketEnvironment,
} from './apply-ticket-command';
import { isLinked, linkContact } from './link-contact';
import type { SlaPolicy, SlaTargetName } from './sla.schema';
import { createSlaEnvironmentLoader } from './sla-environment';
import type { Ticket } from './ticket.schema';
import { SlaPolicies, Tickets } from './ticket-collections';
import type { TicketCommand } from './ticket-fields';
import {
  AssignTicketInput,
  CheckSlaOptions,
  ClassifyTicketInput,
  DueBreachesInput,
  EscalateTicketInput,
  LinkInteractionInput,
  OpenTicketInput,
  SaveSlaPolicyInput,
  TicketQueryOptions,
  TicketReasonInput,
  TicketRefInput,
} from './ticket-inputs';
import { canApplyTicketCommand } from './ticket-machine';
import { isTargetRunning, pendingEscalationRules, refreshSla, startTicketSla } from './ticket-sla';

/**
 * Options of {@link createTicketService}: the ports, and the service's policy choices.
 * @category Tickets
 */
export interface TicketServiceOptions extends ServiceDeps {
  /** The SLA policy of tickets opened without `slaPolicyId`; none when left out. */
  defaultSlaPolicyId?: string;
  /** How long after closing a ticket may be reopened, in milliseconds. Default 30 days. */
  reopenWindowMs?: number;
  /** The actor id the SLA worker records in the audit log. Default `system:sla-monitor`. */
  slaWorkerId?: string;
}

/**
 * What a ticket command returns: the ticket as saved and the events it recorded (audit entries and outbox
 * messages, committed with it).
 * @category Tickets
 */
export interface TicketCommandResult {
  ticket: Ticket;
  events: DomainEvent[];
}

/**
 * One SLA target due before the instant `dueBreaches` was asked about.
 * @category Tickets
 */
export interface SlaDue {
  ticketId: string;
  customerId: string;
  status: Ticket['status'];
  priority: Ticket['priority'];
  tier: Ticket['tier'];
  assigneeId: string | null;
  group: string | null;
  target: SlaTargetName;
  cycle: number;
  dueAt: Date;
  /** The due instant has passed (by the service's clock). */
  breached: boolean;
}

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

/**
 * What one run of `checkSla` did.
 * @category Tickets
 */
export interface SlaCheckResult {
  /** Tickets looked at. */
  checked: number;
  signals: SlaSignal[];
  /** Escalation rules that fired, with the commands they ran and those the ticket's state refused. */
  rulesApplied: { ticketId: string; ruleId: string; applied: TicketCommand[]; skipped: TicketCommand[] }[];
  /** Tickets another writer changed meanwhile; they are picked up by the next run. */
  conflicts: string[];
}

/**
 * The ticket service (CS-4): open tickets, work them through the state machine at first and second level,
 * escalate with a reason, link contacts, and keep SLA clocks on business calendars — with a worker function
 * that announces breach warnings and breaches once and applies escalation rules.
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
  /** The ticket with this id, or a `NotFoundError`. */
  getTicket(ticketId: string): Promise<Ticket>;
  /** A customer's tickets in the order they were opened, optionally in `[from, to)`. */
  ticketsOfCustomer(customerId: string, options?: TicketQueryOptions): AsyncIterable<Ticket>;
  /**
   * Running SLA targets due before `before`, earliest ticket first — a range query on the due index, never a scan.
   * Ask with `before` = now to list breaches, or now plus a margin for those breaching soon (`breached: false`).
   * Pending tickets have no due instant, so they never appear.
   */
  dueBreaches(input: DueBreachesInput): AsyncIterable<SlaDue>;
  /**
   * The SLA worker: for tickets whose next signal is due by `now` (an index range, never a scan), announces each
   * warning (`ticket.sla_warning`) and breach (`ticket.sla_breached`) once — outbox dedupe keys make a re-run
   * or a second worker harmless — and applies the escalation rules that are due.
   */
  checkSla(now?: Date | string, options?: CheckSlaOptions): Promise<SlaCheckResult>;
  /** Stores an SLA policy (new or changed; needs `ticket.supervise`). Running tickets keep their clocks. */
  saveSlaPolicy(
    input: SaveSlaPolicyInput,
  ): Promise<{ policy: SlaPolicy; version: number; events: DomainEvent[] }>;
  /** The SLA policy with this id, or a `NotFoundError`. */
  getSlaPolicy(policyId: string): Promise<SlaPolicy>;
}

const DAY_MS = 86_400_000;
const Options = z.object({
  defaultSlaPolicyId: EntityId.optional(),
  reopenWindowMs: z
    .int()
    .min(0)
    .max(3650 * DAY_MS)
    .optional(),
  slaWorkerId: z.string().min(1).max(200).optional(),
});

const later = (a: Date, b: Date) => (a < b ? b : a);

/**
 * Creates the ticket service over the store, clock and id ports.
 * @example
 * const tickets = createTicketService({ store, clock, ids, defaultSlaPolicyId: 'hotline' });
 * await tickets.saveSlaPolicy({ actor: supervisor, policy });
 * const { ticket } = await tickets.openTicket({ actor: agent, customerId, subject: 'No internet since Monday',
 *   category: 'network', priority: 'high', interactionId: call.id });
 * await tickets.escalateTicket({ actor: agent, ticketId: ticket.id, reason: 'Line fault needs a field engineer' });
 * const report = await tickets.checkSla(); // from a scheduled worker
 * @category Tickets
 */
export function createTicketService(options: TicketServiceOptions): TicketService {
  parseInput(ServicePorts, options, 'ticket service ports');
  const { store, clock, ids } = options;
  const config = parseInput(Options, {
    defaultSlaPolicyId: options.defaultSlaPolicyId,
    reopenWindowMs: options.reopenWindowMs,
    slaWorkerId: options.slaWorkerId,
  });
  const reopenWindowMs = config.reopenWindowMs ?? 30 * DAY_MS;
  const environments = createSlaEnvironmentLoader(reopenWindowMs);
  const worker: Actor = {
    id: config.slaWorkerId ?? 'system:sla-monitor',
    roles: ['system'],
    permissions: [
      Permissions.ticketWrite,
      Permissions.ticketEscalate,
      Permissions.ticketWorkL2,
      Permissions.ticketSupervise,
    ],
  };

  async function loadTicket(tx: Store, ticketId: string) {
    return tx.repository(Tickets).get(ticketId);
  }

  /** Loads the ticket, lets `work` change it, saves it with its events — all in one transaction. */
  async function change(
    ticketId: string,
    actor: Actor,
    work: (ticket: Ticket, env: TicketEnvironment, at: Date, tx: Store) => Promise<TicketCommandResult>,
  ): Promise<TicketCommandResult> {
    return store.transaction(async (tx) => {
      const stored = await loadTicket(tx, ticketId);
      const env = await environments.forTicket(tx, stored.data);
      const at = later(clock.now(), stored.data.updatedAt);
      const result = await work(stored.data, env, at, tx);
      if (result.events.length === 0) return result;
      const saved = await tx.repository(Tickets).update(result.ticket, stored.version);
      await recordEvents(tx, clock, actor.id, result.events);
      return { ticket: saved.data, events: result.events };
    });
  }

  function command(
    ticketId: string,
    actor: Actor,
    cmd: TicketCommand,
    extra: { reason?: string | null; changes?: TicketChanges } = {},
  ): Promise<TicketCommandResult> {
    return change(ticketId, actor, async (ticket, env, at) => {
      const { ticket: next, event } = applyTicketCommand(ticket, { command: cmd, actor, at, ...extra }, env);
      return { ticket: next, events: [event] };
    });
  }

  const routing = (input: { group?: string | null; assigneeId?: string | null }): TicketChanges => ({
    ...(input.group === undefined ? {} : { group: input.group }),
    ...(input.assigneeId === undefined ? {} : { assigneeId: input.assigneeId }),
  });

  async function checkTicket(ticketId: string, now: Date, result: SlaCheckResult): Promise<void> {
    await store.transaction(async (tx) => {
      const stored = await tx.repository(Tickets).find(ticketId);
      const signalAt = stored?.data.sla?.nextSignalAt;
      if (!stored || !signalAt || signalAt > now) return;
      const env = await environments.forTicket(tx, stored.data);
      if (!env.sla) return;
      const { policy, calendar } = env.sla;
      const at = later(now, stored.data.updatedAt);
      const events: DomainEvent[] = [];
      const signals: SlaSignal[] = [];
      let ticket: Ticket = stored.data;
      const sla = ticket.sla!;
      const targets = sla.targets.map((target) => {
        const t = { ...target };
        const running = isTargetRunning(t);
        const due = t.dueAt !== null && t.dueAt <= now;
        if (!t.warningSent && running && t.warnAt !== null && t.warnAt <= now) {
          t.warningSent = true;
          if (!due)
            signals.push({ ticketId, target: t.target, cycle: t.cycle, kind: 'warning', at: t.warnAt });
        }
        if (!t.breachSent && due && t.dueAt && (running || t.breachedAt !== null)) {
          t.breachSent = true;
          signals.push({ ticketId, target: t.target, cycle: t.cycle, kind: 'breach', at: t.dueAt });
        }
        return t;
      });
      for (const signal of signals) {
        events.push({
          type: signal.kind === 'warning' ? 'ticket.sla_warning' : 'ticket.sla_breached',
          entityType: 'ticket',
          entityId: ticketId,
          payload: {
            target: signal.target,
            cycle: signal.cycle,
            at: signal.at.toISOString(),
            policyId: sla.policyId,
          },
          dedupeKey: `ticket:${ticketId}:sla:${signal.target}:${signal.cycle}:${signal.kind}`,
        });
      }
      ticket = { ...ticket, sla: { ...sla, targets } };
      for (;;) {
        const due = pendingEscalationRules(ticket.sla!, policy, calendar, slaView(ticket)).find(
          (p) => p.at <= now,
        );
        if (!due) break;
        ticket = { ...ticket, sla: { ...ticket.sla!, appliedRules: [...ticket.sla!.appliedRules, due.key] } };
        const applied: TicketCommand[] = [];
        const skipped: TicketCommand[] = [];
        const steps: { command: TicketCommand; reason?: string; changes?: TicketChanges }[] = [];
        if (due.rule.actions.setPriority)
          steps.push({ command: 'classify', changes: { priority: due.rule.actions.setPriority } });
        if (due.rule.actions.setGroup)
          steps.push({ command: 'assign', changes: { group: due.rule.actions.setGroup } });
        if (due.rule.actions.escalate)
          steps.push({ command: 'escalate', reason: due.rule.actions.escalate.reason });
        for (const step of steps) {
          const guard = { tier: ticket.tier, closedAt: ticket.closedAt, now: at, reopenWindowMs };
          if (!canApplyTicketCommand(ticket.status, step.command, guard)) {
            skipped.push(step.command);
            continue;
          }
          const r = applyTicketCommand(ticket, { ...step, actor: worker, at, rule: due.rule.id }, env);
          ticket = r.ticket;
          events.push(r.event);
          applied.push(step.command);
        }
        result.rulesApplied.push({ ticketId, ruleId: due.rule.id, applied, skipped });
      }
      ticket = { ...ticket, sla: refreshSla(ticket.sla!, policy, calendar, slaView(ticket), at) };
      await tx.repository(Tickets).update(ticket, stored.version);
      await recordEvents(tx, clock, worker.id, events);
      result.signals.push(...signals);
    });
  }

  return {
    openTicket: async (raw) => {
      const input = parseInput(OpenTicketInput, raw, 'ticket');
      const actor = requirePermission(input.actor, Permissions.ticketWrite);
      const policyId = input.slaPolicyId === undefined ? config.defaultSlaPolicyId : input.slaPolicyId;
      return store.transaction(async (tx) => {
        await requireCustomer(tx, input.customerId);
        const at = clock.now();
        const id = ids.next();
        const sla = policyId ? await environments.policy(tx, policyId) : null;
        let ticket: Ticket = {
          id,
          customerId: input.customerId,
          subject: input.subject,
          description: input.description,
          status: 'new',
          priority: input.priority,
          category: input.category,
          tier: 'L1',
          assigneeId: input.assigneeId,
          group: input.group,
          openedAt: at,
          openedBy: actor.id,
          updatedAt: at,
          resolvedAt: null,
          closedAt: null,
          history: [],
          sla: null,
        };
        if (sla) ticket.sla = startTicketSla(sla.policy, sla.calendar, slaView(ticket), at);
        const events: DomainEvent[] = [
          {
            type: 'ticket.opened',
            entityType: 'ticket',
            entityId: id,
            payload: {
              customerId: input.customerId,
              priority: input.priority,
              category: input.category,
              slaPolicyId: policyId ?? null,
              slaTargetRow: ticket.sla?.targetRow ?? null,
            },
          },
        ];
        if (input.interactionId !== undefined) {
          const stored = await tx.repository(Interactions).get(input.interactionId);
          const linked = linkContact(ticket, stored.data, actor, at, { reopenWindowMs, sla });
          ticket = linked.ticket;
          events.push(...linked.events);
          events.push(...(await noteTicketOnInteraction(tx, stored, id, actor, at)));
        }
        const saved = await tx.repository(Tickets).insert(ticket);
        await recordEvents(tx, clock, actor.id, events);
        return { ticket: saved.data, events };
      });
    },

    assignTicket: async (raw) => {
      const input = parseInput(AssignTicketInput, raw, 'assignment');
      return command(input.ticketId, input.actor, 'assign', { changes: routing(input) });
    },

    classifyTicket: async (raw) => {
      const input = parseInput(ClassifyTicketInput, raw, 'classification');
      const changes: TicketChanges = {
        ...(input.priority === undefined ? {} : { priority: input.priority }),
        ...(input.category === undefined ? {} : { category: input.category }),
      };
      return command(input.ticketId, input.actor, 'classify', { changes });
    },

    respondToTicket: async (raw) => {
      const input = parseInput(TicketRefInput, raw, 'response');
      return command(input.ticketId, input.actor, 'respond');
    },

    waitOnCustomer: async (raw) => {
      const input = parseInput(TicketReasonInput, raw, 'pending request');
      return command(input.ticketId, input.actor, 'wait_on_customer', { reason: input.reason ?? null });
    },

    recordCustomerReply: async (raw) => {
      const input = parseInput(TicketRefInput, raw, 'customer reply');
      return command(input.ticketId, input.actor, 'customer_reply');
    },

    linkInteraction: async (raw) => {
      const input = parseInput(LinkInteractionInput, raw, 'link');
      return change(input.ticketId, input.actor, async (ticket, env, at, tx) => {
        const stored = await tx.repository(Interactions).get(input.interactionId);
        if (isLinked(ticket, stored.data.id)) return { ticket, events: [] };
        const linked = linkContact(ticket, stored.data, input.actor, at, env);
        const noted = await noteTicketOnInteraction(tx, stored, ticket.id, input.actor, at);
        return { ticket: linked.ticket, events: [...linked.events, ...noted] };
      });
    },

    escalateTicket: async (raw) => {
      const input = parseInput(EscalateTicketInput, raw, 'escalation');
      return command(input.ticketId, input.actor, 'escalate', {
        reason: input.reason,
        changes: routing(input),
      });
    },

    deescalateTicket: async (raw) => {
      const input = parseInput(EscalateTicketInput, raw, 'de-escalation');
      return command(input.ticketId, input.actor, 'deescalate', {
        reason: input.reason,
        changes: routing(input),
      });
    },

    resolveTicket: async (raw) => {
      const input = parseInput(TicketReasonInput, raw, 'resolution');
      return command(input.ticketId, input.actor, 'resolve', { reason: input.reason ?? null });
    },

    reopenTicket: async (raw) => {
      const input = parseInput(TicketReasonInput, raw, 'reopening');
      return command(input.ticketId, input.actor, 'reopen', { reason: input.reason ?? null });
    },

    closeTicket: async (raw) => {
      const input = parseInput(TicketRefInput, raw, 'closing');
      return command(input.ticketId, input.actor, 'close');
    },

    getTicket: async (ticketId) => {
      const id = parseInput(EntityId, ticketId, 'ticket id');
      return (await store.repository(Tickets).get(id)).data;
    },

    ticketsOfCustomer: (customerId, raw = {}) => {
      const id = parseInput(EntityId, customerId, 'customer id');
      const o = parseInput(TicketQueryOptions, raw, 'options');
      const range = timeKeyRange(id, o.from, o.to);
      const rows = store.repository(Tickets).query({
        index: 'customer_opened_at',
        ...range,
        ...(o.order ? { order: o.order } : {}),
        ...(o.limit ? { limit: o.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) yield row.data;
        },
      };
    },

    dueBreaches: (raw) => {
      const input = parseInput(DueBreachesInput, raw, 'due-breach query');
      const rows = store.repository(Tickets).query({
        index: 'sla_due_at',
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
          const now = clock.now();
          for await (const { data: t } of rows) {
            const due = (t.sla?.targets ?? [])
              .filter(
                (target) => isTargetRunning(target) && target.dueAt !== null && target.dueAt < input.before,
              )
              .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
            for (const target of due) {
              yield {
                ticketId: t.id,
                customerId: t.customerId,
                status: t.status,
                priority: t.priority,
                tier: t.tier,
                assigneeId: t.assigneeId,
                group: t.group,
                target: target.target,
                cycle: target.cycle,
                dueAt: target.dueAt!,
                breached: target.dueAt! <= now,
              };
            }
          }
        },
      };
    },

    checkSla: async (rawNow, rawOptions = {}) => {
      const now = rawNow === undefined ? clock.now() : parseInput(Instant, rawNow, 'now');
      const o = parseInput(CheckSlaOptions, rawOptions, 'options');
      const result: SlaCheckResult = { checked: 0, signals: [], rulesApplied: [], conflicts: [] };
      const dueIds: string[] = [];
      for await (const row of store.repository(Tickets).query({
        index: 'sla_signal_at',
        to: new Date(now.getTime() + 1).toISOString(),
        limit: o.limit ?? 500,
      })) {
        dueIds.push(row.data.id);
      }
      for (const ticketId of dueIds) {
        result.checked++;
        try {
          await checkTicket(ticketId, now, result);
        } catch (error) {
          if (FrontlineError.is(error, 'CONFLICT')) result.conflicts.push(ticketId);
          else throw error;
        }
      }
      return result;
    },

    saveSlaPolicy: async (raw) => {
      const input = parseInput(SaveSlaPolicyInput, raw, 'SLA policy');
      const actor = requirePermission(input.actor, Permissions.ticketSupervise);
      return store.transaction(async (tx) => {
        const repo = tx.repository(SlaPolicies);
        const existing = await repo.find(input.policy.id);
        const saved = existing
          ? await repo.update(input.policy, existing.version)
          : await repo.insert(input.policy);
        const events: DomainEvent[] = [
          {
            type: 'sla_policy.saved',
            entityType: 'sla_policy',
            entityId: saved.data.id,
            payload: {
              version: saved.version,
              targetRows: saved.data.targets.length,
              rules: saved.data.escalationRules.length,
            },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { policy: saved.data, version: saved.version, events };
      });
    },

    getSlaPolicy: async (policyId) => {
      const id = parseInput(EntityId, policyId, 'SLA policy id');
      return (await store.repository(SlaPolicies).get(id)).data;
    },
  };
}

/**
 * Appends the ticket link to a contact documented without it, as an amendment (the documented record never
 * changes). Needs `interaction.write`.
 */
async function noteTicketOnInteraction(
  tx: Store,
  stored: Stored<Interaction>,
  ticketId: string,
  actorInput: Actor,
  at: Date,
): Promise<DomainEvent[]> {
  if (applyAmendments(stored.data).links.ticketIds.includes(ticketId)) return [];
  const actor = requirePermission(actorInput, Permissions.interactionWrite);
  const seq = stored.data.amendments.length + 1;
  await tx.repository(Interactions).update(
    {
      ...stored.data,
      amendments: [
        ...stored.data.amendments,
        {
          seq,
          at,
          by: actor.id,
          reason: `Linked to ticket ${ticketId}`,
          changes: { addLinks: { ticketIds: [ticketId] } },
        },
      ],
    },
    stored.version,
  );
  return [
    {
      type: 'interaction.amended',
      entityType: 'interaction',
      entityId: stored.data.id,
      payload: { seq, fields: ['addLinks'], ticketIds: [ticketId] },
    },
  ];
}
