import { kpiWorkbook } from '@frontline/core/charts/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../../test/weekly-report';

const { tables } = weeklyReport();

describe('kpiWorkbook', () => {
  it('writes a sheet per table and the formulas on a Definitions sheet, read back with exceljs', async () => {
    const xlsx = await kpiWorkbook({
      title: 'Week 10',
      tables: [...tables, { ...tables[0]!, title: 'Days/Queues: [all]' }],
      generatedAt: '2026-03-09T07:00:00Z',
      notes: ['Week of 2 March 2026, Europe/Budapest'],
    });
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Days',
      'Agents',
      'Queues',
      'Days Queues   all',
      'Definitions',
    ]);
    expect(book.title).toBe('Week 10');

    const days = book.getWorksheet('Days')!;
    const dayTable = tables[0]!;
    expect(days.getRow(1).values).toEqual([undefined, 'Period', ...dayTable.columns.map((c) => c.label)]);
    expect(days.getCell('A2').value).toBe('Mon 2 Mar');
    expect(days.getCell('B2').value).toBe(dayTable.rows[0]!.values[0]);
    const sl = dayTable.columns.findIndex((c) => c.measure === 'serviceLevel');
    const slCell = days.getCell(2, sl + 2);
    expect(slCell.value).toBeCloseTo(dayTable.rows[0]!.values[sl]!, 12);
    expect(slCell.numFmt).toBe('0.0%');
    const aht = dayTable.columns.findIndex((c) => c.measure === 'averageHandleTime');
    // Stored as a fraction of a day; exceljs reads a cell with a time format back as a Date (1970 epoch based).
    const ahtValue = days.getCell(2, aht + 2).value as number | Date;
    const serial = ahtValue instanceof Date ? ahtValue.getTime() / 86_400_000 + 25_569 : ahtValue;
    expect(serial * 86_400).toBeCloseTo(dayTable.rows[0]!.values[aht]!, 3);
    expect(days.getCell(2, aht + 2).numFmt).toBe('[m]:ss');
    const totalRow = days.getRow(dayTable.rows.length + 2);
    expect(totalRow.getCell(1).value).toBe('Total');
    expect(totalRow.font?.bold).toBe(true);

    const definitions = book.getWorksheet('Definitions')!;
    const defs = new Map<string, string>();
    definitions.eachRow((row, n) => {
      if (n > 1 && row.getCell(3).value) defs.set(String(row.getCell(1).value), String(row.getCell(3).value));
    });
    expect(defs.get('Service level (20 s)')).toBe(
      'answered within 20 s / (answered + abandoned), inbound contacts (variant answered-and-abandoned); target 80%',
    );
    expect(defs.get('AHT')).toBe('(talk + hold + wrap-up) / handled, both directions (seconds)');
    expect(defs.size).toBe(new Set(tables.flatMap((t) => t.columns.map((c) => c.label))).size);
    const texts: string[] = [];
    definitions.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('Week of 2 March 2026, Europe/Budapest');
    expect(texts).toContain('Generated 2026-03-09T07:00:00.000Z');
  });

  it('refuses a table whose rows do not match its columns', async () => {
    const bad = { ...tables[0]!, rows: [{ label: 'x', values: [1] }] };
    await expect(kpiWorkbook({ title: 'x', tables: [bad] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('tables.0.rows.0.values'),
    });
  });
});
