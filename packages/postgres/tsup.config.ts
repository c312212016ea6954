import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `frontline-migrate` bin (dist/cli.js keeps its shebang and is marked executable). Migrations
  // are TypeScript modules, so neither bundle needs SQL files beside it.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  external: ['pg', '@electric-sql/pglite', '@frontline/core', 'zod'],
});
