/**
 * Cold import of `@frontline/core` and each of its subpaths, from `dist` (build first). Each sample is a fresh
 * `node` that times only `await import(entry)`; the process start is left out (scripts/import-time.ts).
 *
 * Baseline: importing zod alone, core's peer dependency — core cannot load faster than the zod it builds its
 * schemas with, so `x baseline` (items/s, so zod's time over the entry's) tells what core adds: 1.00× would be
 * nothing.
 * Goal (issue 10): the main entry under 100 ms cold, heavy data loaded on first use. Measured on the shared
 * 2-CPU VM under load (15 interleaved runs, medians): zod 176 ms; `@frontline/core` 264 ms (1.5× zod; was
 * 366 ms, 2.1×), service-desk 350 ms (was 712), complaints 341 (was 647), kpi 253 (was 482), storage 323
 * (was 438), letters 260 (was 999). What core still adds is mostly building its zod schemas at module load,
 * then node:crypto.
 */
import { benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { assertBuilt, BASELINE_ENTRY, coldImportMs, coreEntries } from '../../../scripts/import-time';

const coldImport = (entry: string) => ({
  name: `import ${entry}`,
  fn: () => ({ overriddenDuration: coldImportMs(entry) }),
});

export default defineBenchSuite({
  name: 'import-time',
  cases: () => {
    assertBuilt();
    return [
      {
        name: 'cold import in a fresh node (import only, from dist)',
        unit: 'import',
        itemsPerOp: 1,
        iterations: benchSize(15, 3),
        time: 0,
        baseline: coldImport(BASELINE_ENTRY),
        candidates: coreEntries().map(coldImport),
      },
    ];
  },
});
