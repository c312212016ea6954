import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiAccumulator } from './kpi-accumulator';
import { emptyFirstContactState, KpiGrouping, type KpiGroupingInput, type KpiPartial } from './kpi-partial';
import type {
  KpiAgentSessionInput,
  KpiContactInput,
  KpiSurveyInput,
  KpiTicketInput,
} from './kpi-rows.schema';

/**
 * An empty partial for `grouping`: the identity of `mergeKpiPartials` (merging it with a partial of the same
 * grouping gives that partial). An unknown time zone or dimension is a `ValidationError` at its path.
 * @category KPIs
 */
export function emptyKpiPartial(grouping: KpiGroupingInput = {}): KpiPartial {
  return {
    version: 1,
    grouping: parseInput(KpiGrouping, grouping, 'KPI grouping', ['grouping']),
    groups: {},
    backlog: { asOf: null, groups: {} },
    firstContact: emptyFirstContactState(),
  };
}

/**
 * The rows a partial is built from, each list optional and read once, in any order (time order keeps the
 * first-contact state smallest, see {@link kpiPartialOf}). `backlogAsOf` takes a backlog snapshot of `tickets`
 * at that instant.
 * @category KPIs
 */
export interface KpiRows {
  contacts?: Iterable<KpiContactInput>;
  sessions?: Iterable<KpiAgentSessionInput>;
  tickets?: Iterable<KpiTicketInput>;
  surveys?: Iterable<KpiSurveyInput>;
  backlogAsOf?: Date | string;
}

const rowList = z.custom<Iterable<unknown>>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function',
  'Expected a list (an iterable) of rows',
);
const RowsShape = z.strictObject({
  contacts: rowList.optional(),
  sessions: rowList.optional(),
  tickets: rowList.optional(),
  surveys: rowList.optional(),
  backlogAsOf: z.unknown().optional(),
});

/**
 * Builds a mergeable partial from rows in one pass: every row is validated (a bad row is a `ValidationError`
 * whose path starts with its list and index, e.g. `['contacts', 3, 'endedAt']`), then added to its group —
 * contacts in the period of `offeredAt`, sessions of `from`, surveys of `answeredAt`, and tickets as opened,
 * resolved and closed in the periods of those instants.
 *
 * **First-contact resolution** needs each customer's next contact, which may come later in the stream or in
 * another partial. The pass keeps, per customer, the runs of inbound contacts in which each follows the one
 * before within the re-contact window, and at each run's end the resolved contacts not decided yet. On time-
 * ordered rows a contact touches only its customer's last run (constant work): when it falls within the window
 * of the run's end, the pending contacts there are decided as re-contacted; otherwise it starts a new run.
 * Rows out of order are merged into the runs the same way, at some extra cost. Merging partials merges the runs
 * of each customer (see `mergeKpiPartials`), so partials split at any point, merged in any order, give what one
 * pass gives. The state is O(customers with runs) until `settleFirstContacts` decides runs whose window has
 * passed and drops them.
 * @example
 * const day = kpiPartialOf({ contacts, sessions, surveys }, { period: '15min', by: ['queue'] });
 * const total = kpiTotals(day).totals;
 * answerRate(total); // 0.93
 * @category KPIs
 */
export function kpiPartialOf(rows: KpiRows, grouping: KpiGroupingInput = {}): KpiPartial {
  parseInput(RowsShape, rows, 'KPI rows');
  const acc = new KpiAccumulator(emptyKpiPartial(grouping));
  let i = 0;
  for (const input of rows.contacts ?? []) acc.contact(input, i++);
  i = 0;
  for (const input of rows.sessions ?? []) acc.session(input, i++);
  if (rows.backlogAsOf !== undefined) acc.backlogAsOf(rows.backlogAsOf);
  i = 0;
  for (const input of rows.tickets ?? []) acc.ticket(input, i++);
  i = 0;
  for (const input of rows.surveys ?? []) acc.survey(input, i++);
  return acc.finish();
}

/** A pending first contact of group `id` was followed by a re-contact: no longer pending, not met. @internal */
export function recontacted(partial: KpiPartial, id: string): void {
  const group = partial.groups[id];
  if (group !== undefined) group.totals.firstContact.pending -= 1;
}
