import { createMemoryStore, type Store } from '@frontline/core';
import { Interactions, SlaPolicies, Tickets } from '@frontline/core/storage';
import type { RawInspector } from '@frontline/testing';
import { runTicketSuite } from '@frontline/testing';

/**
 * The memory adapter has no backing store to read around it; this read-back goes through its ports and decodes
 * rows from JSON as a SQL adapter's inspector would, so the suite's raw checks run here too.
 */
function portInspector(store: Store): RawInspector {
  return {
    readEntity: async (collection, id) => {
      const row =
        collection === Tickets.name
          ? await store.repository(Tickets).find(id)
          : collection === Interactions.name
            ? await store.repository(Interactions).find(id)
            : collection === SlaPolicies.name
              ? await store.repository(SlaPolicies).find(id)
              : undefined;
      return row ? { version: row.version, data: JSON.parse(JSON.stringify(row.data)) } : undefined;
    },
    countOutbox: async () => Object.values(await store.outbox.stats()).reduce((a, b) => a + b, 0),
    countAudit: async () => (await store.audit.head())?.seq ?? 0,
  };
}

runTicketSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }), randomRuns: 40 });
runTicketSuite({
  name: 'memory, read back through its ports',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  raw: portInspector,
  randomRuns: 5,
});
