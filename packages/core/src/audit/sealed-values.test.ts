import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { createFixedClock } from '../ports/clock';
import { forgetEvents, recordEvents } from '../services/domain-events';
import { verifyAuditChain } from './audit-log';
import { SealedAuditValues, sealPayload, unsealPayload } from './sealed-values';

const quote = 'Kiss Anna (+36 30 123 4567) a szomszédra panaszkodott';

async function setup() {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore({ clock });
  await store.transaction((tx) =>
    recordEvents(tx, clock, 'agent-1', [
      {
        type: 'ticket.escalated',
        entityType: 'ticket',
        entityId: 't-1',
        payload: { reason: quote, tier: 'L2' },
        sealed: ['reason', 'missing'],
      },
      {
        type: 'ticket.escalated',
        entityType: 'ticket',
        entityId: 't-2',
        payload: { reason: 'other' },
        sealed: ['reason'],
      },
    ]),
  );
  const entries = [];
  for await (const entry of store.audit.read()) entries.push(entry);
  return { clock, store, entries };
}

describe('sealed audit values', () => {
  it('keeps a sealed field out of the chain as a salted digest; the outbox message carries the cleartext', async () => {
    const { store, entries } = await setup();
    expect(JSON.stringify(entries)).not.toContain('Kiss');
    expect(entries[0]!.payload).toEqual({
      reason: { $sealed: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      tier: 'L2',
    });
    expect(await unsealPayload(store, entries[0]!.payload)).toEqual({ reason: quote, tier: 'L2' });
    const [message] = await store.outbox.claim({ worker: 'w', limit: 1, leaseMs: 1000 });
    expect(message!.payload).toMatchObject({ data: { reason: quote } });
  });

  it('forgets the values of erased entities only; the chain still verifies and the entry reads erased', async () => {
    const { clock, store, entries } = await setup();
    const before = await verifyAuditChain(store.audit.read());
    const forgotten = await store.transaction((tx) =>
      forgetEvents(tx, { entityType: 'ticket', ids: ['t-1'], at: clock.now() }),
    );
    expect(forgotten).toEqual({ sealedValues: 1, messages: 1 });
    expect(await verifyAuditChain(store.audit.read())).toEqual(before);
    expect(before).toMatchObject({ ok: true, count: 2 });
    expect(await unsealPayload(store, entries[0]!.payload)).toEqual({ reason: { erased: true }, tier: 'L2' });
    expect(await unsealPayload(store, entries[1]!.payload)).toEqual({ reason: 'other' });
    expect(await store.repository(SealedAuditValues).count()).toBe(1);
    let text = '';
    for await (const row of store.repository(SealedAuditValues).scan()) text += JSON.stringify(row);
    for await (const entry of store.audit.read()) text += JSON.stringify(entry);
    expect(text).not.toContain('Kiss');
  });

  it('reads a kept value that no longer matches its digest as tampered', async () => {
    const { store, entries } = await setup();
    const repo = store.repository(SealedAuditValues);
    for await (const row of repo.scan()) {
      if (row.data.entityId === 't-1') await repo.update({ ...row.data, value: 'changed' }, row.version);
    }
    expect(await unsealPayload(store, entries[0]!.payload)).toMatchObject({ reason: { tampered: true } });
  });

  it('refuses sealed fields on a payload that is not an object, and bad input, with a ValidationError', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock });
    const refused = await store
      .transaction((tx) =>
        recordEvents(tx, clock, 'a', [
          { type: 'x.happened', entityType: 'x', entityId: 'x-1', payload: 'text', sealed: ['reason'] },
        ]),
      )
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(await store.audit.head()).toBeUndefined();
    expect(() =>
      sealPayload({ entityType: '', entityId: 'x', payload: {}, keys: [], at: new Date() }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
