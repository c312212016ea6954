/**
 * `@frontline/core/charts/browser` — HTML reports (the dashboard of `@frontline/core/charts/html`) opened in
 * headless Chromium to take screenshots and print PDFs, through `playwright-core` (an optional peer
 * dependency) and the Chromium installed on the machine (Debian's `chromium`; no browser download). Node only.
 * @example
 * import { openReportBrowser } from '@frontline/core/charts/browser';
 * const browser = await openReportBrowser(); // CHROMIUM_PATH or /usr/bin/chromium
 * const pdf = await browser.pdf(html);
 * await browser.close();
 * @module
 */
export {
  openReportBrowser,
  type ReportBrowser,
  ReportBrowserOptions,
  type ReportPage,
  ReportPdfOptions,
  ReportScreenshotOptions,
} from './report-browser';
