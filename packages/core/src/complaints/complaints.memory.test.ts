import { createMemoryStore, type Store } from '@frontline/core';
import type { RawInspector } from '@frontline/testing';
import { runComplaintSuite } from '@frontline/testing';
import { ComplaintRuleSets, Complaints } from './complaint-collections';

/**
 * The memory adapter has no backing store to read around it; this read-back goes through its ports and decodes
 * rows from JSON as a SQL adapter's inspector would, so the suite's raw checks run here too.
 */
function portInspector(store: Store): RawInspector {
  return {
    readEntity: async (collection, id) => {
      const row =
        collection === Complaints.name
          ? await store.repository(Complaints).find(id)
          : collection === ComplaintRuleSets.name
            ? await store.repository(ComplaintRuleSets).find(id)
            : undefined;
      return row ? { version: row.version, data: JSON.parse(JSON.stringify(row.data)) } : undefined;
    },
    countOutbox: async () => Object.values(await store.outbox.stats()).reduce((a, b) => a + b, 0),
    countAudit: async () => (await store.audit.head())?.seq ?? 0,
  };
}

runComplaintSuite({
  name: 'memory',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  randomRuns: 40,
});
runComplaintSuite({
  name: 'memory, read back through its ports',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  raw: portInspector,
  randomRuns: 5,
});
