import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { TimeZone } from '../kernel/time-zone';

/**
 * The length of a reporting period: 15, 30 or 60 minutes of local wall-clock time, or a local calendar day,
 * week (Monday to Sunday) or month.
 * @category KPIs
 */
export const KpiPeriodGrain = z.enum(['15min', '30min', '60min', 'day', 'week', 'month']);
/** @category KPIs */
export type KpiPeriodGrain = z.infer<typeof KpiPeriodGrain>;

/**
 * One reporting period, `[start, end)`, as instants.
 * @category KPIs
 */
export interface KpiPeriod {
  start: Date;
  end: Date;
}

const MINUTES: Partial<Record<KpiPeriodGrain, number>> = { '15min': 15, '30min': 30, '60min': 60 };

const PeriodQuery = z.strictObject({ at: Instant, grain: KpiPeriodGrain, timeZone: TimeZone });

/**
 * The period of `grain` that holds the instant `at`, in the IANA `timeZone`.
 *
 * Days, weeks and months follow the local calendar, so a day with a daylight-saving change is one day of 23 or
 * 25 hours (in Budapest, 29 March 2026 has 23 hours and 25 October 2026 has 25). Minute periods follow the
 * local wall clock (15-minute periods start at :00, :15, :30, :45 local time, also in zones offset by 30 or
 * 45 minutes) and are each that many real minutes long: on the night the clock goes back, the repeated hour
 * gives its own periods (25 hourly periods that day), and on the night it goes forward the skipped hour gives
 * none (23). An unknown time zone is a `ValidationError` at `timeZone`.
 * @example
 * kpiPeriodOf('2026-10-25T01:30:00Z', 'day', 'Europe/Budapest')
 * // { start: 2026-10-24T22:00:00Z, end: 2026-10-25T23:00:00Z } — 25 hours
 * @category KPIs
 */
export function kpiPeriodOf(at: Date | string, grain: KpiPeriodGrain, timeZone: string): KpiPeriod {
  const query = parseInput(PeriodQuery, { at, grain, timeZone }, 'KPI period');
  return periodOf(query.at.getTime(), query.grain, query.timeZone);
}

/** {@link kpiPeriodOf} for checked input. @internal */
export function periodOf(ms: number, grain: KpiPeriodGrain, timeZone: string): KpiPeriod {
  const local = new TZDate(ms, timeZone);
  const minutes = MINUTES[grain];
  if (minutes !== undefined) {
    const intoPeriod =
      ((local.getMinutes() % minutes) * 60 + local.getSeconds()) * 1000 + local.getMilliseconds();
    const start = ms - intoPeriod;
    return { start: new Date(start), end: new Date(start + minutes * 60_000) };
  }
  switch (grain) {
    case 'day': {
      const start = startOfDay(local);
      return { start: new Date(start.getTime()), end: new Date(startOfDay(addDays(start, 1)).getTime()) };
    }
    case 'week': {
      const start = startOfWeek(local, { weekStartsOn: 1 });
      return { start: new Date(start.getTime()), end: new Date(startOfDay(addWeeks(start, 1)).getTime()) };
    }
    default: {
      const start = startOfMonth(local);
      return { start: new Date(start.getTime()), end: new Date(startOfDay(addMonths(start, 1)).getTime()) };
    }
  }
}
