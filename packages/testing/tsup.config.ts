import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'kpi/index': 'src/kpi/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: false,
  clean: true,
  target: 'node20',
  treeshake: true,
  // the runner, the property-test library and core are the host's: never bundled
  external: ['vitest', 'fast-check', 'zod', /^@frontline\/core/],
});
