import { z } from 'zod';
import { CalendarDate, Instant } from '../kernel/instant';
import { KpiPartial } from '../kpi/kpi-partial';
import { defineCollection } from '../ports/storage';

/**
 * One local day's KPI roll-up: the partial of every contact offered, every survey answered and every ticket
 * opened, resolved or closed that day (in the module's zone), grouped by day × agent × queue × channel × category — a pure function of that day's records,
 * recomputed whole whenever one of them changes, so it can never count a contact twice or miss a correction.
 * @category KPI roll-ups
 */
export const KpiDailyRollup = z.strictObject({
  /** The local date (`YYYY-MM-DD`), also the id: one roll-up a day. */
  id: CalendarDate,
  /** The day's bounds as instants: 23, 24 or 25 hours apart. */
  from: Instant,
  to: Instant,
  partial: KpiPartial,
  /** How many contacts, survey answers and tickets the partial was computed from. */
  contacts: z.int().min(0),
  surveys: z.int().min(0),
  tickets: z.int().min(0),
  refreshedAt: Instant,
});
/** @category KPI roll-ups */
export type KpiDailyRollup = z.output<typeof KpiDailyRollup>;

/**
 * `kpi_daily_rollups`: one row a local day; the `day` index answers a period's roll-ups as a range.
 * @category KPI roll-ups
 */
export const KpiDailyRollups = defineCollection<KpiDailyRollup>({
  name: 'kpi_daily_rollups',
  schema: KpiDailyRollup,
  indexes: { day: { key: (r) => r.id } },
});

/**
 * A note that a day's roll-up is out of date: written by the module's event handlers in the unit of work that
 * records the contact (insert-only, a fresh id each, so concurrent writers never contend), deleted by the refresh
 * that recomputed the day, in the same unit of work as the new roll-up.
 * @category KPI roll-ups
 */
export const KpiRollupMark = z.strictObject({
  id: z.string().min(1).max(200),
  day: CalendarDate,
  /** The event that made the day stale (`interaction.recorded.v1` …) and when. */
  cause: z.string().min(1).max(100),
  at: Instant,
});
/** @category KPI roll-ups */
export type KpiRollupMark = z.output<typeof KpiRollupMark>;

/**
 * `kpi_rollup_marks`: the stale days, by the `day` index. Small: a refresh empties it.
 * @category KPI roll-ups
 */
export const KpiRollupMarks = defineCollection<KpiRollupMark>({
  name: 'kpi_rollup_marks',
  schema: KpiRollupMark,
  indexes: { day: { key: (m) => m.day } },
});

/**
 * The local days a ticket's KPI row counts on — opened, last resolved, closed — as the module last saw them, so a
 * reopen or a reassignment marks the days it changes. Written by the module's handlers of ticket events.
 * @category KPI roll-ups
 */
export const KpiTicketDays = z.strictObject({
  /** The ticket's id. */
  id: z.string().min(1).max(200),
  opened: CalendarDate.nullable(),
  resolved: CalendarDate.nullable(),
  closed: CalendarDate.nullable(),
});
/** @category KPI roll-ups */
export type KpiTicketDays = z.output<typeof KpiTicketDays>;

/**
 * `kpi_ticket_days`: one row a ticket, by its id.
 * @category KPI roll-ups
 */
export const KpiTicketDayRows = defineCollection<KpiTicketDays>({
  name: 'kpi_ticket_days',
  schema: KpiTicketDays,
});
