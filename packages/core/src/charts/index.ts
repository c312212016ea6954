/**
 * `@frontline/core/charts` — reports people look at, from KPI results: chart.js configurations (a KPI's trend
 * per period against a target line, bars per agent, a doughnut of contact outcomes, a staffing plan) and tables of figures with
 * each column's formula. Pure functions returning plain JSON: no chart.js code runs here (only its types are
 * used), so the configurations work in a host's own chart.js, in a browser and on a server.
 *
 * The renderers have subpaths of their own, Node only, each loading its heavy dependency only when imported:
 * `@frontline/core/charts/html` (a self-contained HTML dashboard), `@frontline/core/charts/png` (PNG on the
 * server, `@napi-rs/canvas`), `@frontline/core/charts/xlsx` (a workbook, `exceljs`) and
 * `@frontline/core/charts/browser` (screenshots and PDF through headless Chromium, `playwright-core`).
 * @example
 * import { kpiGroups, kpiPartialOf } from '@frontline/core/kpi';
 * import { serviceLevelTrendChart } from '@frontline/core/charts';
 * const daily = kpiPartialOf({ contacts }, { period: 'day', timeZone: 'Europe/Budapest' });
 * const config = serviceLevelTrendChart({ groups: kpiGroups(daily), timeZone: 'Europe/Budapest' });
 * @module
 */

export type { PlainChartConfiguration } from './json-chart-configuration';
export { type KpiBarChartConfiguration, KpiBarChartInput, kpiBarChart } from './kpi-bar-chart';
export { type KpiDashboard, KpiDashboardInput, kpiDashboard } from './kpi-dashboard';
export {
  KpiMeasure,
  type KpiMeasureDefinition,
  type KpiMeasureUnit,
  KpiReportOptions,
  type KpiReportOptionsInput,
  kpiMeasureDefinition,
  kpiMeasureValue,
} from './kpi-measures';
export { KpiTable, KpiTableInput, kpiTable } from './kpi-table';
export {
  type KpiLineChartConfiguration,
  KpiTrendChartInput,
  kpiTrendChart,
  type ServiceLevelTrendChartInput,
  serviceLevelTrendChart,
} from './kpi-trend-chart';
export {
  type KpiDoughnutChartConfiguration,
  OutcomeDoughnutChartInput,
  outcomeDoughnutChart,
} from './outcome-doughnut-chart';
export {
  type KpiMixedChartConfiguration,
  StaffingPlanChartInput,
  staffingPlanChart,
} from './staffing-plan-chart';
