/**
 * `@frontline/core/charts/png` — chart.js configurations drawn to PNG on the server (chart.js on
 * `@napi-rs/canvas`, an optional peer dependency: install it to use this subpath). Node only.
 * @example
 * import { renderChartPng } from '@frontline/core/charts/png';
 * const png = await renderChartPng(config, { width: 640, height: 320, devicePixelRatio: 2 });
 * @module
 */
export { ChartPngOptions, renderChartPng } from './render-chart-png';
