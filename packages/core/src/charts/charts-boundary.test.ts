/**
 * Reports stay behind their subpaths: `@frontline/core` and `@frontline/core/kpi` load no chart code;
 * `@frontline/core/charts` runs no chart.js code (its types only) and loads only zod and the date libraries;
 * each renderer's heavy dependency is imported by one file, in its own folder, and the optional peers
 * (@napi-rs/canvas, exceljs, playwright-core) only when called (a dynamic import), so importing a subpath
 * without them installed does not fail.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '..');
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /(?<![\w.])import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): { specifier: string; kind: 'static' | 'type' | 'dynamic' }[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(STATIC)].map((m) => ({
      specifier: m[3] ?? '',
      kind: m[2] === undefined ? ('static' as const) : ('type' as const),
    })),
    // `typeof import('x')` in a type position is not a load
    ...[...text.matchAll(DYNAMIC)]
      .filter((m) => !/typeof\s+$/.test(text.slice(Math.max(0, (m.index ?? 0) - 10), m.index)))
      .map((m) => ({ specifier: m[1] ?? '', kind: 'dynamic' as const })),
  ];
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
}

/** The files and packages an entry loads when imported (static, non-type imports). */
function graphOf(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier, kind } of importsOf(file)) {
      if (kind !== 'static') continue;
      if (!specifier.startsWith('.')) packages.add(specifier);
      else {
        const target = resolveRelative(file, specifier);
        if (target) queue.push(target);
      }
    }
  }
  return { files: [...seen].map((f) => relative(src, f)).sort(), packages: [...packages].sort() };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const HEAVY = ['chart.js', '@napi-rs/canvas', 'exceljs', 'playwright-core'];

describe('the charts boundary', () => {
  it('keeps chart code out of @frontline/core and @frontline/core/kpi', () => {
    for (const entry of ['index.ts', join('entries', 'kpi.ts')]) {
      const { files, packages } = graphOf(join(src, entry));
      expect(files.filter((f) => f.startsWith('charts'))).toEqual([]);
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    }
  });

  it('loads only zod and the date libraries from @frontline/core/charts', () => {
    expect(graphOf(join(src, 'charts', 'index.ts')).packages).toEqual(['@date-fns/tz', 'date-fns', 'zod']);
  });

  it('loads each renderer dependency from one file, the optional peers only when called', () => {
    const loads = sourceFiles(src).flatMap((file) =>
      importsOf(file)
        .filter((i) => HEAVY.includes(i.specifier) && i.kind !== 'type')
        .map((i) => `${relative(src, file)} ${i.kind} ${i.specifier}`),
    );
    expect(loads.sort()).toEqual([
      'charts/browser/report-browser.ts dynamic playwright-core',
      'charts/png/render-chart-png.ts dynamic @napi-rs/canvas',
      'charts/png/render-chart-png.ts static chart.js',
      'charts/xlsx/kpi-workbook.ts dynamic exceljs',
    ]);
  });
});
