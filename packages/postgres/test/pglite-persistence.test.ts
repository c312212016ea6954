import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog, createFixedClock, defineCollection } from '@frontline/core';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { runMigrateCli } from '../src/cli-main';
import { createPgliteStore } from '../src/index';

const Ticket = z.object({ id: z.string(), subject: z.string(), status: z.enum(['open', 'closed']) });
const Tickets = defineCollection({
  name: 'tickets',
  schema: Ticket,
  indexes: { status: { key: (t) => t.status } },
});

const root = mkdtempSync(join(tmpdir(), 'frontline-pglite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('keeps a data directory’s entities, outbox and audit chain for the next open', async () => {
  const dataDir = join(root, 'office', 'data');
  const clock = createFixedClock('2026-04-01T09:00:00Z');
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), env: {} };
  expect(await runMigrateCli(['--data-dir', dataDir], io)).toBe(0);
  expect(out[0]).toBe('applied 0001 initial');

  const first = await createPgliteStore({ dataDir, clock });
  await first.transaction(async (tx) => {
    await tx.repository(Tickets).insert({ id: 't-1', subject: 'Számla hibás', status: 'open' });
    await tx.outbox.enqueue([{ topic: 'ticket.opened', payload: { id: 't-1' }, dedupeKey: 'open:t-1' }]);
    await createAuditLog({ store: tx, clock }).append({
      actor: 'agent-1',
      entityType: 'ticket',
      entityId: 't-1',
      type: 'ticket.opened',
    });
  });
  await first.close();

  const second = await createPgliteStore({ dataDir, clock });
  expect((await second.migrate()).applied).toEqual([]);
  const tickets = second.repository(Tickets);
  expect(await tickets.get('t-1')).toEqual({
    version: 1,
    data: { id: 't-1', subject: 'Számla hibás', status: 'open' },
  });
  expect(await tickets.count({ index: 'status', equals: 'open' })).toBe(1);
  expect(
    await second.outbox.enqueue([{ topic: 'ticket.opened', payload: {}, dedupeKey: 'open:t-1' }]),
  ).toEqual([]);
  expect(await second.outbox.stats()).toMatchObject({ pending: 1 });
  expect(await createAuditLog({ store: second, clock }).verify()).toMatchObject({ ok: true, count: 1 });
  await tickets.update({ id: 't-1', subject: 'Számla hibás', status: 'closed' }, 1);
  await second.close();
}, 90_000);
