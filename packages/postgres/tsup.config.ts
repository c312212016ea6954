import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `frontline-migrate` bin (dist/cli.js keeps its shebang and is marked executable). Migrations
  // are TypeScript modules, so neither bundle needs SQL files beside it.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  // No source maps in the published build: they were most of core's tarball (5 MB). Tests, typecheck and
  // typedoc run on source through the `@frontline/source` condition, and `src` ships beside `dist`.
  sourcemap: false,
  clean: true,
  target: 'node20',
  treeshake: true,
  external: ['pg', '@electric-sql/pglite', '@frontline/core', 'zod'],
});
