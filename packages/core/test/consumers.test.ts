/**
 * Proves the built package works for real consumers: an ESM `import` and a CJS `require`, each with its
 * own type declarations (`.d.ts` / `.d.cts`) checked by TypeScript under `node16` resolution, and an error
 * from one copy recognised by the other (the dual-package hazard).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkgDir = resolve(import.meta.dirname, '..');
const root = resolve(pkgDir, '../..');
const work = join(root, '.tmp', `consumers-${process.pid}`);

function run(cmd: string, args: string[], cwd = work): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const built = [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/letters/index.cjs',
    'dist/charts/html/index.cjs',
  ].every((f) => existsSync(join(pkgDir, f)));
  if (!built || process.env.FRONTLINE_REBUILD === '1') run(join(root, 'node_modules/.bin/tsup'), [], pkgDir);
  mkdirSync(work, { recursive: true });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const esm = `
import { money, formatMoney, FrontlineError, createMemoryStore, defineCollection, Instant } from '@frontline/core';
import { createLetterEnvironment } from '@frontline/core/letters';
import { createRequire } from 'node:module';
import { z } from 'zod';
const fee = money(199000, 'HUF');
const store = createMemoryStore();
const things = defineCollection({ name: 'things', schema: z.object({ id: z.string(), at: Instant }) });
const saved = await store.repository(things).insert({ id: 'a', at: new Date(0) });
const cjs = createRequire(import.meta.url)('@frontline/core');
let sameBrand = false, sameClass = true;
try { cjs.money(1.5, 'HUF'); } catch (e) { sameBrand = FrontlineError.is(e, 'VALIDATION'); sameClass = e instanceof FrontlineError; }
console.log(JSON.stringify({ kind: 'esm', text: formatMoney(fee, 'en'), version: saved.version,
  letters: typeof createLetterEnvironment, sameBrand, sameClass }));
`;

const cjs = `
const { money, formatMoney, FrontlineError, createMemoryStore } = require('@frontline/core');
const { createLetterEnvironment } = require('@frontline/core/letters');
let code = '';
try { money(1, 'XYZ'); } catch (e) { code = FrontlineError.is(e) ? e.code : 'not-frontline'; }
console.log(JSON.stringify({ kind: 'cjs', text: formatMoney(money(1250, 'EUR'), 'en'), code,
  store: typeof createMemoryStore().transaction, letters: typeof createLetterEnvironment }));
`;

const typesEsm = `
import { money, type Money, FrontlineError, type Store, createMemoryStore } from '@frontline/core';
import { createLetterEnvironment } from '@frontline/core/letters';
const m: Money = money(1, 'HUF');
const s: Store = createMemoryStore();
const ok: boolean = FrontlineError.is(new Error('x'));
// @ts-expect-error amount must be a number
money('1', 'HUF');
export { m, s, ok, createLetterEnvironment };
`;

const typesCjs = `
import core = require('@frontline/core');
import letters = require('@frontline/core/letters');
const m: core.Money = core.money(1, 'HUF');
const env: unknown = letters.createLetterEnvironment;
// @ts-expect-error currency is required
core.money(1);
export = { m, env };
`;

/** The report subpaths from both module systems: a chart configuration, its page, a PNG and a workbook. */
const chartsEsm = `
import { kpiTrendChart } from '@frontline/core/charts';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { renderChartPng } from '@frontline/core/charts/png';
import { kpiWorkbook } from '@frontline/core/charts/xlsx';
import { openReportBrowser } from '@frontline/core/charts/browser';
import { kpiGroups, kpiPartialOf } from '@frontline/core/kpi';
const contacts = [{ id: 'c1', channel: 'phone', offeredAt: '2026-03-02T08:00:00Z', answeredAt: '2026-03-02T08:00:10Z',
  endedAt: '2026-03-02T08:05:00Z' }];
const groups = kpiGroups(kpiPartialOf({ contacts }, { period: 'day', timeZone: 'Europe/Budapest' }));
const config = kpiTrendChart({ groups, measure: 'answered', timeZone: 'Europe/Budapest' });
const html = renderDashboardHtml({ title: 'x', timeZone: 'Europe/Budapest', sections: [{ title: 's', charts: [{ config }] }] });
const png = await renderChartPng(config, { width: 200, height: 100 });
const table = { title: 'T', rowHeader: 'R', columns: [{ measure: 'm', label: 'M', unit: 'count', formula: 'f' }],
  rows: [{ label: 'a', values: [1] }] };
const xlsx = await kpiWorkbook({ title: 'x', tables: [table] });
console.log(JSON.stringify({ points: config.data.datasets[0].data, inlined: html.includes('Chart.js v4'),
  png: png.subarray(1, 4).toString(), xlsx: xlsx.subarray(0, 2).toString(), browser: typeof openReportBrowser }));
`;

const chartsCjs = chartsEsm
  .replace(/^import \{ (.+) \} from '(.+)';$/gm, "const { $1 } = require('$2');")
  .replace(/^(const png = .+|const xlsx = .+|console\.log[\s\S]*)$/m, '(async () => {\n$1')
  .concat('})();\n');

const typesCharts = `
import type { ChartConfiguration } from 'chart.js';
import { kpiBarChart, type KpiTable } from '@frontline/core/charts';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { renderChartPng } from '@frontline/core/charts/png';
import { openReportBrowser, type ReportBrowser } from '@frontline/core/charts/browser';
const bars = kpiBarChart({ groups: [], measures: ['answered'] });
const asChartJs: ChartConfiguration<'bar', (number | null)[], string> = bars;
const html: string = renderDashboardHtml({ title: 't', timeZone: 'Europe/Budapest', sections: [{ title: 's', charts: [{ config: bars }] }] });
const png: Promise<Buffer> = renderChartPng(bars);
const browser: Promise<ReportBrowser> = openReportBrowser();
// @ts-expect-error a measure the catalogue does not know
kpiBarChart({ groups: [], measures: ['speed'] });
export type { KpiTable };
export { asChartJs, html, png, browser };
`;

describe('built package consumers', () => {
  it('imports from an ES module, including the letters subpath', () => {
    writeFileSync(join(work, 'consumer.mjs'), esm);
    const out = JSON.parse(run('node', ['consumer.mjs']));
    expect(out).toEqual({
      kind: 'esm',
      text: expect.stringMatching(/^HUF\s1,990$/),
      version: 1,
      letters: 'function',
      sameBrand: true,
      sameClass: false,
    });
  });

  it('requires from a CommonJS module, including the letters subpath', () => {
    writeFileSync(join(work, 'consumer.cjs'), cjs);
    const out = JSON.parse(run('node', ['consumer.cjs']));
    expect(out).toEqual({
      kind: 'cjs',
      text: '€12.50',
      code: 'VALIDATION',
      store: 'function',
      letters: 'function',
    });
  });

  it('uses the report subpaths from an ES module and from CommonJS', () => {
    writeFileSync(join(work, 'charts.mjs'), chartsEsm);
    writeFileSync(join(work, 'charts.cjs'), chartsCjs);
    const expected = { points: [1], inlined: true, png: 'PNG', xlsx: 'PK', browser: 'function' };
    expect(JSON.parse(run('node', ['charts.mjs']))).toEqual(expected);
    expect(JSON.parse(run('node', ['charts.cjs']))).toEqual(expected);
  });

  it('type-checks a consumer of the report subpaths (node16, no DOM library, skipLibCheck as apps set it)', () => {
    writeFileSync(join(work, 'types-charts.mts'), typesCharts);
    writeFileSync(
      join(work, 'tsconfig.charts.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ['es2022'],
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
        },
        files: ['types-charts.mts'],
      }),
    );
    let output = '';
    try {
      output = run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.charts.json']);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });

  it('type-checks an ESM and a CJS consumer against the shipped declarations (node16 resolution)', () => {
    writeFileSync(join(work, 'types-esm.mts'), typesEsm);
    writeFileSync(join(work, 'types-cjs.cts'), typesCjs);
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['types-esm.mts', 'types-cjs.cts'],
      }),
    );
    let output = '';
    try {
      output = run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
