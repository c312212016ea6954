/**
 * `@frontline/core/kpi` stays light: the graph of its entry loads no search engine (MiniSearch), no templates
 * (handlebars) and no charts (chart.js), and no storage, module or adapter code — only zod, date-fns and
 * @date-fns/tz.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '..');

function runtimeImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].filter((m) => m[2] === undefined).map((m) => m[3] ?? '');
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

function graphOf(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeImportsOf(file)) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      else {
        const target = resolveRelative(file, specifier);
        if (target) queue.push(target);
      }
    }
  }
  return { files: [...seen].map((file) => relative(src, file)).sort(), packages: [...packages].sort() };
}

describe('the kpi boundary', () => {
  const { files, packages } = graphOf(join(src, 'entries', 'kpi.ts'));

  it('loads only zod, date-fns and @date-fns/tz', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(packages).toEqual(['@date-fns/tz', 'date-fns', 'zod']);
  });

  it('reaches no storage, module, adapter, search, letter or chart code', () => {
    const outside = files.filter(
      (file) =>
        !file.startsWith('kpi/') &&
        ![
          'agents/session-machine.ts',
          'agents/time-in-states.ts',
          'entries/kpi.ts',
          'errors/frontline-error.ts',
          'errors/validate.ts',
          'interactions/effective-interaction.ts',
          'interactions/interaction.schema.ts',
          'kernel/id.ts',
          'kernel/instant.ts',
          'kernel/time-zone.ts',
          'kit/define-machine.ts',
          'tickets/ticket-fields.ts',
        ].includes(file),
    );
    expect(outside).toEqual([]);
  });

  it('does not load the KPI code from the main entry', () => {
    expect(graphOf(join(src, 'index.ts')).files.filter((file) => file.startsWith('kpi/'))).toEqual([]);
  });
});
