import { createMemoryStore, type Store } from '@frontline/core';
import { Interactions } from '@frontline/core/storage';
import type { RawInspector } from '@frontline/testing';
import { runInteractionSuite } from '@frontline/testing';

/** Read-back through the memory adapter's ports, JSON-decoded as a SQL adapter's inspector would return rows. */
function portInspector(store: Store): RawInspector {
  return {
    readEntity: async (collection, id) => {
      const row =
        collection === Interactions.name ? await store.repository(Interactions).find(id) : undefined;
      return row ? { version: row.version, data: JSON.parse(JSON.stringify(row.data)) } : undefined;
    },
    countOutbox: async () => Object.values(await store.outbox.stats()).reduce((a, b) => a + b, 0),
    countAudit: async () => (await store.audit.head())?.seq ?? 0,
  };
}

runInteractionSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
runInteractionSuite({
  name: 'memory, read back through its ports',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  raw: portInspector,
});
