import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { addDuration, emptyHistogram } from './duration-histogram';
import { addContactToRuns } from './first-contact-runs';
import { groupKeyer, type KpiDimensionValues } from './kpi-group-key';
import {
  emptyKpiTotals,
  KpiGrouping,
  type KpiGroupingInput,
  type KpiPartial,
  type KpiTotals,
} from './kpi-partial';
import {
  KpiAgentSession,
  type KpiAgentSessionInput,
  KpiContact,
  type KpiContactInput,
  KpiSurvey,
  type KpiSurveyInput,
  KpiTicket,
  type KpiTicketInput,
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
    firstContact: {},
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
  const partial = emptyKpiPartial(grouping);
  const g = partial.grouping;
  const windowMs = g.recontactWindowHours * 3_600_000;
  const groupKeyOf = groupKeyer(g);
  const backlogKeyOf = groupKeyer(g);
  const totalsAt = (ms: number, values: KpiDimensionValues): { id: string; totals: KpiTotals } => {
    const { id, key } = groupKeyOf(ms, values);
    let group = partial.groups[id];
    if (group === undefined) {
      group = { key, totals: emptyKpiTotals() };
      partial.groups[id] = group;
    }
    return { id, totals: group.totals };
  };

  let i = 0;
  for (const input of rows.contacts ?? []) {
    const c = parseInput(KpiContact, input, 'KPI contact', ['contacts', i++]);
    const offered = c.offeredAt.getTime();
    const { id, totals } = totalsAt(offered, {
      agent: c.agentId,
      queue: c.queue,
      channel: c.channel,
      category: c.category,
    });
    const t = totals.contacts;
    const inbound = c.direction === 'inbound';
    if (inbound) t.offered += 1;
    if (c.answeredAt !== null) {
      const answered = c.answeredAt.getTime();
      if (inbound) {
        t.answered += 1;
        addDuration(t.answeredWait, answered - offered);
      }
      t.handled += 1;
      t.talkMs += c.talkMs ?? c.endedAt.getTime() - answered - c.holdMs;
      t.holdMs += c.holdMs;
      t.wrapUpMs += c.wrapUpMs;
      if (c.resolved) t.resolved += 1;
      if (c.escalated) t.escalated += 1;
      if (c.resolved && !c.escalated) t.resolvedWithoutEscalation += 1;
    } else if (c.abandonedAt !== null) {
      t.abandoned += 1;
      addDuration(t.abandonedWait, c.abandonedAt.getTime() - offered);
    }
    if (inbound && c.customerId !== null) {
      const eligible = c.answeredAt !== null;
      const pending = eligible && c.resolved;
      if (eligible) totals.firstContact.eligible += 1;
      if (pending) totals.firstContact.pending += 1;
      const run = { start: offered, end: offered, pending: pending ? [id] : [] };
      let runs = partial.firstContact[c.customerId];
      if (runs === undefined) {
        runs = [];
        partial.firstContact[c.customerId] = runs;
      }
      addContactToRuns(runs, run, windowMs, (key) => recontacted(partial, key));
    }
  }

  i = 0;
  for (const input of rows.sessions ?? []) {
    const s = parseInput(KpiAgentSession, input, 'KPI agent session', ['sessions', i++]);
    const a = totalsAt(s.from.getTime(), {
      agent: s.agentId,
      queue: s.queue,
      channel: s.channel,
      category: null,
    }).totals.agents;
    a.availableMs += s.availableMs;
    a.onCallMs += s.onCallMs;
    a.wrapUpMs += s.wrapUpMs;
    a.breakMs += s.breakMs;
  }

  const asOf =
    rows.backlogAsOf === undefined
      ? null
      : parseInput(Instant, rows.backlogAsOf, 'backlog instant', ['backlogAsOf']).getTime();
  if (asOf !== null) partial.backlog.asOf = new Date(asOf).toISOString();
  i = 0;
  for (const input of rows.tickets ?? []) {
    const t = parseInput(KpiTicket, input, 'KPI ticket', ['tickets', i++]);
    const values = { agent: t.agentId, queue: t.queue, channel: t.channel, category: t.category };
    const opened = t.openedAt.getTime();
    const resolved = t.resolvedAt?.getTime() ?? null;
    const closed = t.closedAt?.getTime() ?? null;
    totalsAt(opened, values).totals.tickets.opened += 1;
    if (resolved !== null) {
      const tickets = totalsAt(resolved, values).totals.tickets;
      tickets.resolved += 1;
      if (t.escalated) tickets.resolvedEscalated += 1;
    }
    if (closed !== null) totalsAt(closed, values).totals.tickets.closed += 1;
    if (asOf !== null && isOpenAt(asOf, opened, resolved, closed)) {
      // A snapshot at a period's end belongs to that period: [start, end) holds asOf − 1 ms.
      const { id, key } = backlogKeyOf(asOf - 1, values);
      let group = partial.backlog.groups[id];
      if (group === undefined) {
        group = { key, count: 0, age: emptyHistogram() };
        partial.backlog.groups[id] = group;
      }
      group.count += 1;
      addDuration(group.age, asOf - opened);
    }
  }

  i = 0;
  for (const input of rows.surveys ?? []) {
    const s = parseInput(KpiSurvey, input, 'KPI survey', ['surveys', i++]);
    const surveys = totalsAt(s.answeredAt.getTime(), {
      agent: s.agentId,
      queue: s.queue,
      channel: s.channel,
      category: s.category,
    }).totals.surveys;
    if (s.csat !== null) surveys.csat[s.csat - 1] = (surveys.csat[s.csat - 1] ?? 0) + 1;
    if (s.nps !== null) surveys.nps[s.nps] = (surveys.nps[s.nps] ?? 0) + 1;
    if (s.ces !== null) surveys.ces[s.ces - 1] = (surveys.ces[s.ces - 1] ?? 0) + 1;
  }
  return partial;
}

function isOpenAt(asOf: number, opened: number, resolved: number | null, closed: number | null): boolean {
  return opened <= asOf && (resolved === null || resolved > asOf) && (closed === null || closed > asOf);
}

/** A pending first contact of group `id` was followed by a re-contact: no longer pending, not met. @internal */
export function recontacted(partial: KpiPartial, id: string): void {
  const group = partial.groups[id];
  if (group !== undefined) group.totals.firstContact.pending -= 1;
}
