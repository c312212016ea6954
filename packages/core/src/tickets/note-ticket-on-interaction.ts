import { Permissions } from '../agents/permissions';
import { applyAmendments } from '../interactions/effective-interaction';
import type { Interaction } from '../interactions/interaction.schema';
import { Interactions } from '../interactions/interaction-collection';
import { InteractionAmended } from '../interactions/interaction-events';
import { type Actor, requirePermission } from '../kernel/actor';
import { emit } from '../kit/define-event';
import type { Store, Stored } from '../ports/storage';
import type { DomainEvent } from '../services/domain-events';

/**
 * Appends the ticket link to a contact documented without it, as an amendment (the documented record never
 * changes) — the second aggregate a ticket command writes in its unit of work. Needs `interaction.write`.
 * Internal.
 */
export async function noteTicketOnInteraction(
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
    emit(
      InteractionAmended,
      { entityType: 'interaction', entityId: stored.data.id },
      { seq, fields: ['addLinks'], offeredAt: stored.data.offeredAt.toISOString(), ticketIds: [ticketId] },
    ),
  ];
}
