import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { TimeZone } from '../kernel/time-zone';
import { emptyKpiTotals, type KpiDimension, KpiGroupKey, KpiTotals, mergeKpiTotals } from '../kpi';

/**
 * The groups a chart or table reads, as `kpiGroups(partial)` gives them (the backlog is not read here).
 * @internal
 */
export const ChartGroups = z.array(
  z.object({ key: KpiGroupKey, totals: KpiTotals, backlog: z.unknown().optional() }),
);

/** A BCP 47 locale the labels are formatted in (`en-GB` by default). @internal */
export const Locale = z
  .string()
  .min(2)
  .refine((tag) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
    } catch {
      return false;
    }
  }, 'Not a locale this runtime knows (e.g. "en-GB", "hu-HU")')
  .default('en-GB');

/** The zone period labels are written in. @internal */
export { TimeZone };

/** One reporting period's totals: the groups of that period added up. @internal */
export interface PeriodTotals {
  start: Date;
  end: Date;
  totals: KpiTotals;
}

type Groups = z.output<typeof ChartGroups>;

/**
 * The groups' totals per period, in time order (groups of the same period, e.g. per queue, added up), keeping
 * only those `where` accepts. A group without a period is a `ValidationError` at `groups.<i>.key.period`.
 * @internal
 */
export function totalsByPeriod(
  groups: Groups,
  where: (key: KpiGroupKey) => boolean = () => true,
): PeriodTotals[] {
  const byStart = new Map<string, PeriodTotals>();
  groups.forEach((group, index) => {
    const period = group.key.period;
    if (!period) {
      throw new ValidationError(
        `Invalid chart input: groups.${index}.key.period: a trend needs groups by period (build the partial with a period)`,
        [
          {
            path: ['groups', index, 'key', 'period'],
            message: 'A trend needs groups by period (build the partial with a period)',
            code: 'custom',
          },
        ],
      );
    }
    const found = byStart.get(period.start) ?? {
      start: new Date(period.start),
      end: new Date(period.end),
      totals: emptyKpiTotals(),
    };
    if (where(group.key)) found.totals = mergeKpiTotals(found.totals, group.totals);
    byStart.set(period.start, found);
  });
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The groups' totals per value of `dimension` (periods and other dimensions added up), in the order of the
 * values; groups whose value is `null` or missing count under `noneLabel`, or are left out when it is `null`.
 * @internal
 */
export function totalsByDimension(
  groups: Groups,
  dimension: KpiDimension,
  noneLabel: string | null,
): Map<string, KpiTotals> {
  const byValue = new Map<string, KpiTotals>();
  for (const group of groups) {
    const value = group.key[dimension] ?? noneLabel;
    if (value === null) continue;
    byValue.set(value, mergeKpiTotals(byValue.get(value) ?? emptyKpiTotals(), group.totals));
  }
  return new Map([...byValue].sort(([a], [b]) => a.localeCompare(b)));
}

/** Every group's totals added up. @internal */
export function totalOf(groups: Groups): KpiTotals {
  return groups.reduce((sum, group) => mergeKpiTotals(sum, group.totals), emptyKpiTotals());
}

const HOUR_MS = 3_600_000;

/**
 * A short label for each period, in `timeZone`: the time of day for minute periods within one day, the day and
 * time across days, the day for days, the week's Monday for weeks, the month for months.
 * @internal
 */
export function periodLabels(
  periods: readonly { start: Date; end: Date }[],
  timeZone: string,
  locale: string,
) {
  const longest = Math.max(0, ...periods.map((p) => p.end.getTime() - p.start.getTime()));
  const first = periods[0];
  const last = periods[periods.length - 1];
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const oneDay = !first || !last || dayOf.format(first.start) === dayOf.format(last.start);
  let format: Intl.DateTimeFormatOptions;
  if (longest <= 2 * HOUR_MS) {
    format = oneDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  } else if (longest <= 26 * HOUR_MS) {
    format = { weekday: 'short', day: 'numeric', month: 'short' };
  } else if (longest <= 8 * 24 * HOUR_MS) {
    format = { day: 'numeric', month: 'short', year: 'numeric' };
  } else {
    format = { month: 'long', year: 'numeric' };
  }
  const formatter = new Intl.DateTimeFormat(locale, { ...format, timeZone });
  return periods.map((p) => formatter.format(p.start));
}
