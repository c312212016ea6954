/**
 * The demo's last step: a simulated week of the hotline (Monday 2 – Saturday 7 March 2026 in Budapest, about
 * 1,000 inbound calls over three queues and six agents, from a seeded PRNG: the same week on every run) turned
 * into the weekly KPI dashboard — `out/dashboard.html` (self-contained, chart.js inlined) and `out/dashboard.pdf`
 * printed by headless Chromium. Without Chromium the page is still written and one line says what the PDF
 * needs; under `CI=true` a missing Chromium is an error.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FrontlineError } from '@frontline/core';
import { kpiDashboard } from '@frontline/core/charts';
import { openReportBrowser, type ReportBrowser } from '@frontline/core/charts/browser';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { simulatedWeek, simulatedWeekPartial } from '@frontline/testing/kpi';

export interface WeeklyDashboardFiles {
  html: string;
  /** Absent when there is no Chromium to print it (outside CI). */
  pdf?: string;
  /** Number of charts on the page. */
  charts: number;
}

/**
 * Writes the dashboard of the simulated week into `outDir` and prints where; returns the files' absolute paths.
 * `executablePath` picks the Chromium (else `CHROMIUM_PATH`, else `/usr/bin/chromium`).
 */
export async function writeWeeklyDashboard({
  outDir,
  executablePath,
  say = (line = '') => console.log(line),
}: {
  outDir: string;
  executablePath?: string;
  say?: (line?: string) => void;
}): Promise<WeeklyDashboardFiles> {
  const timeZone = 'Europe/Budapest';
  const week = simulatedWeek(20260302);
  // merged, settled partials as a store of daily roll-ups gives them back
  const { dashboard, period, staffing } = kpiDashboard({
    daily: simulatedWeekPartial(week, { period: 'day', by: ['queue'], timeZone }),
    intraday: simulatedWeekPartial(week, { period: '30min', timeZone }),
    agents: simulatedWeekPartial(week, { period: null, by: ['agent'], timeZone }),
    timeZone,
    options: {
      serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 },
      shortAbandonSeconds: 5,
    },
    // the Monday morning after the week: a fixed instant keeps the page the same on every run
    generatedAt: new Date('2026-03-09T07:00:00Z'),
    title: 'Hotline — week of 2 March 2026',
    subtitle: `Simulated: ${week.contacts.length.toLocaleString('en-GB')} inbound calls, ${week.surveys.length} surveys, three queues, six agents`,
    staffing: {},
  });
  const charts = dashboard.sections.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
  say(
    `12. Weekly KPI dashboard: a simulated hotline week (${week.contacts.length.toLocaleString('en-GB')} calls over ${period.days} days, seeded) → ${charts} charts, 3 tables, next Monday's staffing (${staffing?.scheduledAgentHours.toFixed(1)} agent-hours)`,
  );
  const html = renderDashboardHtml(dashboard);
  mkdirSync(outDir, { recursive: true });
  const htmlPath = path.resolve(outDir, 'dashboard.html');
  const pdfPath = path.resolve(outDir, 'dashboard.pdf');
  writeFileSync(htmlPath, html);
  const kb = (file: string) => `${Math.round(statSync(file).size / 1024)} kB`;
  say(`    HTML ${htmlPath} (${kb(htmlPath)}, self-contained)`);

  let browser: ReportBrowser;
  try {
    browser = await openReportBrowser(executablePath ? { executablePath } : {});
  } catch (error) {
    if (!FrontlineError.is(error, 'UNAVAILABLE') || process.env.CI === 'true') throw error;
    rmSync(pdfPath, { force: true }); // no stale PDF of an earlier run beside the new page
    say(`    PDF  not written: it needs Chromium (apt-get install chromium, or set CHROMIUM_PATH)`);
    return { html: htmlPath, charts };
  }
  try {
    writeFileSync(pdfPath, await browser.pdf(html));
  } finally {
    await browser.close();
  }
  say(`    PDF  ${pdfPath} (${kb(pdfPath)}, printed by headless Chromium)`);
  return { html: htmlPath, pdf: pdfPath, charts };
}
