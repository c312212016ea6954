/**
 * The weekly dashboard of a simulated week, written to disk, opened in headless Chromium (Debian's
 * `chromium` through playwright-core): every chart rendered with data and pixels, nothing loaded from the
 * network, a screenshot saved, the same page printed to PDF. The files stay in a temporary folder whose path
 * is printed (or in FRONTLINE_REPORT_DIR when set).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrontlineError } from '@frontline/core';
import { openReportBrowser, type ReportBrowser } from '@frontline/core/charts/browser';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithChromium } from './chromium';
import { weeklyReport } from './weekly-report';

interface CanvasReport {
  id: string;
  ready: string | null;
  width: number;
  height: number;
  painted: number;
  chartType: string | null;
  points: number;
}

/** Per canvas: its ready marker, the share of painted pixels, and the data of its chart.js instance. */
const INSPECT_CANVASES = `[...document.querySelectorAll('canvas')].map((canvas) => {
  const ctx = canvas.getContext('2d');
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
  const chart = Chart.getChart(canvas);
  const points = chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0) : 0;
  return { id: canvas.id, ready: canvas.getAttribute('data-chart-ready'), width: canvas.width, height: canvas.height,
    painted: painted / (canvas.width * canvas.height), chartType: chart ? chart.config.type : null, points };
})`;

describeWithChromium('the weekly dashboard in headless Chromium', (executablePath) => {
  const out = process.env.FRONTLINE_REPORT_DIR || mkdtempSync(join(tmpdir(), 'frontline-dashboard-'));
  const { dashboard } = weeklyReport();
  const charts = dashboard.sections.flatMap((s) => s.charts ?? []);
  let browser: ReportBrowser;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'dashboard.html'), renderDashboardHtml(dashboard));
    browser = await openReportBrowser({ executablePath, timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[@frontline/core] dashboard, screenshot and PDF in ${out}`);
  });

  it('renders every chart with its data, loads nothing, and saves a screenshot', {
    timeout: 90_000,
  }, async () => {
    const html = readFileSync(join(out, 'dashboard.html'), 'utf8');
    const page = await browser.open(html, { width: 1280, height: 900 });
    try {
      expect(page.requests).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(await page.evaluate<string | null>(`document.body.getAttribute('data-charts-ready')`)).toBe(
        String(charts.length),
      );
      const canvases = await page.evaluate<CanvasReport[]>(INSPECT_CANVASES);
      expect(canvases).toHaveLength(charts.length);
      for (const [index, canvas] of canvases.entries()) {
        const config = charts[index]!.config;
        expect(canvas, canvas.id).toMatchObject({ ready: 'true', chartType: config.type });
        expect(canvas.width, canvas.id).toBeGreaterThan(300);
        expect(canvas.points, canvas.id).toBe(
          config.data.datasets.reduce(
            (n, d) => n + (d as { data: unknown[] }).data.filter((v) => v !== null).length,
            0,
          ),
        );
        expect(canvas.points, canvas.id).toBeGreaterThan(0);
        expect(canvas.painted, canvas.id).toBeGreaterThan(0.01);
      }
      const png = await page.screenshot({ width: 1280, height: 900, fullPage: true });
      writeFileSync(join(out, 'dashboard.png'), png);
      expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      expect(png.length).toBeGreaterThan(100_000);
      expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
      expect(png.readUInt32BE(20)).toBeGreaterThan(1800); // the whole page, not the viewport
    } finally {
      await page.close();
    }
  });

  it('prints the dashboard to PDF for the weekly report', { timeout: 90_000 }, async () => {
    const pdf = await browser.pdf(readFileSync(join(out, 'dashboard.html'), 'utf8'));
    writeFileSync(join(out, 'dashboard.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});

describe('openReportBrowser without Chromium', () => {
  it('is an UnavailableError saying how to install it', async () => {
    const error = await openReportBrowser({ executablePath: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(FrontlineError.is(error, 'UNAVAILABLE')).toBe(true);
    expect(error).toMatchObject({
      dependency: 'chromium',
      message: expect.stringContaining('apt-get install -y chromium'),
    });
  });
});
