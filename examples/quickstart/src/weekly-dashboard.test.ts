import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeWeeklyDashboard } from './weekly-dashboard';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const canPrint = existsSync(chromium) || process.env.CI === 'true'; // in CI a missing Chromium must fail
const chartIds = (html: string) => [...html.matchAll(/<canvas id="(chart-[\d-]+)"/g)].map((m) => m[1]);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.skipIf(!canPrint)('the demo’s weekly dashboard, printed by Chromium', () => {
  it('writes the page with every chart and its PDF, and says where', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const out = mkdtempSync(join(tmpdir(), 'frontline-demo-'));
    const files = await writeWeeklyDashboard({ outDir: out, say: (line = '') => lines.push(line) });
    const html = readFileSync(files.html, 'utf8');
    expect(chartIds(html)).toEqual([
      'chart-1-1',
      'chart-1-2',
      'chart-1-3',
      'chart-2-1',
      'chart-2-2',
      'chart-3-1',
      'chart-4-1',
    ]);
    expect(files.charts).toBe(7);
    expect(html).toContain('Hotline — week of 2 March 2026');
    expect(readFileSync(files.pdf!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(lines.join('\n')).toContain(`HTML ${files.html}`);
    expect(lines.join('\n')).toContain(`PDF  ${files.pdf}`);
  });
});
if (!canPrint)
  console.warn(`[quickstart] skipping the PDF test: no Chromium at ${chromium} (apt-get install chromium)`);

describe('the demo’s weekly dashboard without Chromium', () => {
  const executablePath = '/nonexistent/chromium';

  it('still writes the page and says in one line what the PDF needs', async () => {
    vi.stubEnv('CI', '');
    const lines: string[] = [];
    const out = mkdtempSync(join(tmpdir(), 'frontline-demo-'));
    const files = await writeWeeklyDashboard({
      outDir: out,
      executablePath,
      say: (line = '') => lines.push(line),
    });
    expect(files.pdf).toBeUndefined();
    expect(existsSync(join(out, 'dashboard.pdf'))).toBe(false);
    expect(chartIds(readFileSync(files.html, 'utf8'))).toHaveLength(7);
    expect(lines.filter((line) => line.includes('PDF'))).toEqual([
      '    PDF  not written: it needs Chromium (apt-get install chromium, or set CHROMIUM_PATH)',
    ]);
  });

  it('fails under CI=true', async () => {
    vi.stubEnv('CI', 'true');
    const out = mkdtempSync(join(tmpdir(), 'frontline-demo-'));
    await expect(writeWeeklyDashboard({ outDir: out, executablePath, say: () => {} })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
