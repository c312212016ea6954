import { generateKeyPairSync } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createAuditLog, createFixedClock, FrontlineError, hashAuditEntry } from '@frontline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore, createPostgresStore, type SqlStore } from '../src/index';
import { describeWithServer, uniqueSchema } from './helpers';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { algorithm: 'ed25519', keyId: 'office-2026', privateKey } as const;
const event = (i: number) => ({
  actor: 'agent-1',
  entityType: 'ticket',
  entityId: `t${i}`,
  type: 'ticket.opened.v1',
  payload: { i },
});

function tamperCases(open: () => Promise<SqlStore>) {
  it('reports a deleted tail against the stored head, with the repair, and stops appends with that message', async () => {
    const store = await open();
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const log = createAuditLog({ store, clock });
    for (let i = 1; i <= 5; i++) await log.append(event(i));
    await store.raw.query(`DELETE FROM "${store.schema}".audit_log WHERE seq = 5`);
    const verification = await log.verify();
    expect(verification).toMatchObject({ ok: false, problem: 'truncated', seq: 5 });
    expect(verification.ok ? '' : verification.message).toMatch(
      /store's head names entry 5: the tail was cut\. Restore/,
    );
    let caught: unknown;
    try {
      await log.append(event(6));
    } catch (error) {
      caught = error;
    }
    expect(FrontlineError.is(caught, 'INTEGRITY')).toBe(true);
    expect((caught as Error).message).toMatch(/set the head back to the last stored entry/);
    await store.close();
  });

  it('finds a tail rewritten with recomputed hashes through a checkpoint kept elsewhere', async () => {
    const store = await open();
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const log = createAuditLog({ store, clock });
    for (let i = 1; i <= 4; i++) await log.append(event(i));
    const checkpoint = (await log.checkpoint(key))!;
    for (let i = 5; i <= 6; i++) await log.append(event(i));
    // an attacker with database access rewrites entries 3–6 and their hashes, and moves the head along
    const rows = await store.raw.query<{ seq: number }>(
      `SELECT seq FROM "${store.schema}".audit_log ORDER BY seq`,
    );
    const entries = [];
    for await (const e of store.audit.read()) entries.push(e);
    let prevHash = entries[1]!.hash;
    for (const entry of entries.slice(2)) {
      const forged = { ...entry, payload: { i: 0, forged: true }, prevHash };
      const hash = hashAuditEntry(forged);
      await store.raw.query(
        `UPDATE "${store.schema}".audit_log SET payload = $2::jsonb, prev_hash = $3, hash = $4 WHERE seq = $1`,
        [entry.seq, JSON.stringify(forged.payload), prevHash, hash],
      );
      prevHash = hash;
    }
    await store.raw.query(`UPDATE "${store.schema}".audit_head SET hash = $1 WHERE tenant = 'default'`, [
      prevHash,
    ]);
    expect(rows).toHaveLength(6);
    expect(await log.verify()).toMatchObject({ ok: true, count: 6 });
    expect(await log.verify({ checkpoints: [checkpoint], keys: { 'office-2026': publicKey } })).toMatchObject(
      {
        ok: false,
        problem: 'modified',
        seq: 4,
      },
    );
    await store.close();
  });
}

describe('audit chain under tampering: PGlite', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });
  tamperCases(() => createPgliteStore({ db, schema: uniqueSchema('tamper') }));
});

describeWithServer('audit chain under tampering: PostgreSQL server', (url) => {
  tamperCases(() => createPostgresStore({ connectionString: url, schema: uniqueSchema('tamper') }));
});
