/**
 * What every ticket command and read shares (internal): the ports, the policy choices of the service and the
 * SLA environment loader, built once by `createTicketService`.
 */
import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import type { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import type { CommandResult } from '../kit/command-runner';
import { ServicePorts } from '../kit/service-ports';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import { createSlaEnvironmentLoader, type SlaEnvironmentLoader } from './sla-environment';
import type { Ticket } from './ticket.schema';

/**
 * Options of `createTicketService`: the ports, and the service's policy choices.
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
 * What a ticket command returns: the ticket as saved, its version and the events it recorded (audit entries and
 * outbox messages, committed with it). No events: nothing changed (an idempotent repeat).
 * @category Tickets
 */
export interface TicketCommandResult {
  ticket: Ticket;
  version: number;
  events: DomainEvent[];
}

/** The shared state of one ticket service. */
export interface TicketContext {
  readonly deps: ServiceDeps;
  readonly environments: SlaEnvironmentLoader;
  readonly reopenWindowMs: number;
  readonly defaultSlaPolicyId: string | undefined;
  /** The actor the SLA worker runs commands as. */
  readonly worker: Actor;
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

/** Checks the ports and options and builds the context. */
export function createTicketContext(options: TicketServiceOptions): TicketContext {
  parseInput(ServicePorts, options, 'ticket service ports');
  const config = parseInput(Options, {
    defaultSlaPolicyId: options.defaultSlaPolicyId,
    reopenWindowMs: options.reopenWindowMs,
    slaWorkerId: options.slaWorkerId,
  });
  const reopenWindowMs = config.reopenWindowMs ?? 30 * DAY_MS;
  return {
    deps: { store: options.store, clock: options.clock, ids: options.ids },
    environments: createSlaEnvironmentLoader(reopenWindowMs),
    reopenWindowMs,
    defaultSlaPolicyId: config.defaultSlaPolicyId,
    worker: {
      id: config.slaWorkerId ?? 'system:sla-monitor',
      roles: ['system'],
      permissions: [
        Permissions.ticketWrite,
        Permissions.ticketEscalate,
        Permissions.ticketWorkL2,
        Permissions.ticketSupervise,
      ],
    },
  };
}

/** The command runner's result as a ticket command returns it. */
export function ticketResult(result: CommandResult<Ticket>): TicketCommandResult {
  return { ticket: result.entity, version: result.version, events: [...result.events] };
}
