import {
  type AuditEntry,
  createAuditLog,
  createFixedClock,
  createMemoryStore,
  hashAuditEntry,
  verifyAuditChain,
} from '@frontline/core';
import { describe, expect, it } from 'vitest';

async function chainOf(n: number): Promise<AuditEntry[]> {
  const clock = createFixedClock('2026-02-02T09:00:00Z');
  const store = createMemoryStore({ clock });
  const audit = createAuditLog({ store, clock });
  for (let i = 1; i <= n; i++) {
    await audit.append({
      actor: `agent-${i % 3}`,
      entityType: 'complaint',
      entityId: `c${i}`,
      type: 'complaint.noted',
      payload: { i, note: 'ügyfél' },
    });
    clock.advance(1000);
  }
  const entries: AuditEntry[] = [];
  for await (const e of audit.entries()) entries.push(e);
  return entries;
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', async () => {
    const chain = await chainOf(5);
    expect(await verifyAuditChain(chain)).toEqual({
      ok: true,
      count: 5,
      head: { seq: 5, hash: chain[4]!.hash },
    });
    expect(await verifyAuditChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it('catches a modified payload at the modified entry', async () => {
    const chain = await chainOf(5);
    chain[2] = { ...chain[2]!, payload: { i: 3, note: 'changed' } };
    expect(await verifyAuditChain(chain)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'modified',
      checked: 2,
    });
  });

  it('catches a modified entry whose hash was recomputed, at that entry', async () => {
    const chain = await chainOf(5);
    const forged = { ...chain[1]!, actor: 'intruder' };
    chain[1] = { ...forged, hash: hashAuditEntry(forged) };
    expect(await verifyAuditChain(chain)).toMatchObject({ ok: false, seq: 2, problem: 'modified' });
  });

  it('catches a removed entry', async () => {
    const chain = await chainOf(5);
    chain.splice(3, 1);
    expect(await verifyAuditChain(chain)).toMatchObject({ ok: false, seq: 4, problem: 'removed' });
  });

  it('catches reordered entries', async () => {
    const chain = await chainOf(5);
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(await verifyAuditChain(chain)).toMatchObject({ ok: false, seq: 2, problem: 'removed' });
    const swappedBack = await chainOf(5);
    const moved = swappedBack.splice(4, 1)[0]!;
    swappedBack.splice(4, 0, moved);
    swappedBack.push(swappedBack[0]!);
    expect(await verifyAuditChain(swappedBack)).toMatchObject({ ok: false, seq: 1, problem: 'reordered' });
  });

  it('catches a truncated tail against an anchor kept elsewhere', async () => {
    const chain = await chainOf(5);
    const anchor = { seq: 5, hash: chain[4]!.hash };
    expect(await verifyAuditChain(chain.slice(0, 4), { expectedHead: anchor })).toMatchObject({
      ok: false,
      seq: 5,
      problem: 'truncated',
    });
    expect(await verifyAuditChain(chain, { expectedHead: anchor })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(chain, { expectedHead: { seq: 5, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      problem: 'modified',
    });
  });

  it('hashes payloads independently of key order', async () => {
    const base = {
      seq: 1,
      at: new Date(0),
      actor: 'a',
      entityType: 'e',
      entityId: '1',
      type: 't',
      prevHash: '0'.repeat(64),
    };
    expect(hashAuditEntry({ ...base, payload: { a: 1, b: [{ y: 2, x: 1 }] } })).toBe(
      hashAuditEntry({ ...base, payload: { b: [{ x: 1, y: 2 }], a: 1 } }),
    );
  });

  it('refuses an event without an actor, storing nothing', async () => {
    const clock = createFixedClock('2026-02-02T09:00:00Z');
    const store = createMemoryStore({ clock });
    const audit = createAuditLog({ store, clock });
    await expect(
      audit.append({ actor: '', entityType: 'x', entityId: '1', type: 't' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      audit.append({
        actor: 'a',
        entityType: 'x',
        entityId: '1',
        type: 't',
        payload: { f: () => 1 } as never,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await store.audit.head()).toBeUndefined();
  });
});
