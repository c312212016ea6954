/**
 * The weekly KPI report from a CSV export of contacts:
 *
 *   npm start -w @frontline/example-kpi-dashboard -- [contacts.csv] [--out DIR] [--no-pdf]
 *
 * writes DIR/dashboard.html (self-contained: open it anywhere, offline), DIR/dashboard.pdf (printed by headless
 * Chromium — Debian's `chromium`, or CHROMIUM_PATH), PNG charts for e-mail and DIR/kpi.xlsx with the formulas'
 * definitions. Defaults: data/contacts.csv (`npm run sample` makes a new one) and out/.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FrontlineError } from '@frontline/core';
import { openReportBrowser } from '@frontline/core/charts/browser';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { renderChartPng } from '@frontline/core/charts/png';
import { kpiWorkbook } from '@frontline/core/charts/xlsx';
import { CsvError, contactsFromCsv, lineOf } from './contacts-csv';
import { weeklyReport } from './weekly-report';

const here = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, 'no-pdf': { type: 'boolean', default: false } },
});
const csvPath = resolve(positionals[0] ?? join(here, 'data', 'contacts.csv'));
const out = resolve(values.out ?? join(here, 'out'));
const kb = (path: string) => `${(statSync(path).size / 1024).toFixed(0)} kB`;
const show = (path: string) => {
  const near = relative(process.cwd(), path);
  return `${near.startsWith('..') ? path : near} (${kb(path)})`;
};

async function main(): Promise<void> {
  const contacts = contactsFromCsv(readFileSync(csvPath, 'utf8'));
  const report = weeklyReport({
    contacts,
    timeZone: 'Europe/Budapest',
    options: {
      serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 },
      shortAbandonSeconds: 5,
    },
    // A report is made after the week it covers; a fixed instant keeps the example's output the same.
    generatedAt: new Date('2026-03-09T07:00:00Z'),
  });
  mkdirSync(out, { recursive: true });
  console.log(`${report.summary.contacts} contacts over ${report.summary.days} days from ${csvPath}`);

  const html = renderDashboardHtml(report.dashboard);
  const htmlPath = join(out, 'dashboard.html');
  writeFileSync(htmlPath, html);
  console.log(`dashboard  ${show(htmlPath)}`);

  for (const [name, config] of Object.entries(report.pngCharts)) {
    const path = join(out, name);
    writeFileSync(path, await renderChartPng(config, { width: 640, height: 320, devicePixelRatio: 2 }));
    console.log(`chart      ${show(path)}`);
  }

  const xlsxPath = join(out, 'kpi.xlsx');
  writeFileSync(xlsxPath, await kpiWorkbook({ title: report.dashboard.title, tables: report.tables }));
  console.log(`workbook   ${show(xlsxPath)}`);

  if (values['no-pdf']) return;
  const browser = await openReportBrowser();
  try {
    const pdfPath = join(out, 'dashboard.pdf');
    writeFileSync(pdfPath, await browser.pdf(html));
    console.log(`PDF        ${show(pdfPath)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CsvError) console.error(`${csvPath}: ${error.message}`);
  else if (FrontlineError.is(error, 'VALIDATION')) {
    const issues = (error.details.issues ?? []) as { path: (string | number)[]; message: string }[];
    for (const issue of issues.slice(0, 10)) {
      console.error(`${csvPath}: ${lineOf(issue.path) ?? issue.path.join('.')}: ${issue.message}`);
    }
  } else if (FrontlineError.is(error, 'UNAVAILABLE')) {
    console.error(`${error.message}\n(run with --no-pdf to skip the PDF)`);
  } else console.error(error);
  process.exitCode = 1;
});
