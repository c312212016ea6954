import { FrontlineError } from '@frontline/core';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../../test/weekly-report';

const { dashboard } = weeklyReport();
const html = renderDashboardHtml(dashboard);
const chartCount = dashboard.sections.reduce((n, s) => n + (s.charts?.length ?? 0), 0);

describe('renderDashboardHtml', () => {
  it('inlines chart.js and loads nothing from elsewhere', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toContain('sourceMappingURL');
    // no src or href attribute at all, let alone an http one
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain(
      `content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`,
    );
  });

  it('has a canvas per chart, the tables and the definitions', () => {
    expect(chartCount).toBe(7);
    expect(html.match(/<canvas /g)).toHaveLength(chartCount);
    expect(html).toContain(`<body data-charts="${chartCount}">`);
    expect(html.match(/<table class="kpi-table">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row">Total</th>');
    expect(html).toContain('<dt>Service level (20 s)</dt><dd>answered within 20 s / (answered + abandoned)');
    expect(html).toContain('Generated 9 Mar 2026, 08:00 (Europe/Budapest)');
  });

  it('escapes text and keeps chart data from closing its script element', () => {
    const hostile = '</script><script>alert(1)</script>';
    const page = renderDashboardHtml({
      title: hostile,
      timeZone: 'Europe/Budapest',
      sections: [
        {
          title: 'x',
          charts: [
            {
              config: { type: 'bar', data: { labels: [hostile], datasets: [{ label: hostile, data: [1] }] } },
            },
          ],
        },
      ],
    });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;/script&gt;');
    expect(page).toContain('\\u003c/script>');
  });

  it('refuses a chart configuration with callbacks, naming where', () => {
    try {
      renderDashboardHtml({
        title: 't',
        timeZone: 'Europe/Budapest',
        sections: [
          {
            title: 's',
            charts: [
              {
                config: {
                  type: 'line',
                  data: { datasets: [] },
                  options: { plugins: { tooltip: { callbacks: { label: () => 'x' } } } },
                },
              },
            ],
          },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      const issues = (error as FrontlineError).details.issues as { path: (string | number)[] }[];
      expect(issues.map((i) => i.path.join('.'))).toEqual([
        'sections.0.charts.0.config.options.plugins.tooltip.callbacks.label',
      ]);
    }
  });
});
