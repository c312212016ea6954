import { existsSync } from 'node:fs';
import { z } from 'zod';
import { FrontlineError, UnavailableError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';

/** Where Debian's `chromium` package installs the browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Options of {@link openReportBrowser}: the Chromium to run (`executablePath`; default `CHROMIUM_PATH` from
 * the environment, else Debian's `/usr/bin/chromium`), extra command-line `args`, and the time allowed for
 * starting, loading and rendering (`timeoutMs`).
 * @category Charts
 */
export const ReportBrowserOptions = z.strictObject({
  executablePath: z.string().min(1).optional(),
  args: z.array(z.string()).default([]),
  timeoutMs: z.int().min(1000).max(600_000).default(30_000),
});
/** @category Charts */
export type ReportBrowserOptions = z.input<typeof ReportBrowserOptions>;

/**
 * Options of a screenshot: the viewport in CSS pixels, the pixel ratio, and `fullPage` (the whole page, not
 * just the viewport). The pixel ratio is the page's, set when it opens: `ReportBrowser.screenshot` uses it,
 * `ReportPage.screenshot` keeps the ratio its page was opened with.
 * @category Charts
 */
export const ReportScreenshotOptions = z.strictObject({
  width: z.int().min(200).max(8000).default(1280),
  height: z.int().min(200).max(8000).default(900),
  deviceScaleFactor: z.number().min(0.5).max(4).default(1),
  fullPage: z.boolean().default(true),
});
/** @category Charts */
export type ReportScreenshotOptions = z.input<typeof ReportScreenshotOptions>;

/**
 * Options of a PDF: paper `format` and orientation (`landscape`, default on, as the dashboard's print style
 * assumes). The page's own `@page` rule wins where it sets the size.
 * @category Charts
 */
export const ReportPdfOptions = z.strictObject({
  format: z.enum(['A4', 'A3', 'Letter', 'Legal']).default('A4'),
  landscape: z.boolean().default(true),
});
/** @category Charts */
export type ReportPdfOptions = z.input<typeof ReportPdfOptions>;

/**
 * An HTML report open in headless Chromium, its charts rendered. `requests` lists every URL the page asked
 * for (a self-contained dashboard asks for none); `errors` every uncaught page error and console error.
 * @category Charts
 */
export interface ReportPage {
  readonly requests: readonly string[];
  readonly errors: readonly string[];
  /** Evaluates a JavaScript expression in the page and returns its (JSON-serialisable) value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG screenshot of the page. */
  screenshot(options?: ReportScreenshotOptions): Promise<Buffer>;
  /** The page printed to PDF, with its print styles and backgrounds. */
  pdf(options?: ReportPdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * A headless Chromium for reports: open a page of HTML and wait until its charts have rendered, take
 * screenshots, print PDFs. Start one per batch of reports and close it.
 * @category Charts
 */
export interface ReportBrowser {
  /**
   * Opens `html` (e.g. `renderDashboardHtml`'s) in a new page with no network, and waits until the body says
   * every chart rendered (`data-charts-ready`); a page without that marker is ready when loaded. A chart that
   * failed (`data-charts-error`) is a `ValidationError` naming it.
   */
  open(
    html: string,
    options?: { width?: number; height?: number; deviceScaleFactor?: number },
  ): Promise<ReportPage>;
  /** `open`, a screenshot, `close`. */
  screenshot(html: string, options?: ReportScreenshotOptions): Promise<Buffer>;
  /** `open`, a PDF, `close`. */
  pdf(html: string, options?: ReportPdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch (cause) {
    throw new UnavailableError(
      'playwright-core',
      'Screenshots and PDFs need the optional peer dependency playwright-core: `npm install playwright-core@^1`.',
      { cause },
    );
  }
}

/** Until the dashboard's charts all rendered or one failed; true for pages without the marker. */
const CHARTS_SETTLED = `(() => {
  const body = document.body;
  if (!body) return false;
  if (!body.hasAttribute('data-charts')) return true;
  return body.hasAttribute('data-charts-ready') || body.hasAttribute('data-charts-error');
})()`;

/**
 * Starts headless Chromium through `playwright-core` (an optional peer dependency) with the browser installed
 * on the machine — Debian's `chromium` package by default, no browser download. A missing `playwright-core`
 * or Chromium is an `UnavailableError` saying how to install it. Node only.
 * @example
 * const browser = await openReportBrowser();
 * try {
 *   await writeFile('week.pdf', await browser.pdf(renderDashboardHtml(dashboard)));
 * } finally {
 *   await browser.close();
 * }
 * @category Charts
 */
export async function openReportBrowser(options: ReportBrowserOptions = {}): Promise<ReportBrowser> {
  const o = parseInput(ReportBrowserOptions, options, 'report browser options', ['options']);
  const executablePath = o.executablePath ?? (process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM);
  if (!existsSync(executablePath)) {
    throw new UnavailableError(
      'chromium',
      `No Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
      { details: { executablePath } },
    );
  }
  const { chromium } = await loadPlaywright();
  let browser: Awaited<ReturnType<Playwright['chromium']['launch']>>;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout: o.timeoutMs,
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', ...o.args],
    });
  } catch (cause) {
    throw new UnavailableError('chromium', `Chromium at ${executablePath} did not start: ${String(cause)}`, {
      cause,
      details: { executablePath },
    });
  }

  async function open(
    html: string,
    view: { width?: number; height?: number; deviceScaleFactor?: number } = {},
  ): Promise<ReportPage> {
    const context = await browser.newContext({
      viewport: { width: view.width ?? 1280, height: view.height ?? 900 },
      deviceScaleFactor: view.deviceScaleFactor ?? 1,
      offline: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(o.timeoutMs);
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url !== 'about:blank') requests.push(url);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: o.timeoutMs });
      await page.waitForFunction(CHARTS_SETTLED, undefined, { timeout: o.timeoutMs });
      const failed = await page.evaluate<string | null>(
        `(() => { const id = document.body.getAttribute('data-charts-error'); if (!id) return null;
          const c = document.getElementById(id); return id + ': ' + (c && c.getAttribute('data-chart-error')); })()`,
      );
      if (failed !== null) {
        throw new FrontlineError('VALIDATION', `A chart did not render in Chromium (${failed}).`, {
          details: { chart: failed },
        });
      }
    } catch (error) {
      await context.close();
      if (FrontlineError.is(error)) throw error;
      throw new FrontlineError('VALIDATION', `The report did not load in Chromium: ${String(error)}`, {
        cause: error,
        details: { errors },
      });
    }
    return {
      requests,
      errors,
      evaluate: (expression) => page.evaluate(expression),
      async screenshot(screenshotOptions = {}) {
        const s = parseInput(ReportScreenshotOptions, screenshotOptions, 'screenshot options', ['options']);
        await page.setViewportSize({ width: s.width, height: s.height });
        await page.waitForFunction(CHARTS_SETTLED);
        return page.screenshot({ type: 'png', fullPage: s.fullPage });
      },
      async pdf(pdfOptions = {}) {
        const p = parseInput(ReportPdfOptions, pdfOptions, 'PDF options', ['options']);
        await page.emulateMedia({ media: 'print' });
        return page.pdf({
          format: p.format,
          landscape: p.landscape,
          printBackground: true,
          preferCSSPageSize: true,
        });
      },
      close: () => context.close(),
    };
  }

  return {
    open,
    async screenshot(html, screenshotOptions = {}) {
      const s = parseInput(ReportScreenshotOptions, screenshotOptions, 'screenshot options', ['options']);
      const page = await open(html, s);
      try {
        return await page.screenshot(s);
      } finally {
        await page.close();
      }
    },
    async pdf(html, pdfOptions = {}) {
      const page = await open(html);
      try {
        return await page.pdf(pdfOptions);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
