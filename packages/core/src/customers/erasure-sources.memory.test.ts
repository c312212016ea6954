import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { complaintPersonalData } from '../complaints/complaint-personal-data';
import { FrontlineError } from '../errors/frontline-error';
import { interactionPersonalData } from '../interactions/interaction-personal-data';
import { knowledgePersonalData } from '../knowledge/article-personal-data';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { ticketPersonalData } from '../tickets/ticket-personal-data';
import { createCustomerService } from './customer-service';

const sources = [interactionPersonalData, ticketPersonalData, knowledgePersonalData, complaintPersonalData];
const at = new Date('2026-03-02T08:00:00Z');

describe('personal-data sources', () => {
  it('hold nothing on an unknown customer: empty exports, nothing erased, nothing retained', async () => {
    const store = createMemoryStore();
    for (const source of sources) {
      await store.transaction(async (tx) => {
        expect(await source.erase('nobody', tx, { at, actorId: 'dpo-1' })).toEqual({
          anonymised: 0,
          retained: [],
        });
        const exported = await source.export('nobody', tx);
        expect(JSON.stringify(exported)).not.toMatch(/"id"/);
      });
    }
  });

  it('refuse a bad customer id or erasure context with a ValidationError', async () => {
    const store = createMemoryStore();
    for (const source of sources) {
      for (const call of [
        () => source.export('bad id!', store),
        () => source.erase('c-1', store, { at: 'yesterday', actorId: '' } as never),
        () => source.erase(42 as never, store, { at, actorId: 'dpo-1' }),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(FrontlineError.is(error, 'VALIDATION'), `${source.name}: ${String(error)}`).toBe(true);
      }
    }
  });

  it('sweepRetained checks its input and the erase permission, and does nothing when nothing is due', async () => {
    const clock = createFixedClock(at);
    const store = createMemoryStore({ clock });
    const customers = createCustomerService({
      store,
      clock,
      ids: createSequentialIds('s'),
      personalDataSources: sources,
    });
    const dpo = { id: 'dpo-1', roles: [], permissions: ['customer.erase'] };
    expect(await customers.sweepRetained({ actor: dpo })).toEqual({
      sweptAt: at,
      customerStubs: 0,
      consentHistories: 0,
      consentRecords: 0,
      sources: [{ name: 'complaints', removed: 0, more: false }],
      more: false,
    });
    const forbidden = await customers
      .sweepRetained({ actor: { id: 'op', roles: [], permissions: ['customer.read'] } })
      .catch((e: unknown) => e);
    expect(FrontlineError.is(forbidden, 'FORBIDDEN')).toBe(true);
    for (const bad of [undefined, {}, { actor: dpo, limit: 0 }, { actor: dpo, extra: true }]) {
      const error = await customers.sweepRetained(bad as never).catch((e: unknown) => e);
      expect(FrontlineError.is(error, 'VALIDATION'), String(error)).toBe(true);
    }
    expect(await store.audit.head()).toBeUndefined();
  });
});
