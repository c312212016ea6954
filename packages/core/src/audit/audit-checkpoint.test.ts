import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import type { AuditEntry } from '../ports/audit-store';
import { createFixedClock } from '../ports/clock';
import { checkAuditCheckpoint, signAuditCheckpoint } from './audit-checkpoint';
import { createAuditLog, GENESIS_HASH, hashAuditEntry, verifyAuditChain } from './audit-log';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const ed = { algorithm: 'ed25519', keyId: 'k1', privateKey } as const;
const hmac = { algorithm: 'hmac-sha256', keyId: 'h1', secret: 'a shared secret' } as const;

/** A chain of `n` entries, built as the audit log builds them. */
function chain(n: number, payloadOf = (seq: number) => ({ seq })): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      seq,
      at: new Date(Date.UTC(2026, 2, 2, 8, seq)),
      actor: 'a',
      entityType: 'ticket',
      entityId: `t${seq}`,
      type: 'ticket.opened.v1',
      payload: payloadOf(seq),
      prevHash: out.at(-1)?.hash ?? GENESIS_HASH,
    };
    out.push({ ...base, hash: hashAuditEntry(base) });
  }
  return out;
}

describe('audit checkpoints', () => {
  it('sign the head with Ed25519 or HMAC and verify only under the right key', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    for (const [key, verifying] of [
      [ed, { k1: publicKey }],
      [hmac, { h1: 'a shared secret' }],
    ] as const) {
      const checkpoint = signAuditCheckpoint({ seq: 3, hash: 'a'.repeat(64) }, key, at);
      expect(checkAuditCheckpoint(checkpoint, verifying)).toBe(true);
      expect(checkAuditCheckpoint({ ...checkpoint, seq: 4 }, verifying)).toBe(false);
      expect(checkAuditCheckpoint({ ...checkpoint, hash: 'b'.repeat(64) }, verifying)).toBe(false);
      expect(checkAuditCheckpoint(checkpoint, {})).toBe(false);
    }
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(
      checkAuditCheckpoint(signAuditCheckpoint({ seq: 1, hash: 'c'.repeat(64) }, ed, at), { k1: other }),
    ).toBe(false);
  });

  it('catch a tail rewritten with recomputed hashes, which the chain alone accepts', async () => {
    const original = chain(6);
    const checkpoint = signAuditCheckpoint(original[4]!, ed, new Date('2026-03-02T09:00:00Z'));
    // entries 4–6 rewritten and re-hashed: a valid chain on its own
    const rewritten = chain(6, (seq) => (seq >= 4 ? { seq, changed: true } : { seq }));
    expect(await verifyAuditChain(rewritten)).toMatchObject({ ok: true, count: 6 });
    expect(
      await verifyAuditChain(rewritten, {
        anchors: [{ seq: checkpoint.seq, hash: checkpoint.hash, source: 'checkpoint k1' }],
      }),
    ).toMatchObject({ ok: false, problem: 'modified', seq: 5 });
    // and a tail cut before the checkpoint
    expect(
      await verifyAuditChain(original.slice(0, 3), {
        anchors: [{ seq: checkpoint.seq, hash: checkpoint.hash, source: 'checkpoint k1' }],
      }),
    ).toMatchObject({ ok: false, problem: 'truncated', seq: 4 });
  });

  it('are made and checked by the audit log, and a forged one is reported as such', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock });
    const log = createAuditLog({ store, clock });
    expect(await log.checkpoint(ed)).toBeNull();
    for (let i = 0; i < 3; i++)
      await log.append({ actor: 'a', entityType: 'ticket', entityId: `t${i}`, type: 'ticket.opened.v1' });
    const checkpoint = await log.checkpoint(ed);
    expect(checkpoint).toMatchObject({ seq: 3, algorithm: 'ed25519', keyId: 'k1' });
    expect(await log.verify({ checkpoints: [checkpoint!], keys: { k1: publicKey } })).toMatchObject({
      ok: true,
      count: 3,
    });
    expect(
      await log.verify({
        checkpoints: [{ ...checkpoint!, signature: Buffer.from('forged').toString('base64') }],
        keys: { k1: publicKey },
      }),
    ).toMatchObject({ ok: false, problem: 'forged_checkpoint', seq: 3 });
  });
});
