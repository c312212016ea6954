import type { FixedClock, RetainedRecords, Store } from '@frontline/core';
import { verifyAuditChain } from '@frontline/core';
import { KnowledgeArticles, SealedAuditValues } from '@frontline/core/storage';
import { DAY, dpo, NEEDLES, person, quote, seedDataSubject } from './personal-data-scenario';
import { searchEveryTable, searchThroughPorts, sqlAccess, type TextHit } from './personal-data-search';
import { expect } from './runner';

/** True when the stream holds an entry of this type. */
async function first(entries: AsyncIterable<{ type: string }>, type: string): Promise<boolean> {
  for await (const entry of entries) if (entry.type === type) return true;
  return false;
}

/** True when a hit lies in a record the erasure result lists as retained. */
function isRetained(hit: TextHit, retained: readonly RetainedRecords[]): boolean {
  return retained.some(({ location }) => {
    if (!location) return false;
    if (hit.where === location.collection) return location.ids.includes(hit.id);
    // a row of the generic entities table reads `(collection,id,…)`
    return (
      hit.where === 'table:entities' &&
      location.ids.some((id) => hit.id.startsWith(`(${location.collection},${id},`))
    );
  });
}

/** Everything the store holds that mentions the person, through the ports and (on SQL stores) every table. */
async function search(
  store: Store,
  raw: unknown,
  collections: readonly { name: string }[],
  outboxIds: Set<string>,
) {
  for (const m of await store.outbox.claim({ worker: 'search', limit: 10_000, leaseMs: 1 }))
    outboxIds.add(m.id);
  const ported = await searchThroughPorts(store, collections as never, outboxIds, NEEDLES);
  const sql = sqlAccess(store, raw);
  return [...ported, ...(sql ? await searchEveryTable(sql, NEEDLES) : [])];
}

/**
 * The acceptance scenario of the personal-data suite: a customer with a distinctive name, e-mail and phone,
 * contacts quoting them, a ticket quoting them, an article drafted from it, a closed complaint, consents and
 * messages in every outbox status; then an erasure (`erase`), or an erasure and the sweeps when the retained
 * records fall due (`sweep`).
 */
export async function runErasureSearch(
  { store, raw, clock }: { store: Store; raw: unknown; clock: FixedClock },
  mode: 'erase' | 'sweep',
): Promise<void> {
  const { fl, customerId, articleId, complaintId, outboxIds } = await seedDataSubject(store, clock);
  const { customers } = fl.serviceDesk;
  const collections = [...fl.plan.collections, SealedAuditValues];
  const seen = await search(store, raw, collections, outboxIds);
  const places = new Set(seen.map((h) => h.where));
  for (const place of [
    'customers',
    'interactions',
    'tickets',
    'knowledge_articles',
    'complaints',
    'outbox',
  ]) {
    expect(places).toContain(place);
  }
  expect(places).toContain(SealedAuditValues.name);
  expect(places).not.toContain('audit');
  // on SQL stores every table was searched too: the entity rows, their index keys and the outbox table
  if (sqlAccess(store, raw)) {
    for (const table of ['table:entities', 'table:entity_keys', 'table:outbox'])
      expect(places).toContain(table);
  }

  // the export reads sealed audit fields back from beside the chain
  const exportBefore = await customers.exportPersonalData({ actor: dpo, customerId });
  expect(exportBefore.export.auditTrail).toContainEqual(
    expect.objectContaining({ type: 'host.customer_note_added', data: { note: `VIP: ${quote}` } }),
  );

  clock.advance(DAY);
  const erased = await customers.eraseCustomer({ actor: dpo, customerId, requestRef: 'GDPR-2026-17' });
  const report = erased.report;
  const bySource = Object.fromEntries(report.sources.map((s) => [s.name, s]));
  expect(bySource.interactions).toMatchObject({ anonymised: 1, retained: [] });
  expect(bySource.tickets).toMatchObject({ anonymised: 1, retained: [] });
  expect(bySource.knowledge).toMatchObject({ anonymised: 1, retained: [] });
  const retained = report.sources.flatMap((s) => s.retained);
  expect(bySource.complaints?.retained).toEqual([
    expect.objectContaining({
      count: 1,
      basis: expect.stringContaining('17/A. § (7)'),
      until: '2031-03-02',
      location: { collection: 'complaints', ids: [complaintId] },
    }),
  ]);

  const hits = await search(store, raw, collections, outboxIds);
  expect(hits.filter((h) => !isRetained(h, retained))).toEqual([]);
  expect(hits.some((h) => isRetained(h, retained))).toBe(true);
  expect(await verifyAuditChain(store.audit.read())).toMatchObject({ ok: true });
  const article = await store.repository(KnowledgeArticles).get(articleId);
  expect(
    await first(
      store.audit.read({ entityType: 'knowledge_article', entityId: articleId }),
      'knowledge.article_redacted.v1',
    ),
  ).toBe(true);
  expect(article.data).toMatchObject({
    sourceTicketId: null,
    solution: 'Tápegység cseréje, majd a router újraindítása.',
  });
  const exported = await customers.exportPersonalData({ actor: dpo, customerId });
  expect(exported.export.auditTrail).toContainEqual(
    expect.objectContaining({ type: 'host.customer_note_added', data: { note: { erased: true } } }),
  );
  const { complaints: kept, ...rest } = exported.export.sources;
  expect(JSON.stringify(rest)).not.toContain(person.familyName);
  expect(JSON.stringify(kept)).toContain(person.familyName);
  if (mode === 'erase') return;

  // Before its day nothing goes; after it, the complaint file, the consents and the stub go, once.
  const before = await customers.sweepRetained({ actor: dpo });
  expect(before).toMatchObject({ customerStubs: 0, consentHistories: 0, more: false });
  expect(before.sources).toEqual([{ name: 'complaints', removed: 0, more: false }]);
  clock.set('2031-03-04T08:00:00.000Z');
  const fiveYears = await customers.sweepRetained({ actor: dpo });
  expect(fiveYears).toMatchObject({ customerStubs: 0, consentHistories: 1, consentRecords: 2 });
  expect(fiveYears.sources).toEqual([{ name: 'complaints', removed: 1, more: false }]);
  expect(await search(store, raw, collections, outboxIds)).toEqual([]);
  clock.set('2034-03-04T08:00:00.000Z');
  expect(await customers.sweepRetained({ actor: dpo })).toMatchObject({
    customerStubs: 1,
    consentRecords: 0,
  });
  const again = await customers.sweepRetained({ actor: dpo });
  expect(again).toMatchObject({ customerStubs: 0, consentHistories: 0, consentRecords: 0 });
  expect(again.sources).toEqual([{ name: 'complaints', removed: 0, more: false }]);
  expect(await verifyAuditChain(store.audit.read())).toMatchObject({ ok: true });
}
