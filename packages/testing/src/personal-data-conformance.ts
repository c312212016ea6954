import type { FixedClock, OutboxMessage, Store } from '@frontline/core';
import { FrontlineError } from '@frontline/core';
import { runErasureSearch } from './personal-data-erasure';
import { describe, expect } from './runner';
import { type SuiteHooks, suiteCase } from './suite-harness';

/** The names of the personal-data suite's tests, for `skip`. */
export type PersonalDataTest =
  | 'outbox-redact'
  | 'outbox-redact-atomic'
  | 'erasure-search'
  | 'retention-sweep';

/**
 * What the personal-data suite needs from an adapter: the storage suite's hooks. With a SQL store's raw
 * inspector (`raw.query`) and `store.schema`, the erasure test also searches every table in SQL.
 * @category Testing
 */
export interface PersonalDataConformanceOptions extends SuiteHooks<PersonalDataTest> {
  name: string;
}

const message = (entityId: string, data: Record<string, unknown>) => ({
  topic: 'suite.happened',
  payload: { entityType: 'suite', entityId, actor: 'agent-1', data },
});

const scrub = (m: OutboxMessage) => ({ ...(m.payload as object), data: null, redacted: true });

/**
 * The personal-data suite: registers vitest tests proving that an adapter's `outbox.redact` rewrites exactly the
 * matched messages in any status (atomically, inside a transaction), and that an erasure through the composition
 * root leaves the data subject's name, e-mail and phone only where the erasure result says they are retained —
 * searched through the ports and, on SQL stores, in every table — with the audit chain still verifying and the
 * retention sweep removing the retained records when due.
 * @example
 * runPersonalDataConformance({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runPersonalDataConformance(options: PersonalDataConformanceOptions): void {
  const test = (
    name: PersonalDataTest,
    title: string,
    body: (ctx: { store: Store; raw: unknown; clock: FixedClock }) => Promise<void>,
  ) =>
    suiteCase(
      options,
      name,
      title,
      '2026-03-02T08:00:00.000Z',
      ({ store, raw, clock }) => ({ store, raw, clock }),
      body,
      60_000,
    );

  describe(`personal data: ${options.name}`, () => {
    test(
      'outbox-redact',
      'redacts the payloads matched at a path, pending, claimed and delivered alike, and nothing else',
      async ({ store }) => {
        const [p1, p2, n1, d1, other] = await store.outbox.enqueue([
          message('e-1', { note: 'Kiss Anna hívta' }),
          message('e-2', { customerId: 'c-1' }),
          { topic: 'suite.number', payload: { entityId: 7, data: { customerId: 'c-1' } } },
          message('e-3', { customerId: 'c-1', note: 'delivered' }),
          message('e-4', { customerId: 'c-2' }),
        ]);
        const claimed = await store.outbox.claim({ worker: 'w', limit: 10, leaseMs: 60_000 });
        await store.outbox.complete(claimed.find((m) => m.id === d1)!);
        await store.outbox.fail(claimed.find((m) => m.id === p1)!, { error: 'retry' });
        expect(
          await store.outbox.redact({ path: ['entityId'], values: ['e-1', '7', 'nope'], redact: scrub }),
        ).toBe(1);
        expect(
          await store.outbox.redact({ path: ['data', 'customerId'], values: ['c-1'], redact: scrub }),
        ).toBe(3);
        const after = new Map<string, OutboxMessage | undefined>();
        for (const id of [p1!, p2!, n1!, d1!, other!]) after.set(id, await store.outbox.get(id));
        expect(after.get(p1!)).toMatchObject({ status: 'pending', payload: { entityId: 'e-1', data: null } });
        expect(after.get(p2!)).toMatchObject({ status: 'claimed', payload: { data: null, redacted: true } });
        expect(after.get(n1!)).toMatchObject({ payload: { entityId: 7, data: null } });
        expect(after.get(d1!)).toMatchObject({ status: 'done', attempts: 1, payload: { data: null } });
        expect(after.get(other!)?.payload).toEqual(message('e-4', { customerId: 'c-2' }).payload);
        // the same redaction again changes nothing
        expect(
          await store.outbox.redact({ path: ['data', 'customerId'], values: ['c-1'], redact: scrub }),
        ).toBe(0);
        const stats = await store.outbox.stats();
        expect(stats).toEqual({ pending: 1, claimed: 3, done: 1, dead: 0 });
      },
    );

    test(
      'outbox-redact-atomic',
      'refuses a bad redaction whole, and rolls a redaction back with its transaction',
      async ({ store }) => {
        const [id] = await store.outbox.enqueue([message('e-1', { note: 'secret' })]);
        const original = (await store.outbox.get(id!))?.payload;
        for (const bad of [
          { path: [], values: ['e-1'], redact: scrub },
          { path: ['entityId'], values: [], redact: scrub },
          { path: ['entityId'], values: ['e-1'], redact: 'no' },
          { path: ['entityId'], values: ['e-1'], redact: () => undefined },
        ]) {
          const error = await store.outbox.redact(bad as never).catch((e: unknown) => e);
          expect(FrontlineError.is(error, 'VALIDATION'), String(error)).toBe(true);
        }
        const failed = await store
          .transaction(async (tx) => {
            expect(await tx.outbox.redact({ path: ['entityId'], values: ['e-1'], redact: scrub })).toBe(1);
            throw new FrontlineError('CONFLICT', 'roll back');
          })
          .catch((e: unknown) => e);
        expect(FrontlineError.is(failed, 'CONFLICT')).toBe(true);
        expect((await store.outbox.get(id!))?.payload).toEqual(original);
      },
    );

    test(
      'erasure-search',
      'erasure leaves name, e-mail and phone only where the result says they are retained; the audit chain verifies',
      async ({ store, raw, clock }) => runErasureSearch({ store, raw, clock }, 'erase'),
    );

    test(
      'retention-sweep',
      'the retention sweep removes the retained complaint file, consents and stub when due, once',
      async ({ store, raw, clock }) => runErasureSearch({ store, raw, clock }, 'sweep'),
    );
  });
}
