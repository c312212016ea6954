import { Permissions } from '../agents/permissions';
import { ValidationError } from '../errors/frontline-error';
import { runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { ServiceDeps } from '../services/domain-events';
import type { SlaEnvironmentLoader } from '../tickets/sla-environment';
import { applyAmendments } from './effective-interaction';
import type { Interaction, InteractionAmendment } from './interaction.schema';
import { Interactions } from './interaction-collection';
import { InteractionAmended, InteractionRecorded } from './interaction-events';
import { AmendInteractionInput, checkContactTimes, RecordInteractionInput } from './interaction-inputs';
import { linkTickets } from './link-tickets';
import { requireCustomer } from './require-customer';

/** Instants of a documented contact may lie at most this far ahead of the clock (clock skew between systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A `VALIDATION` error on one path. Internal. */
export function refuse(path: string, message: string, what: string): never {
  throw new ValidationError(`Invalid ${what}: ${path}: ${message}`, [
    { path: [path], message, code: 'custom' },
  ]);
}

function notInFuture(now: Date, instants: Record<string, Date | null | undefined>, what: string): void {
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  for (const [path, instant] of Object.entries(instants)) {
    if (instant && instant.getTime() > limit)
      refuse(path, 'A documented contact cannot lie in the future', what);
  }
}

const about = (id: string) => ({ entityType: 'interaction', entityId: id });

/** Documents a contact; a known customer must exist, linked tickets are told in the same unit of work. */
export function recordInteraction(deps: ServiceDeps, environments: SlaEnvironmentLoader, raw: unknown) {
  return runCreate(
    deps,
    {
      name: 'interaction',
      input: RecordInteractionInput,
      collection: Interactions,
      permission: Permissions.interactionWrite,
      create: async ({ input, actor, at, tx }) => {
        const { offeredAt, answeredAt, endedAt } = input;
        notInFuture(at, { offeredAt, answeredAt, endedAt }, 'interaction');
        if (input.customerId !== null) await requireCustomer(tx, input.customerId);
        const { actor: _actor, links, ...documented } = input;
        const interaction: Interaction = {
          ...documented,
          id: deps.ids.next(),
          links: {
            ticketIds: [...new Set(links.ticketIds)],
            complaintIds: [...new Set(links.complaintIds)],
            orderIds: [...new Set(links.orderIds)],
          },
          recordedAt: at,
          recordedBy: actor.id,
          amendments: [],
          feedback: null,
        };
        const recorded = emit(InteractionRecorded, about(interaction.id), {
          customerId: interaction.customerId,
          offeredAt: interaction.offeredAt.toISOString(),
          channel: interaction.channel,
          direction: interaction.direction,
          queue: interaction.queue,
          ...interaction.links,
        });
        const ticketIds = interaction.links.ticketIds;
        const ticketEvents = await linkTickets(tx, environments, ticketIds, interaction, actor, at);
        return { entity: interaction, events: [recorded, ...ticketEvents] };
      },
    },
    raw,
  );
}

/** Appends a correction with its reason; tickets it newly links are told about the contact. */
export function amendInteraction(deps: ServiceDeps, environments: SlaEnvironmentLoader, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'amendment',
      input: AmendInteractionInput,
      collection: Interactions,
      id: (input) => input.interactionId,
      permission: Permissions.interactionWrite,
      execute: async ({ input, actor, current, at, tx }) => {
        const { answeredAt, endedAt } = input.changes;
        notInFuture(at, { answeredAt, endedAt }, 'amendment');
        const amendment: InteractionAmendment = {
          seq: current.data.amendments.length + 1,
          at,
          by: actor.id,
          reason: input.reason,
          changes: input.changes,
        };
        const next: Interaction = { ...current.data, amendments: [...current.data.amendments, amendment] };
        const effective = applyAmendments(next);
        checkContactTimes(effective, (path, message) => refuse(`changes.${path}`, message, 'amendment'));
        const before = applyAmendments(current.data).links.ticketIds;
        const added = [...new Set(input.changes.addLinks?.ticketIds ?? [])].filter(
          (id) => !before.includes(id),
        );
        const linking = input.changes.addLinks?.ticketIds;
        const amended = emit(InteractionAmended, about(next.id), {
          seq: amendment.seq,
          fields: Object.keys(input.changes).sort(),
          offeredAt: next.offeredAt.toISOString(),
          ...(linking === undefined ? {} : { ticketIds: [...new Set(linking)] }),
        });
        const ticketEvents = await linkTickets(tx, environments, added, effective, actor, at);
        return { entity: next, events: [amended, ...ticketEvents] };
      },
    },
    raw,
  );
}
