import { kpiBarChart, outcomeDoughnutChart, serviceLevelTrendChart } from '@frontline/core/charts';
import { renderChartPng } from '@frontline/core/charts/png';
import { kpiGroups, kpiPartialOf, kpiTotals } from '@frontline/core/kpi';
import { simulatedWeek } from '@frontline/testing/kpi';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';

const timeZone = 'Europe/Budapest';
const week = simulatedWeek();
const daily = kpiPartialOf({ contacts: week.contacts }, { period: 'day', timeZone });
const agents = kpiPartialOf({ contacts: week.contacts }, { period: null, by: ['agent'], timeZone });

/** The PNG's pixels: how many are not the white background, and how many are the series blue (#0072B2). */
async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  let ink = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r < 245 || g < 245 || b < 245) ink += 1;
    if (Math.abs(r - 0x00) < 30 && Math.abs(g - 0x72) < 30 && Math.abs(b - 0xb2) < 30) blue += 1;
  }
  return { width: image.width, height: image.height, ink: ink / (data.length / 4), blue };
}

describe('renderChartPng', () => {
  it('draws a service-level trend to a PNG with the series on it', async () => {
    const png = await renderChartPng(serviceLevelTrendChart({ groups: kpiGroups(daily), timeZone }), {
      width: 640,
      height: 320,
    });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const p = await pixels(png);
    expect([p.width, p.height]).toEqual([640, 320]);
    expect(p.ink).toBeGreaterThan(0.02);
    expect(p.blue).toBeGreaterThan(500);
  });

  it('doubles the pixels at devicePixelRatio 2 and fills the background', async () => {
    const png = await renderChartPng(
      kpiBarChart({ groups: kpiGroups(agents), measures: ['averageHandleTime', 'answered'] }),
      { width: 400, height: 240, devicePixelRatio: 2 },
    );
    const p = await pixels(png);
    expect([p.width, p.height]).toEqual([800, 480]);
    expect(p.blue).toBeGreaterThan(5000);
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    expect([...canvas.getContext('2d').getImageData(0, 0, 1, 1).data]).toEqual([255, 255, 255, 255]);
  });

  it('draws the outcome doughnut', async () => {
    const png = await renderChartPng(outcomeDoughnutChart({ totals: kpiTotals(daily).totals }), {
      width: 480,
      height: 320,
    });
    expect((await pixels(png)).ink).toBeGreaterThan(0.1);
  });

  it('refuses a configuration that is not a chart', async () => {
    await expect(renderChartPng({ type: 'line' } as never)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('config.data'),
    });
  });
});
