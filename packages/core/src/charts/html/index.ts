/**
 * `@frontline/core/charts/html` — a self-contained HTML dashboard of charts and tables: chart.js inlined from
 * the installed package, no network, a ready marker per chart for headless browsers. Node only.
 * @example
 * import { renderDashboardHtml } from '@frontline/core/charts/html';
 * await writeFile('dashboard.html', renderDashboardHtml({ title: 'Week 10', timeZone: 'Europe/Budapest', sections }));
 * @module
 */
export { DashboardChart, DashboardInput, renderDashboardHtml } from './render-dashboard-html';
