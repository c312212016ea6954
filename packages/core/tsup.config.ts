import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'service-desk/index': 'src/entries/service-desk.ts',
    'complaints/index': 'src/entries/complaints.ts',
    'kpi/index': 'src/entries/kpi.ts',
    'storage/index': 'src/entries/storage.ts',
    'letters/index': 'src/letters/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps in the published build: they were most of core's tarball (5 MB). Tests, typecheck and
  // typedoc run on source through the `@frontline/source` condition, and `src` ships beside `dist`.
  sourcemap: false,
  clean: true,
  target: 'node20',
  treeshake: true,
});
