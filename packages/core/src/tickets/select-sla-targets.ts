import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { SlaPolicy, type SlaPolicyInput, type SlaTargetName } from './sla.schema';
import { TicketCategory, TicketPriority } from './ticket-fields';

/**
 * The targets an SLA policy sets for a ticket, and why: which row of the target table matched.
 * @category Tickets
 */
export interface SlaTargetSelection {
  /** The index of the matching row of `policy.targets`, or `null` when no row matches. */
  row: number | null;
  /** Budgets in business milliseconds, for the targets the row sets. */
  budgetsMs: Partial<Record<SlaTargetName, number>>;
  /** The decision in words, for an agent or an auditor. */
  explanation: string;
}

const Subject = z.object({ priority: TicketPriority, category: TicketCategory });

/** {@link selectSlaTargets} on an already validated policy. @internal */
export function selectTargets(policy: SlaPolicy, priority: string, category: string): SlaTargetSelection {
  const index = policy.targets.findIndex(
    (rule) =>
      (rule.priorities === undefined || rule.priorities.some((p) => p === priority)) &&
      (rule.categories === undefined || rule.categories.includes(category)),
  );
  const rule = policy.targets[index];
  if (!rule) {
    return {
      row: null,
      budgetsMs: {},
      explanation: `No row of SLA policy "${policy.id}" matches priority ${priority} and category ${category}: no targets.`,
    };
  }
  const budgetsMs: Partial<Record<SlaTargetName, number>> = {};
  const parts: string[] = [];
  if (rule.firstResponseMinutes !== undefined) {
    budgetsMs.first_response = rule.firstResponseMinutes * 60_000;
    parts.push(`first response ${rule.firstResponseMinutes} min`);
  }
  if (rule.nextResponseMinutes !== undefined) {
    budgetsMs.next_response = rule.nextResponseMinutes * 60_000;
    parts.push(`next response ${rule.nextResponseMinutes} min`);
  }
  if (rule.resolutionMinutes !== undefined) {
    budgetsMs.resolution = rule.resolutionMinutes * 60_000;
    parts.push(`resolution ${rule.resolutionMinutes} min`);
  }
  const matched = [
    rule.priorities ? `priority in [${rule.priorities.join(', ')}]` : 'any priority',
    rule.categories ? `category in [${rule.categories.join(', ')}]` : 'any category',
  ].join(', ');
  return {
    row: index,
    budgetsMs,
    explanation:
      `SLA policy "${policy.id}", row ${index + 1} (${matched}) matches priority ${priority} and category ` +
      `${category}: ${parts.length > 0 ? parts.join(', ') : 'no targets'} (business minutes).`,
  };
}

/**
 * Picks a ticket's SLA targets from a policy's target table: the first row whose priorities and categories match
 * (a row without either matches all). Budgets are business minutes turned into milliseconds.
 * @example
 * selectSlaTargets(policy, { priority: 'urgent', category: 'billing' })
 * // { row: 0, budgetsMs: { first_response: 1_800_000, … }, explanation: 'SLA policy "hotline", row 1 (…) matches …' }
 * @category Tickets
 */
export function selectSlaTargets(
  policy: SlaPolicyInput,
  ticket: { priority: TicketPriority; category: TicketCategory },
): SlaTargetSelection {
  const p = parseInput(SlaPolicy, policy, 'SLA policy');
  const t = parseInput(Subject, ticket, 'ticket');
  return selectTargets(p, t.priority, t.category);
}
