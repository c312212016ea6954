/**
 * Layering rules (shared/DESIGN.md "The shape in one picture"): arrows point down only.
 * A domain package never imports an adapter, an example or a sibling domain package; nothing imports an
 * example; and no files import in a circle.
 */
const domain = ['core', 'telecom', 'campaigns', 'records'];
const adapters = ['postgres'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files must not import in a circle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-not-to-adapter',
      severity: 'error',
      comment: 'A domain package never imports an adapter package.',
      from: { path: `^packages/(${domain.join('|')})/` },
      to: { path: [`^packages/(${adapters.join('|')})/`, `node_modules/@frontline/(${adapters.join('|')})`] },
    },
    {
      name: 'nothing-imports-examples',
      severity: 'error',
      comment: 'Examples are leaves: nothing imports them.',
      from: { pathNot: '^examples/' },
      to: { path: '^examples/' },
    },
    {
      name: 'examples-not-into-each-other',
      severity: 'error',
      from: { path: '^examples/([^/]+)/' },
      to: { path: '^examples/', pathNot: '^examples/$1/' },
    },
    ...domain.map((pkg) => ({
      name: `${pkg}-not-to-sibling-domain`,
      severity: 'error',
      comment: `@frontline/${pkg} may import @frontline/core only, never a sibling domain package.`,
      from: { path: `^packages/${pkg}/` },
      to: {
        path: [
          `^packages/(${domain.filter((d) => d !== pkg && d !== 'core').join('|')})/`,
          `node_modules/@frontline/(${domain.filter((d) => d !== pkg && d !== 'core').join('|')})`,
        ],
      },
    })),
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment:
        '@frontline/core imports no other Frontline package. Its tests and their helpers in test/ may use @frontline/testing (tests do not ship).',
      from: { path: '^packages/core/', pathNot: '(\\.test\\.ts$|^packages/core/test/)' },
      to: { path: ['^packages/(?!core/)', 'node_modules/@frontline/'] },
    },
    {
      name: 'heavy-deps-behind-subpaths',
      severity: 'error',
      comment: 'handlebars only under letters/ (the ./letters subpath), so the main entry stays light.',
      from: { path: '^packages/core/src/', pathNot: '^packages/core/src/letters/' },
      to: { path: 'node_modules/handlebars' },
    },
    // Reports (shared/DESIGN.md: chart.js only under charts/): each renderer's dependency only in its folder,
    // each folder its own subpath (./charts, ./charts/png, ./charts/xlsx, ./charts/browser).
    ...[
      ['chart.js', 'charts/'],
      ['@napi-rs/canvas', 'charts/png/'],
      ['exceljs', 'charts/xlsx/'],
      ['playwright-core', 'charts/browser/'],
    ].map(([dependency, folder]) => ({
      name: `${dependency.replace(/[@/.]/g, '-').replace(/^-/, '')}-only-under-${folder.replace(/\/$/, '').replace('/', '-')}`,
      severity: 'error',
      comment: `${dependency} is imported only under packages/core/src/${folder} (a subpath of its own), never elsewhere in core.`,
      from: { path: '^packages/core/src/', pathNot: `^packages/core/src/${folder}` },
      to: { path: `node_modules/${dependency.replaceAll('.', '\\.')}/` },
    })),
    {
      name: 'chart-js-runtime-only-in-png',
      severity: 'error',
      comment:
        'The chart functions of ./charts use chart.js types only (plain JSON out); chart.js code runs on the server in charts/png/ and in the browser from the inlined UMD build.',
      from: { path: '^packages/core/src/charts/', pathNot: '^packages/core/src/charts/png/' },
      to: { path: 'node_modules/chart\\.js/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // build output and the API site; not node_modules' dist/ folders, where packages such as chart.js live
    exclude: { path: '^(packages|examples)/[^/]+/(dist|docs)/|^docs/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@frontline/source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    combinedDependencies: true,
  },
};
