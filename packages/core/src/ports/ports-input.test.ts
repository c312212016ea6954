import {
  createAuditLog,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  defineCollection,
  FrontlineError,
  Instant,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const Note = z.object({ id: z.string().min(1), text: z.string(), at: Instant });
const Notes = defineCollection({
  name: 'notes',
  schema: Note,
  indexes: { at: { key: (n) => n.at.toISOString() } },
});

async function settles(work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    expect(FrontlineError.is(error), `not a FrontlineError: ${String(error)}`).toBe(true);
  }
}

describe('ports and the memory adapter under random input', () => {
  it('fixed clocks accept instants and refuse anything else with a ValidationError', () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-03-02T08:00:01.500Z');
    expect(() => createFixedClock('yesterday')).toThrow(/Invalid instant/);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(/Invalid milliseconds/);
    fc.assert(
      fc.property(fc.anything(), (x) => {
        try {
          createFixedClock(x as string).advance(x as number);
        } catch (error) {
          expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        }
      }),
    );
  });

  it('collection definitions refuse bad names with a ValidationError naming the field', () => {
    expect(() => defineCollection({ name: 'Bad-Name', schema: Note })).toThrow(
      /Invalid collection definition: name/,
    );
    expect(() =>
      defineCollection({ name: 'ok', schema: Note, indexes: { 'x y': { key: () => 1 } } }),
    ).toThrow(/indexes/);
    fc.assert(
      fc.property(fc.anything(), (x) => {
        try {
          defineCollection(x as never);
        } catch (error) {
          expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        }
      }),
    );
  });

  it('repositories, outbox and audit answer random input with a result or a FrontlineError, and stay consistent', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock, ids: createSequentialIds('msg') });
    const repo = store.repository(Notes);
    const audit = createAuditLog({ store, clock });
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (a, b) => {
        await settles(() => repo.insert(a as never));
        await settles(() => repo.update(a as never, b as number));
        await settles(() => repo.get(a as string));
        await settles(() => repo.delete(a as string, b as number));
        await settles(async () => {
          for await (const _ of repo.query(a as never)) break;
        });
        await settles(() => store.outbox.enqueue(a as never));
        await settles(() => store.outbox.claim(a as never));
        await settles(() => store.outbox.fail(a as never, b as never));
        await settles(() => audit.append(a as never));
      }),
      { numRuns: 300 },
    );
    expect(await audit.verify()).toMatchObject({ ok: true });
    for await (const row of repo.scan()) expect(Note.safeParse(row.data).success).toBe(true);
  });
});
