import { z } from 'zod';
import { UnavailableError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import { Instant } from '../../kernel/instant';
import type { KpiMeasureUnit } from '../kpi-measures';
import { KpiTable } from '../kpi-table';

/**
 * Input of {@link kpiWorkbook}: the `tables` (one sheet each, named after the table's title), the workbook's
 * `title` and `creator`, the instant it was made (`generatedAt`, written to the workbook's properties and the
 * Definitions sheet; no clock is read), and `definitionsSheet`, the name of the sheet of formulas.
 * @category Charts
 */
export const KpiWorkbookInput = z.strictObject({
  title: z.string().min(1),
  tables: z.array(KpiTable).min(1),
  creator: z.string().min(1).default('Frontline'),
  generatedAt: Instant.optional(),
  /** Written above the formulas: the period and zone the figures cover, the options in force. */
  notes: z.array(z.string()).default([]),
  definitionsSheet: z.string().min(1).max(31).default('Definitions'),
});
/** @category Charts */
export type KpiWorkbookInput = z.input<typeof KpiWorkbookInput>;

/** Excel number formats by unit: rates as percentages, seconds as [m]:ss (a fraction of a day). */
const NUMBER_FORMAT: Record<KpiMeasureUnit, string> = {
  count: '#,##0',
  rate: '0.0%',
  seconds: '[m]:ss',
  score: '0.0',
};

/** Seconds are stored as Excel durations (days), so `[m]:ss` shows them and sums stay right. */
const cellValue = (unit: KpiMeasureUnit, value: number | null) =>
  value === null ? null : unit === 'seconds' ? value / 86_400 : value;

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts (31 characters, none of \ / ? * [ ] :), unique in `taken`. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(FORBIDDEN_SHEET_CHARS, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1)
    name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

type ExcelJs = typeof import('exceljs');

async function loadExcelJs(): Promise<ExcelJs> {
  try {
    const module = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
    return module.Workbook ? module : module.default!;
  } catch (cause) {
    throw new UnavailableError(
      'exceljs',
      'Workbooks need the optional peer dependency exceljs: `npm install exceljs@^4`.',
      { cause },
    );
  }
}

/**
 * An Excel workbook (xlsx) of KPI tables: a sheet per table (a header row, a row per period or agent, the total
 * row in bold; rates as percentages, times as m:ss, numbers kept as numbers), and a Definitions sheet with
 * each column's formula as the report computed it (thresholds and variants filled in). Returns the file's
 * bytes. A missing `exceljs` is an `UnavailableError`. Node only.
 * @example
 * const xlsx = await kpiWorkbook({ title: 'Week 10', tables: [daily, agents], generatedAt: clock.now() });
 * await writeFile('week-10.xlsx', xlsx);
 * @category Charts
 */
export async function kpiWorkbook(input: KpiWorkbookInput): Promise<Buffer> {
  const i = parseInput(KpiWorkbookInput, input, 'workbook');
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = i.creator;
  workbook.title = i.title;
  if (i.generatedAt) {
    workbook.created = i.generatedAt;
    workbook.modified = i.generatedAt;
  }
  const taken = new Set([i.definitionsSheet.toLowerCase()]);
  for (const table of i.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    });
    sheet.columns = [
      { header: table.rowHeader, key: 'label', width: Math.max(12, table.rowHeader.length + 2) },
      ...table.columns.map((c, index) => ({
        header: c.label,
        key: `c${index}`,
        width: Math.max(10, c.label.length + 2),
        style: { numFmt: NUMBER_FORMAT[c.unit] },
      })),
    ];
    sheet.getRow(1).font = { bold: true };
    const add = (row: { label: string; values: (number | null)[] }) =>
      sheet.addRow([
        row.label,
        ...row.values.map((v, index) => cellValue(table.columns[index]?.unit ?? 'count', v)),
      ]);
    for (const row of table.rows) add(row);
    if (table.total) add(table.total).font = { bold: true };
    table.columns.forEach((c, index) => {
      sheet.getCell(1, index + 2).note = c.formula;
    });
  }
  const definitions = workbook.addWorksheet(i.definitionsSheet);
  definitions.columns = [
    { header: 'Figure', key: 'label', width: 28 },
    { header: 'Unit', key: 'unit', width: 10 },
    { header: 'Formula', key: 'formula', width: 100 },
  ];
  definitions.getRow(1).font = { bold: true };
  const seen = new Set<string>();
  for (const c of i.tables.flatMap((t) => t.columns)) {
    const key = `${c.label}\u0000${c.formula}`;
    if (seen.has(key)) continue;
    seen.add(key);
    definitions.addRow({ label: c.label, unit: c.unit, formula: c.formula });
  }
  if (i.notes.length > 0 || i.generatedAt) {
    definitions.addRow([]);
    for (const note of i.notes) definitions.addRow([note]);
    if (i.generatedAt) definitions.addRow([`Generated ${i.generatedAt.toISOString()}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
