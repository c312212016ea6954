/**
 * `@frontline/core/charts/xlsx` — KPI tables as an Excel workbook with a sheet of the formulas' definitions
 * (`exceljs`, an optional peer dependency: install it to use this subpath). Node only.
 * @example
 * import { kpiWorkbook } from '@frontline/core/charts/xlsx';
 * await writeFile('week.xlsx', await kpiWorkbook({ title: 'Week 10', tables }));
 * @module
 */
export { KpiWorkbookInput, kpiWorkbook } from './kpi-workbook';
