import { TZDate } from '@date-fns/tz/date';
import { z } from 'zod';
import type { AgentService } from '../agents/agent-service';
import { Permissions as P } from '../agents/permissions';
import { calendarDateIn } from '../customers/local-date';
import { FrontlineError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { InteractionService } from '../interactions/interaction-service';
import { type Actor, Actor as ActorSchema, hasPermission } from '../kernel/actor';
import { CalendarDate } from '../kernel/instant';
import { collect } from '../kit/collect';
import { authorize, runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import { agentSessionRows } from '../kpi/agent-session-rows';
import { kpiContactFromInteraction, kpiSurveyFromInteraction } from '../kpi/interaction-rows';
import type { KpiPartial } from '../kpi/kpi-partial';
import { emptyKpiPartial, kpiPartialOf } from '../kpi/kpi-partial-of';
import { KpiPeriodGrain, periodOf } from '../kpi/kpi-period';
import type {
  KpiAgentSessionInput,
  KpiContactInput,
  KpiSurveyInput,
  KpiTicketInput,
} from '../kpi/kpi-rows.schema';
import { mergeKpiPartials } from '../kpi/merge-kpi-partials';
import { KpiRegrouping, regroupKpiPartial } from '../kpi/regroup-kpi-partial';
import { settleFirstContacts } from '../kpi/settle-first-contacts';
import { kpiTicketFromTicket } from '../kpi/ticket-rows';
import type { Store } from '../ports/storage';
import type { ServiceDeps } from '../services/domain-events';
import type { TicketService } from '../tickets/ticket-service';
import { type KpiDailyRollup, KpiDailyRollups, KpiRollupMarks } from './rollup-collections';
import { KpiRollupRefreshed } from './rollup-events';

/** The dimensions a stored roll-up keeps; reads merge away what they do not ask for. */
export const ROLLUP_DIMENSIONS = ['agent', 'category', 'channel', 'queue'] as const;

/** Who the roll-ups read contacts as: the facts the statistics need, free texts masked. */
const ROLLUP_READER: Actor = {
  id: 'system:kpi-rollups',
  roles: [],
  permissions: [P.customerRead, P.ticketRead, P.agentControlSessions],
};

/** The longest period one call reads or rebuilds: ten years of days. */
const MAX_DAYS = 3660;

const Period = z
  .strictObject({ actor: ActorSchema, from: CalendarDate, to: CalendarDate })
  .refine((p) => p.from <= p.to, { message: 'The period ends before it starts', path: ['to'] });

/**
 * Input of `rollup`: the figures of the local days `from` … `to` (both included), as one partial — by day
 * (`period`, default `day`; or `week`, `month`, `null`) and by the dimensions of `by` (default all four; without
 * `kpi.read_agents` the agent dimension is merged away whatever is asked).
 * @category KPI roll-ups
 */
export const RollupInput = Period.and(
  z.strictObject({
    period: KpiPeriodGrain.extract(['day', 'week', 'month']).nullable().optional(),
    by: KpiRegrouping.shape.by,
    /** Refresh the period's stale days first (default `true`); `false` reads what is stored, and names them. */
    refresh: z.boolean().default(true),
  }),
);
/** @category KPI roll-ups */
export type RollupInput = z.input<typeof RollupInput>;

/**
 * Input of `rebuildRollups`: recompute every local day `from` … `to` from the records, stale or not.
 * @category KPI roll-ups
 */
export const RebuildRollupsInput = Period;
/** @category KPI roll-ups */
export type RebuildRollupsInput = z.input<typeof RebuildRollupsInput>;

/**
 * Input of `refreshRollups`: recompute the stale days, oldest first, at most `maxDays` of them.
 * @category KPI roll-ups
 */
export const RefreshRollupsInput = z.strictObject({
  actor: ActorSchema,
  maxDays: z.int().min(1).max(MAX_DAYS).default(366),
});
/** @category KPI roll-ups */
export type RefreshRollupsInput = z.input<typeof RefreshRollupsInput>;

/** What a refresh or a rebuild recomputed. @category KPI roll-ups */
export interface RollupRefresh {
  /** The local dates recomputed, in order. */
  readonly days: readonly string[];
  /** Contacts, survey answers and tickets read. */
  readonly contacts: number;
  readonly surveys: number;
  readonly tickets: number;
  /** True when `maxDays` stopped a refresh with stale days left. */
  readonly more: boolean;
}

/** The figures of a period from the stored roll-ups. @category KPI roll-ups */
export interface KpiRollupView {
  /**
   * Merged, settled (first contacts decided through the period's end, or now) and regrouped as asked. When the
   * period includes now, `backlog` holds the tickets open now with their ages (a stock is not kept per day).
   */
  readonly partial: KpiPartial;
  /** The first instant of `from` and the end of `to`, in the module's zone. */
  readonly start: Date;
  readonly end: Date;
  /** How many stored daily roll-ups were read (days without any record have none). */
  readonly storedDays: number;
  /** Days in the period whose roll-up is out of date (empty unless read with `refresh: false`). */
  readonly staleDays: readonly string[];
  /** True when the actor may not see agents, so their figures were merged. */
  readonly agentsMerged: boolean;
}

/**
 * The KPI roll-up service (`frontline.kpis`): daily partials kept as contacts are recorded, read as a period's
 * figures in a few hundred rows instead of every contact.
 * @category KPI roll-ups
 */
export interface KpiRollupService {
  /** The figures of a period (needs `kpi.read`); see {@link RollupInput}. */
  rollup(input: RollupInput): Promise<KpiRollupView>;
  /** Recomputes the stale days (needs `kpi.read` or `kpi.manage`): what a worker runs every few minutes. */
  refreshRollups(input: RefreshRollupsInput): Promise<RollupRefresh>;
  /**
   * Recomputes every day of a period from the records (needs `kpi.manage`): after a restore, a bulk import
   * that bypassed the services, or a change of the module's zone or re-contact window.
   */
  rebuildRollups(input: RebuildRollupsInput): Promise<RollupRefresh>;
}

/** What the roll-up service is built from. @internal */
export interface KpiRollupDeps extends ServiceDeps {
  readonly interactions: InteractionService;
  readonly tickets: TicketService;
  readonly agents: AgentService;
  readonly timeZone: string;
  readonly recontactWindowHours: number;
}

const RefreshDay = z.strictObject({
  actor: ActorSchema,
  day: CalendarDate,
  expectedVersion: z.int().min(1).optional(),
});

/** Local midnight of `day` in `timeZone` and the next one. */
function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const { start, end } = periodOf(new TZDate(y, m - 1, d, timeZone).getTime(), 'day', timeZone);
  return { from: start, to: end };
}

/** The local dates `from` … `to`, both included. */
function daysOf(from: string, to: string, timeZone: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = calendarDateIn(dayBounds(day, timeZone).to, timeZone)) {
    days.push(day);
    if (days.length > MAX_DAYS) {
      const message = `At most ${MAX_DAYS} days at a time`;
      throw new ValidationError(`Invalid period: to: ${message}`, [
        { path: ['to'], message, code: 'custom' },
      ]);
    }
  }
  return days;
}

/**
 * The day of `event` whose roll-up it changes, in `timeZone`: a contact's when it was offered, a survey answer's
 * when it was answered. Used by the module's event handlers. @internal
 */
export function staleDayOf(type: string, data: unknown, timeZone: string): string | null {
  const facts = (data ?? {}) as { offeredAt?: unknown; answeredAt?: unknown };
  const at = type.startsWith('interaction.feedback_received.') ? facts.answeredAt : facts.offeredAt;
  if (typeof at !== 'string') return null;
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? null : calendarDateIn(instant, timeZone);
}

/** The partial with only the groups of the day starting at `start` (a ticket's other days are theirs). */
function onDay(partial: KpiPartial, start: Date): KpiPartial {
  const day = start.toISOString();
  const groups = Object.fromEntries(
    Object.entries(partial.groups).filter(([, g]) => g.key.period?.start === day),
  );
  return { ...partial, groups };
}

/** Creates the roll-up service. @internal */
export function createKpiRollupService(deps: KpiRollupDeps): KpiRollupService {
  const { store, clock, interactions, tickets, agents, timeZone } = deps;
  const grouping = {
    period: 'day' as const,
    by: [...ROLLUP_DIMENSIONS],
    timeZone,
    recontactWindowHours: deps.recontactWindowHours,
  };
  const rollups = (s: Store) => s.repository(KpiDailyRollups);
  const marks = (s: Store) => s.repository(KpiRollupMarks);

  /** Reads a day's records and writes its roll-up, removing the marks read before the records. */
  async function refreshDay(
    actor: Actor,
    day: string,
  ): Promise<{ contacts: number; surveys: number; tickets: number }> {
    for (let attempt = 1; ; attempt++) {
      // order matters: the version, then the marks, then the records, so a record that changes after the
      // marks were read leaves a mark this refresh does not delete
      const existing = await rollups(store).find(day);
      const seen = await collect(marks(store).query({ index: 'day', equals: day }));
      const { from, to } = dayBounds(day, timeZone);
      const contacts: KpiContactInput[] = [];
      for await (const i of interactions.offeredInteractions({ actor: ROLLUP_READER, from, to })) {
        const row = kpiContactFromInteraction(i);
        if (row) contacts.push(row);
      }
      const surveys: KpiSurveyInput[] = [];
      for await (const i of interactions.answeredFeedback({ actor: ROLLUP_READER, from, to })) {
        const row = kpiSurveyFromInteraction(i);
        if (row) surveys.push(row);
      }
      // a ticket counts on the days it was opened, resolved and closed: each day's roll-up keeps its own day's
      const ticketRows = new Map<string, KpiTicketInput>();
      for (const by of ['opened', 'resolved', 'closed'] as const) {
        for await (const t of tickets.ticketsInPeriod({ actor: ROLLUP_READER, by, from, to }))
          ticketRows.set(t.id, kpiTicketFromTicket(t));
      }
      // agents' time, cut at the day's edges; an open session counts up to now (the day is refreshed again once
      // it has ended, see `rollup`)
      const sessions: KpiAgentSessionInput[] = [];
      const now = clock.now();
      for await (const s of agents.sessionsInPeriod({ actor: ROLLUP_READER, from, to })) {
        const start = s.loginAt > from ? s.loginAt : from;
        const ended = s.logoutAt ?? now;
        const end = ended < to ? ended : to;
        if (end <= start) continue;
        sessions.push(
          ...agentSessionRows({
            agentId: s.agentId,
            log: s.log,
            from: start,
            to: end,
            grain: 'day',
            timeZone,
          }),
        );
      }
      const rows = { contacts, surveys, sessions, tickets: ticketRows.values() };
      const partial = onDay(kpiPartialOf(rows, grouping), from);
      const decide = async (tx: Store, at: Date) => {
        for (const mark of seen) await marks(tx).delete(mark.data.id, mark.version);
        const entity: KpiDailyRollup = {
          id: day,
          from,
          to,
          partial,
          contacts: contacts.length,
          surveys: surveys.length,
          tickets: ticketRows.size,
          refreshedAt: at,
        };
        const event = emit(
          KpiRollupRefreshed,
          { entityType: 'kpi_daily_rollup', entityId: day },
          {
            day,
            contacts: contacts.length,
            surveys: surveys.length,
            tickets: ticketRows.size,
            marks: seen.length,
          },
        );
        return { entity, events: [event] };
      };
      const command = {
        name: 'KPI roll-up refresh',
        input: RefreshDay,
        collection: KpiDailyRollups,
        permission: [P.kpiRead, P.kpiManage],
      } as const;
      try {
        if (existing === undefined)
          await runCreate(deps, { ...command, create: ({ tx, at }) => decide(tx, at) }, { actor, day });
        else
          await runCommand(
            deps,
            { ...command, id: () => day, execute: ({ tx, at }) => decide(tx, at) },
            { actor, day, expectedVersion: existing.version },
          );
        return { contacts: contacts.length, surveys: surveys.length, tickets: ticketRows.size };
      } catch (error) {
        // another refresh of the same day got there first (its roll-up, or the marks it deleted): read again
        const lost = FrontlineError.is(error, 'CONFLICT') || FrontlineError.is(error, 'NOT_FOUND');
        if (!lost || attempt >= 3) throw error;
      }
    }
  }

  async function refreshDays(actor: Actor, days: readonly string[], more: boolean): Promise<RollupRefresh> {
    const total = { contacts: 0, surveys: 0, tickets: 0 };
    for (const day of days) {
      const counts = await refreshDay(actor, day);
      total.contacts += counts.contacts;
      total.surveys += counts.surveys;
      total.tickets += counts.tickets;
    }
    return { days, ...total, more };
  }

  /**
   * The open tickets (new, open, pending, escalated) as of `now`, with their ages: a stock, not a flow, so it is
   * taken when a period that includes now is read, never stored with a day.
   */
  async function backlogNow(now: Date): Promise<KpiPartial> {
    const open: KpiTicketInput[] = [];
    for (const status of ['new', 'open', 'pending', 'escalated'] as const) {
      let cursor: string | undefined;
      do {
        const page = await tickets.ticketInbox({
          actor: ROLLUP_READER,
          status,
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const t of page.items) open.push(kpiTicketFromTicket(t));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
    const snapshot = kpiPartialOf({ tickets: open, backlogAsOf: now }, grouping);
    // only the snapshot: the tickets' openings and closings are counted by the days they happened on
    return { ...snapshot, groups: {} };
  }

  /** The distinct stale days in `[from, to]` (or all), oldest first, at most `limit`. */
  async function staleDays(range: { from?: string; to?: string }, limit: number): Promise<string[]> {
    const days: string[] = [];
    const to = range.to === undefined ? undefined : `${range.to}~`;
    const query = { index: 'day', ...(range.from ? { from: range.from } : {}), ...(to ? { to } : {}) };
    for await (const mark of marks(store).query(query)) {
      if (days.at(-1) === mark.data.day) continue;
      if (days.length === limit) break;
      days.push(mark.data.day);
    }
    return days;
  }

  return {
    async refreshRollups(raw) {
      const input = parseInput(RefreshRollupsInput, raw, 'roll-up refresh');
      const actor = authorize(input.actor, [P.kpiRead, P.kpiManage]);
      const days = await staleDays({}, input.maxDays + 1);
      return refreshDays(actor, days.slice(0, input.maxDays), days.length > input.maxDays);
    },

    async rebuildRollups(raw) {
      const input = parseInput(RebuildRollupsInput, raw, 'roll-up rebuild');
      const actor = authorize(input.actor, P.kpiManage);
      return refreshDays(actor, daysOf(input.from, input.to, timeZone), false);
    },

    async rollup(raw) {
      const input = parseInput(RollupInput, raw, 'KPI roll-up read');
      const actor = authorize(input.actor, P.kpiRead);
      const days = daysOf(input.from, input.to, timeZone);
      const start = dayBounds(days[0]!, timeZone).from;
      const end = dayBounds(days.at(-1)!, timeZone).to;
      const windowEnd = new Date(end.getTime() + deps.recontactWindowHours * 3_600_000);
      const lastDay = calendarDateIn(windowEnd, timeZone);
      let stale = await staleDays({ from: input.from, to: lastDay }, MAX_DAYS);
      // a day refreshed before it ended (today, or yesterday read before midnight) has agents' time still to come
      const range = { index: 'day', from: input.from, to: `${input.to}~` };
      for await (const row of rollups(store).query(range))
        if (row.data.refreshedAt < row.data.to && !stale.includes(row.data.id)) stale.push(row.data.id);
      stale.sort();
      if (input.refresh && stale.length > 0) {
        await refreshDays(actor, stale, false);
        stale = [];
      }
      const agentsMerged = !hasPermission(actor, P.kpiReadAgents);
      const by = (input.by ?? [...ROLLUP_DIMENSIONS]).filter((d) => !(agentsMerged && d === 'agent'));
      const target = { period: input.period === undefined ? 'day' : input.period, by };
      const now = clock.now();
      // Each day is coarsened to the answer's grouping, then the days are merged pairwise (a balanced tree: each
      // figure is copied log2(days) times, not once per later day), so a year costs little more than its answer.
      const parts: KpiPartial[] = [regroupKpiPartial(emptyKpiPartial(grouping), target)];
      for await (const row of rollups(store).query(range))
        parts.push(regroupKpiPartial(row.data.partial, target));
      const storedDays = parts.length - 1;
      // A resolved contact near the end is decided by the days after it, up to its re-contact window: their
      // contacts join as first-contact runs only (none of their figures, none of their own verdicts).
      const later = { index: 'day', from: calendarDateIn(end, timeZone), to: `${lastDay}~` };
      for await (const row of rollups(store).query(later)) {
        const runs = Object.entries(row.data.partial.firstContact).map(([customer, list]) => [
          customer,
          list.map((run) => ({ ...run, pending: [] })),
        ]);
        const only = { ...emptyKpiPartial(grouping), firstContact: Object.fromEntries(runs) };
        parts.push(regroupKpiPartial(only, target));
      }
      if (now >= start && now < end) parts.push(regroupKpiPartial(await backlogNow(now), target));
      while (parts.length > 1) {
        const next: KpiPartial[] = [];
        for (let i = 0; i < parts.length; i += 2)
          next.push(i + 1 < parts.length ? mergeKpiPartials(parts[i]!, parts[i + 1]!) : parts[i]!);
        parts.splice(0, parts.length, ...next);
      }
      const partial = settleFirstContacts(parts[0]!, { completeThrough: now < windowEnd ? now : windowEnd });
      return { partial, start, end, storedDays, staleDays: stale.filter((d) => d <= input.to), agentsMerged };
    },
  };
}
