import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiDimension } from '../kpi';
import {
  ChartGroups,
  Locale,
  periodLabels,
  TimeZone,
  totalOf,
  totalsByDimension,
  totalsByPeriod,
} from './chart-groups';
import { KpiMeasure, KpiReportOptions, kpiMeasureDefinition, measureValue } from './kpi-measures';

const Value = z.number().nullable();

/**
 * A table of figures, as the dashboard and the workbook show it: a column per measure (with its name, unit and
 * formula), a row per period or per agent (queue, …), and a total row. Values are raw: rates from 0 to 1,
 * seconds, counts, scores; `null` where a KPI is undefined. Build one with {@link kpiTable}, or by hand.
 * @category Charts
 */
export const KpiTable = z
  .strictObject({
    title: z.string().min(1),
    /** The header of the first column (e.g. `Day`, `Agent`). */
    rowHeader: z.string().min(1),
    columns: z
      .array(
        z.strictObject({
          measure: z.string().min(1),
          label: z.string().min(1),
          unit: z.enum(['count', 'rate', 'seconds', 'score']),
          formula: z.string(),
        }),
      )
      .min(1),
    rows: z.array(z.strictObject({ label: z.string(), values: z.array(Value) })),
    total: z.strictObject({ label: z.string(), values: z.array(Value) }).optional(),
  })
  .superRefine((table, ctx) => {
    const width = table.columns.length;
    table.rows.forEach((row, index) => {
      if (row.values.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'values'],
          message: `A row has one value per column (${width})`,
        });
      }
    });
    if (table.total && table.total.values.length !== width) {
      ctx.addIssue({
        code: 'custom',
        path: ['total', 'values'],
        message: `The total has one value per column (${width})`,
      });
    }
  });
/** @category Charts */
export type KpiTable = z.output<typeof KpiTable>;

/**
 * Input of {@link kpiTable}: the `groups` (`kpiGroups(partial)`), a row per `period` or per value of a
 * dimension (`rows`), the `measures` (columns), the report's `options`, and how periods are labelled.
 * @category Charts
 */
export const KpiTableInput = z.strictObject({
  title: z.string().min(1),
  groups: ChartGroups,
  rows: z.union([z.literal('period'), KpiDimension]),
  measures: z
    .array(KpiMeasure)
    .min(1)
    .refine((m) => new Set(m).size === m.length, 'A measure is named once'),
  options: KpiReportOptions.prefault({}),
  timeZone: TimeZone,
  locale: Locale,
  /** The label of groups without a value of the row dimension; left out, they are not given a row (they still count in the total). */
  noneLabel: z.string().min(1).optional(),
  /** The total row's label; `null` for no total row. */
  totalLabel: z.string().min(1).nullable().default('Total'),
});
/** @category Charts */
export type KpiTableInput = z.input<typeof KpiTableInput>;

const ROW_HEADERS = {
  period: 'Period',
  agent: 'Agent',
  queue: 'Queue',
  channel: 'Channel',
  category: 'Category',
};

/**
 * A table of KPIs per period or per agent (queue, channel, category), with a total row over every group, for
 * `renderDashboardHtml` and `kpiWorkbook`.
 * @example
 * kpiTable({ title: 'Agents', groups: kpiGroups(byAgent), rows: 'agent', timeZone: 'Europe/Budapest',
 *   measures: ['handled', 'averageHandleTime', 'firstContactResolution'] });
 * @category Charts
 */
export function kpiTable(input: KpiTableInput): KpiTable {
  const i = parseInput(KpiTableInput, input, 'KPI table');
  const columns = i.measures.map((m) => kpiMeasureDefinition(m, i.options));
  const valuesOf = (totals: Parameters<typeof measureValue>[0]) =>
    i.measures.map((m) => measureValue(totals, m, i.options));
  let rows: KpiTable['rows'];
  if (i.rows === 'period') {
    const periods = totalsByPeriod(i.groups);
    const labels = periodLabels(periods, i.timeZone, i.locale);
    rows = periods.map((p, index) => ({ label: labels[index] ?? '', values: valuesOf(p.totals) }));
  } else {
    rows = [...totalsByDimension(i.groups, i.rows, i.noneLabel ?? null)].map(([label, totals]) => ({
      label,
      values: valuesOf(totals),
    }));
  }
  return {
    title: i.title,
    rowHeader: ROW_HEADERS[i.rows],
    columns,
    rows,
    ...(i.totalLabel === null ? {} : { total: { label: i.totalLabel, values: valuesOf(totalOf(i.groups)) } }),
  };
}
