/**
 * Handlebars stays behind the `@frontline/core/letters` subpath: importing `@frontline/core` must not load it,
 * and only the letters folder may import it at all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '..');

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    found.push({ specifier: match[3] ?? '', typeOnly: match[2] !== undefined });
  }
  return found;
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the letters boundary', () => {
  it('keeps handlebars and the letters folder out of the graph of @frontline/core', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [join(src, 'index.ts')];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (typeOnly) continue;
        if (!specifier.startsWith('.')) {
          packages.add(specifier);
          continue;
        }
        const target = resolveRelative(file, specifier);
        if (target) queue.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(1);
    expect([...packages]).not.toContain('handlebars');
    expect([...seen].map((file) => relative(src, file)).filter((file) => file.startsWith('letters'))).toEqual(
      [],
    );
  });

  it('imports handlebars at run time from one file only', () => {
    const importers = sourceFiles(src)
      .filter((file) => importsOf(file).some((i) => i.specifier === 'handlebars' && !i.typeOnly))
      .map((file) => relative(src, file));
    expect(importers).toEqual([join('letters', 'letter-environment.ts')]);
  });
});
