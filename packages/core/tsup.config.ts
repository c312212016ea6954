import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * `src/kernel/phone-metadata.ts` imports libphonenumber's 150 kB metadata, which an ES module evaluates on
 * import. In the build it becomes a function that parses the same JSON on its first call, so importing
 * `@frontline/core` does not pay for it (a string literal is scanned, not evaluated; `JSON.parse` is faster
 * than evaluating the object literal when it is needed).
 */
const lazyPhoneMetadata: EsbuildPlugin = {
  name: 'lazy-phone-metadata',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]kernel[\\/]phone-metadata\.ts$/ }, () => {
      const json = readFileSync(
        createRequire(import.meta.url).resolve('libphonenumber-js/metadata.max.json'),
        'utf8',
      );
      JSON.parse(json); // fail the build, not the first call, on a broken file
      return {
        loader: 'js',
        contents: `let metadata;\nexport function phoneMetadata() {\n  return (metadata ??= JSON.parse(${JSON.stringify(json.trim())}));\n}\n`,
      };
    });
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'service-desk/index': 'src/entries/service-desk.ts',
    'complaints/index': 'src/entries/complaints.ts',
    'kpi/index': 'src/entries/kpi.ts',
    'storage/index': 'src/entries/storage.ts',
    'letters/index': 'src/letters/index.ts',
    'charts/index': 'src/charts/index.ts',
    'charts/html/index': 'src/charts/html/index.ts',
    'charts/png/index': 'src/charts/png/index.ts',
    'charts/xlsx/index': 'src/charts/xlsx/index.ts',
    'charts/browser/index': 'src/charts/browser/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps in the published build: they were most of core's tarball (5 MB). Tests, typecheck and
  // typedoc run on source through the `@frontline/source` condition, and `src` ships beside `dist`.
  sourcemap: false,
  clean: true,
  target: 'node20',
  // `charts/html` finds chart.js's browser build with `createRequire(import.meta.url)`; in the CommonJS build
  // the shim gives `import.meta.url` from `__filename`.
  shims: true,
  treeshake: true,
  // Node pays about a millisecond for each ES module file it loads, and these packages ship one file per
  // function: libphonenumber-js (93 files), uuid (21), @date-fns/tz (8) and the date-fns barrel (300) were
  // more than half the files behind an import of core or a subpath. Bundled, only what core calls remains, in
  // core's own chunks. None of them keeps state a host shares with core (date-fns finds a TZDate by a global
  // symbol). zod (a peer: hosts build schemas with it), handlebars and minisearch stay external.
  noExternal: ['libphonenumber-js', 'uuid', 'date-fns', '@date-fns/tz'],
  esbuildPlugins: [lazyPhoneMetadata],
});
