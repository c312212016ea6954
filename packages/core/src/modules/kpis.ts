import { z } from 'zod';
import { AgentLoggedIn, AgentLoggedOut, AgentStateChanged } from '../agents/agent-events';
import { describePermissions, Permissions as P } from '../agents/permissions';
import { calendarDateIn } from '../customers/local-date';
import { parseInput } from '../errors/validate';
import {
  InteractionAmended,
  InteractionFeedbackReceived,
  InteractionRecorded,
} from '../interactions/interaction-events';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';
import { defineModule, type ModuleContext } from '../kit/define-module';
import type { EventHandler } from '../kit/event-handlers';
import {
  KpiDailyRollups,
  KpiRollupMarks,
  KpiTicketDayRows,
  type KpiTicketDays,
} from '../kpi-rollups/rollup-collections';
import { KPI_EVENTS } from '../kpi-rollups/rollup-events';
import { createKpiRollupService, type KpiRollupService, staleDayOf } from '../kpi-rollups/rollup-service';
import type { Store } from '../ports/storage';
import {
  TicketAssigned,
  TicketClassified,
  TicketClosed,
  TicketDeescalated,
  TicketEscalated,
  TicketOpened,
  TicketReopened,
  TicketResolved,
} from '../tickets/ticket-events';
import type { ServiceDeskServices } from './service-desk';

/** Writes one stale-mark a day of `days` (day → the event type that made it stale). */
async function markDays(tx: Store, days: ReadonlyMap<string, string>, at: Date, next: () => string) {
  const rows = [...days].map(([day, cause]) => ({ id: next(), day, cause, at }));
  if (rows.length > 0) await tx.repository(KpiRollupMarks).insertMany(rows);
}

/** The days a ticket's row counts on after `type`, from those before it; `today` is the event's day. */
function ticketDaysAfter(type: string, before: KpiTicketDays, today: string): KpiTicketDays {
  switch (type) {
    case TicketOpened.type:
      return { ...before, opened: before.opened ?? today };
    case TicketResolved.type:
      return { ...before, resolved: before.resolved ?? today };
    case TicketClosed.type:
      return { ...before, closed: today };
    case TicketReopened.type:
      return { ...before, resolved: null, closed: null };
    default:
      return before;
  }
}

/**
 * The KPI module's choices: the zone its days are local to and the re-contact window of first-contact
 * resolution. Changing either later needs `rebuildRollups` over the stored period.
 * @category Modules
 */
export const KpisOptions = z.strictObject({
  /** Default `Europe/Budapest`. */
  timeZone: TimeZone.default(BUDAPEST),
  /** Default 168 (one week). */
  recontactWindowHours: z
    .int()
    .min(1)
    .max(90 * 24)
    .default(168),
});
/** @category Modules */
export type KpisOptions = z.input<typeof KpisOptions>;

/**
 * The KPI module (KPI-1, KPI-2): daily roll-ups of the contact centre's figures — contacts, waits, handling,
 * first-contact resolution, surveys, agents' time (occupancy, utilisation), tickets opened, resolved (with or without L2) and closed — kept as contacts
 * are recorded and tickets worked, so a year's dashboard merges 365 stored
 * partials instead of reading every contact. Requires the service desk; on the root as `frontline.kpis`.
 *
 * How the roll-ups stay exact: its event handlers (`on`) run inside the unit of work that records, amends or
 * surveys a contact and write a stale-mark for the contact's local day (insert-only: concurrent recorders never
 * contend); a refresh recomputes a marked day whole from its records through the service desk's queries and
 * deletes the marks it read in the unit of work that stores the roll-up. A day's roll-up is a function of that
 * day's records, so a retried or concurrent refresh can neither count a contact twice nor lose a correction.
 * Reads refresh stale days first (or report them), merge the days, decide first contacts with the days after
 * the period, and merge agents away for an actor without `kpi.read_agents`.
 * @example
 * const frontline = await createFrontline({ store, modules: [serviceDesk(), kpis({ timeZone: 'Europe/Budapest' })] });
 * const { partial } = await frontline.kpis.rollup({ actor: teamLead, from: '2026-01-01', to: '2026-12-31', period: 'month', by: ['queue'] });
 * for (const { key, totals } of kpiGroups(partial)) console.log(key.period?.start, key.queue, answerRate(totals));
 * @category Modules
 */
export const kpis = (options: KpisOptions = {}) => {
  const { timeZone, recontactWindowHours } = parseInput(KpisOptions, options, 'KPI module options');
  const markStaleDays: EventHandler = async (events, { tx, clock, ids }) => {
    const days = new Map<string, string>();
    for (const event of events) {
      const day = staleDayOf(event.type, event.data, timeZone);
      if (day !== null) days.set(day, event.type);
    }
    await markDays(tx, days, clock.now(), () => ids.next());
  };
  // A ticket counts on the days it was opened, resolved and closed: a change marks them all (a reassignment moves
  // its counts between queues on each), a resolve or close marks today, a reopen the days it no longer counts on.
  const markTicketDays: EventHandler = async (events, { tx, clock, ids }) => {
    const at = clock.now();
    const today = calendarDateIn(at, timeZone);
    const repo = tx.repository(KpiTicketDayRows);
    const days = new Map<string, string>();
    for (const event of events) {
      const row = await repo.find(event.entityId);
      const before = row?.data ?? { id: event.entityId, opened: null, resolved: null, closed: null };
      const after = ticketDaysAfter(event.type, before, today);
      for (const day of [
        before.opened,
        before.resolved,
        before.closed,
        after.opened,
        after.resolved,
        after.closed,
        today,
      ])
        if (day !== null) days.set(day, event.type);
      if (row === undefined) await repo.insert(after);
      else if (JSON.stringify(after) !== JSON.stringify(before)) await repo.update(after, row.version);
    }
    await markDays(tx, days, at, () => ids.next());
  };
  // an agent's state change counts on today: its time in the state it leaves accrued up to now
  const markToday: EventHandler = async (events, { tx, clock, ids }) => {
    const at = clock.now();
    const cause = events[0]?.type ?? 'agent.state_changed.v1';
    await markDays(tx, new Map([[calendarDateIn(at, timeZone), cause]]), at, () => ids.next());
  };
  return defineModule({
    id: 'kpis',
    requires: ['serviceDesk'],
    collections: { dailyRollups: KpiDailyRollups, rollupMarks: KpiRollupMarks, ticketDays: KpiTicketDayRows },
    permissions: describePermissions([P.kpiRead, P.kpiReadAgents, P.kpiManage]),
    events: KPI_EVENTS,
    on: {
      [InteractionRecorded.type]: markStaleDays,
      [InteractionAmended.type]: markStaleDays,
      [InteractionFeedbackReceived.type]: markStaleDays,
      [AgentLoggedIn.type]: markToday,
      [AgentStateChanged.type]: markToday,
      [AgentLoggedOut.type]: markToday,
      ...Object.fromEntries(
        [
          TicketOpened,
          TicketAssigned,
          TicketClassified,
          TicketEscalated,
          TicketDeescalated,
          TicketResolved,
          TicketReopened,
          TicketClosed,
        ].map((event) => [event.type, markTicketDays]),
      ),
    },
    services: ({
      store,
      clock,
      ids,
      deps,
    }: ModuleContext<{ serviceDesk: ServiceDeskServices }>): KpiRollupService =>
      createKpiRollupService({
        store,
        clock,
        ids,
        interactions: deps.serviceDesk.interactions,
        tickets: deps.serviceDesk.tickets,
        agents: deps.serviceDesk.agents,
        timeZone,
        recontactWindowHours,
      }),
  });
};
