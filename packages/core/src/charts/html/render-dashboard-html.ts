import { z } from 'zod';
import { parseInput } from '../../errors/validate';
import { Instant } from '../../kernel/instant';
import { Locale, TimeZone } from '../chart-groups';
import { JsonChartConfiguration } from '../json-chart-configuration';
import type { KpiMeasureUnit } from '../kpi-measures';
import { KpiTable } from '../kpi-table';
import { chartJsUmdSource } from './chart-js-source';

/**
 * One chart of a dashboard: a chart.js configuration in plain JSON (what the chart functions return), the
 * height of its box in CSS pixels, and `wide` to give it the whole row.
 * @category Charts
 */
export const DashboardChart = z.strictObject({
  config: JsonChartConfiguration,
  height: z.int().min(80).max(2000).default(300),
  wide: z.boolean().default(false),
});
/** @category Charts */
export type DashboardChart = z.input<typeof DashboardChart>;

/**
 * Input of {@link renderDashboardHtml}: the page's `title` and `subtitle`, the `timeZone` and `locale` its
 * dates and numbers are written in, the instant it was made (`generatedAt`, shown; no clock is read), and its
 * `sections`, each with charts and tables. `definitions` (default on) lists every table column's formula.
 * @category Charts
 */
export const DashboardInput = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  timeZone: TimeZone,
  locale: Locale,
  generatedAt: Instant.optional(),
  sections: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        description: z.string().optional(),
        charts: z.array(DashboardChart).default([]),
        tables: z.array(KpiTable).default([]),
      }),
    )
    .min(1),
  definitions: z.boolean().default(true),
});
/** @category Charts */
export type DashboardInput = z.input<typeof DashboardInput>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** JSON that is safe inside a `<script>` element (no `</script>`, no HTML comment openers). */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');

/** A table figure for a person: percentages, m:ss, whole counts; an en dash where the KPI is undefined. */
function formatValue(unit: KpiMeasureUnit, value: number | null, locale: string): string {
  if (value === null) return '–';
  switch (unit) {
    case 'rate':
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'seconds': {
      const total = Math.round(value);
      return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
    }
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

const unitSuffix = (unit: KpiMeasureUnit) => (unit === 'seconds' ? ' (m:ss)' : '');

function tableHtml(table: KpiTable, locale: string): string {
  const head = `<tr><th scope="col">${escapeHtml(table.rowHeader)}</th>${table.columns
    .map(
      (c) =>
        `<th scope="col" title="${escapeHtml(c.formula)}">${escapeHtml(c.label + unitSuffix(c.unit))}</th>`,
    )
    .join('')}</tr>`;
  const row = (r: { label: string; values: (number | null)[] }, tag: 'td' | 'th' = 'td') =>
    `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.values
      .map(
        (v, i) =>
          `<${tag} class="num">${escapeHtml(formatValue(table.columns[i]?.unit ?? 'count', v, locale))}</${tag}>`,
      )
      .join('')}</tr>`;
  return [
    `<table class="kpi-table"><caption>${escapeHtml(table.title)}</caption>`,
    `<thead>${head}</thead>`,
    `<tbody>${table.rows.map((r) => row(r)).join('')}</tbody>`,
    table.total ? `<tfoot>${row(table.total)}</tfoot>` : '',
    '</table>',
  ].join('');
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: #1b1f24; }
body { margin: 0; padding: 24px 32px; background: #f6f7f9; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: #57606a; }
section { margin-top: 28px; }
section h2 { font-size: 18px; margin: 0 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure.chart { margin: 0; padding: 12px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; break-inside: avoid; }
figure.chart.wide { grid-column: 1 / -1; }
.canvas-box { position: relative; width: 100%; }
table.kpi-table { border-collapse: collapse; margin-top: 16px; background: #fff; font-size: 13px; break-inside: auto; }
table.kpi-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.kpi-table th, table.kpi-table td { border: 1px solid #d0d7de; padding: 4px 8px; }
table.kpi-table thead th { background: #eef1f4; }
table.kpi-table tfoot th, table.kpi-table tfoot td { font-weight: 600; background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.definitions dt { font-weight: 600; margin-top: 6px; }
dl.definitions dd { margin: 0 0 0 16px; color: #424a53; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: #fff; padding: 0; }
  .charts { grid-template-columns: 1fr 1fr; }
  figure.chart { border-color: #bbb; }
  table.kpi-table { break-inside: avoid; }
  table.kpi-table tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
}
`;

/** Makes each chart, marks its canvas `data-chart-ready` after its first render, then the body. */
const BOOT = `(() => {
  const specs = JSON.parse(document.getElementById('frontline-charts').textContent);
  const body = document.body;
  let ready = 0;
  const markReady = {
    id: 'frontlineReady',
    afterRender(chart) {
      if (chart.canvas.hasAttribute('data-chart-ready')) return;
      chart.canvas.setAttribute('data-chart-ready', 'true');
      ready += 1;
      if (ready === specs.length) body.setAttribute('data-charts-ready', String(ready));
    },
  };
  Chart.defaults.devicePixelRatio = Math.max(2, window.devicePixelRatio || 1);
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  for (const spec of specs) {
    const canvas = document.getElementById(spec.id);
    try {
      const config = spec.config;
      config.plugins = [markReady];
      new Chart(canvas, config);
    } catch (error) {
      canvas.setAttribute('data-chart-error', String(error && error.message || error));
      body.setAttribute('data-charts-error', spec.id);
    }
  }
  if (specs.length === 0) body.setAttribute('data-charts-ready', '0');
})();`;

/**
 * A self-contained HTML dashboard: every chart in a `<canvas>` drawn by chart.js (its browser build inlined
 * from the installed package: the page loads nothing from the network, and its Content-Security-Policy
 * forbids it), the tables of figures, and the formulas of their columns. Each canvas gets
 * `data-chart-ready="true"` after its first render and the body `data-charts-ready="<count>"` when all have
 * rendered (`data-chart-error` / `data-charts-error` when one failed), so a headless browser knows when to
 * take a screenshot or print. Styled for the screen and for A4 landscape print. Node only (reads chart.js from
 * disk).
 * @example
 * const html = renderDashboardHtml({ title: 'Week 10', timeZone: 'Europe/Budapest', sections: [
 *   { title: 'Service level', charts: [{ config: serviceLevelTrendChart({ groups, timeZone }) }], tables: [daily] },
 * ] });
 * await writeFile('out/dashboard.html', html);
 * @category Charts
 */
export function renderDashboardHtml(input: DashboardInput): string {
  const d = parseInput(DashboardInput, input, 'dashboard');
  const specs: { id: string; config: unknown }[] = [];
  const sections = d.sections.map((section, s) => {
    const charts = section.charts.map((chart, c) => {
      const id = `chart-${s + 1}-${c + 1}`;
      specs.push({ id, config: chart.config });
      const title =
        (chart.config.options?.plugins?.title?.text as string | string[] | undefined) ?? section.title;
      const label = Array.isArray(title) ? title.join(' ') : title;
      return `<figure class="chart${chart.wide ? ' wide' : ''}"><div class="canvas-box" style="height:${chart.height}px"><canvas id="${id}" role="img" aria-label="${escapeHtml(label)}"></canvas></div></figure>`;
    });
    return [
      `<section><h2>${escapeHtml(section.title)}</h2>`,
      section.description ? `<p>${escapeHtml(section.description)}</p>` : '',
      charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '',
      section.tables.map((t) => tableHtml(t, d.locale)).join(''),
      '</section>',
    ].join('');
  });
  const columns = new Map<string, { label: string; formula: string }>();
  for (const table of d.sections.flatMap((section) => section.tables)) {
    for (const c of table.columns) columns.set(`${c.label}\u0000${c.formula}`, c);
  }
  const definitions =
    d.definitions && columns.size > 0
      ? `<section><h2>Definitions</h2><dl class="definitions">${[...columns.values()]
          .map((c) => `<dt>${escapeHtml(c.label)}</dt><dd>${escapeHtml(c.formula)}</dd>`)
          .join('')}</dl></section>`
      : '';
  const generated = d.generatedAt
    ? `Generated ${new Intl.DateTimeFormat(d.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: d.timeZone }).format(d.generatedAt)} (${d.timeZone})`
    : `Times in ${d.timeZone}`;
  const subtitle = [d.subtitle, generated].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(d.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(d.title)}</title>
<style>${STYLE}</style>
</head>
<body data-charts="${specs.length}">
<header><h1>${escapeHtml(d.title)}</h1><p>${escapeHtml(subtitle)}</p></header>
${sections.join('\n')}
${definitions}
<script>${chartJsUmdSource()}</script>
<script id="frontline-charts" type="application/json">${scriptJson(specs)}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
