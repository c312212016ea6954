import type { FixedClock, Store } from '@frontline/core';
import type { RawInspector } from './suite-harness';

export type { RawInspector } from './suite-harness';

/** The names of the suite's tests, for {@link StoreConformanceOptions.skip}. */
export type ConformanceTest =
  | 'crud'
  | 'not-found'
  | 'duplicate-id'
  | 'version-conflict'
  | 'validation'
  | 'bad-arguments'
  | 'bad-ids'
  | 'indexes'
  | 'unique-index'
  | 'insert-many'
  | 'payload-ceiling'
  | 'streaming'
  | 'transaction-commit'
  | 'transaction-rollback'
  | 'concurrent-updates'
  | 'outbox-basics'
  | 'outbox-leases'
  | 'outbox-retry-dead'
  | 'outbox-concurrent-claimers'
  | 'audit-chain'
  | 'audit-concurrent'
  | 'audit-batch';

/** What the suite needs from an adapter. */
export interface StoreConformanceOptions {
  /** The adapter's name, used in test titles. */
  name: string;
  /**
   * A fresh, empty store whose outbox reads time from `clock`. Called once per test: isolate by schema,
   * database or transaction so tests do not see each other's data.
   */
  createStore: (context: { clock: FixedClock }) => Promise<Store> | Store;
  /** Direct access to the backing store for read-back checks; omit only where none exists (memory). */
  raw?: (store: Store) => RawInspector;
  /** Called after each test with the store it used (drop the schema, close the connection). */
  dispose?: (store: Store) => Promise<void> | void;
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<ConformanceTest, string>>;
  /** Messages in the concurrent outbox test (default 400). */
  outboxMessages?: number;
}

/** What each case of the storage suite gets: a fresh store, its clock and the raw inspector, if any. */
export interface StoreCaseContext {
  store: Store;
  clock: FixedClock;
  raw: RawInspector | undefined;
}
