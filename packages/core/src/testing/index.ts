/**
 * Test kits for adapter authors and hosts: the storage conformance suite and its fixtures.
 * Needs `vitest` (an optional peer dependency of `@frontline/core`).
 * @module
 */
export { type ConformanceThing, ConformanceThings, thing } from './conformance-fixtures';
export {
  type ConformanceTest,
  type RawInspector,
  runStoreConformance,
  type StoreConformanceOptions,
} from './store-conformance';
