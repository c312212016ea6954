import type { ChartConfiguration, Plugin } from 'chart.js';
import { Chart, registerables } from 'chart.js';
import { z } from 'zod';
import { UnavailableError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import { JsonChartConfiguration, type PlainChartConfiguration } from '../json-chart-configuration';

/**
 * Options of {@link renderChartPng}: the picture's size in CSS pixels, the pixel ratio (2 for sharp
 * pictures in e-mail on high-density screens: the PNG is then `width × 2` by `height × 2` pixels) and the
 * background colour (chart.js draws on transparency).
 * @category Charts
 */
export const ChartPngOptions = z.strictObject({
  width: z.int().min(16).max(4000).default(800),
  height: z.int().min(16).max(4000).default(400),
  devicePixelRatio: z.number().min(0.5).max(4).default(1),
  background: z.string().min(1).default('#ffffff'),
});
/** @category Charts */
export type ChartPngOptions = z.input<typeof ChartPngOptions>;

type NapiCanvas = typeof import('@napi-rs/canvas');

async function loadCanvas(): Promise<NapiCanvas> {
  try {
    return await import('@napi-rs/canvas');
  } catch (cause) {
    throw new UnavailableError(
      '@napi-rs/canvas',
      'PNG charts need the optional peer dependency @napi-rs/canvas: `npm install @napi-rs/canvas@^1`.',
      { cause },
    );
  }
}

/**
 * A chart.js configuration drawn on the server to a PNG (chart.js on `@napi-rs/canvas`, a Skia canvas with
 * prebuilt binaries): for e-mail and other places without a browser. Animation and responsiveness are turned
 * off; the background is filled. The configuration must be plain JSON (as the chart functions make it); a bad
 * one or bad options are a `ValidationError`, a missing `@napi-rs/canvas` an `UnavailableError`. Node only.
 * @example
 * const png = await renderChartPng(serviceLevelTrendChart({ groups, timeZone }), { width: 640, height: 320 });
 * await transport.sendMail({ attachments: [{ filename: 'service-level.png', content: png, cid: 'sl' }] });
 * @category Charts
 */
export async function renderChartPng(
  config: PlainChartConfiguration,
  options: ChartPngOptions = {},
): Promise<Buffer> {
  const parsed = parseInput(JsonChartConfiguration, config, 'chart configuration', ['config']);
  const o = parseInput(ChartPngOptions, options, 'PNG options', ['options']);
  const { createCanvas } = await loadCanvas();
  Chart.register(...registerables);
  const canvas = createCanvas(o.width, o.height);
  const background: Plugin = {
    id: 'frontlineBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = o.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  const copy = structuredClone(parsed);
  const chart = new Chart(
    canvas as unknown as ConstructorParameters<typeof Chart>[0],
    {
      ...copy,
      options: { ...copy.options, responsive: false, animation: false, devicePixelRatio: o.devicePixelRatio },
      plugins: [background],
    } as ChartConfiguration,
  );
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
