import { parseInput } from '../errors/validate';
import { Interaction } from './interaction.schema';

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  return b === undefined ? [...a] : [...new Set([...a, ...b])];
}

/**
 * The contact as it stands after its amendments: each correction, in order, replaces the fields it names, and
 * added links join the documented ones. The documented record and its `amendments` are returned unchanged
 * alongside, so nothing that was written is lost.
 * @example
 * const current = effectiveInteraction(stored); // stored.notes is the original text, current.notes the corrected one
 * @category Interactions
 */
export function effectiveInteraction(interaction: Interaction): Interaction {
  return applyAmendments(parseInput(Interaction, interaction, 'interaction'));
}

/** {@link effectiveInteraction} for an already valid contact (index keys, services). @internal */
export function applyAmendments(base: Interaction): Interaction {
  if (base.amendments.length === 0) return base;
  let current: Interaction = base;
  for (const amendment of [...base.amendments].sort((a, b) => a.seq - b.seq)) {
    const { addLinks, ...fields } = amendment.changes;
    current = {
      ...current,
      ...fields,
      links: {
        ticketIds: union(current.links.ticketIds, addLinks?.ticketIds),
        complaintIds: union(current.links.complaintIds, addLinks?.complaintIds),
        orderIds: union(current.links.orderIds, addLinks?.orderIds),
      },
    };
  }
  return current;
}
