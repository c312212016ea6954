import {
  type KpiContactInput,
  kpiPartialOf,
  kpiPartialOfStream,
  settleFirstContacts,
} from '@frontline/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouping, minutes, rows } from '../../test/kpi-arbitraries';
import { ValidationError } from '../errors/frontline-error';

async function* stream<T>(list: readonly T[]): AsyncGenerator<T> {
  for (const item of list) yield item;
}

const call = (i: number, atMinutes: number, extra: Partial<KpiContactInput> = {}): KpiContactInput => ({
  id: `k${i}`,
  channel: 'phone',
  customerId: `c${i % 7}`,
  offeredAt: minutes(atMinutes),
  answeredAt: minutes(atMinutes),
  endedAt: minutes(atMinutes + 3),
  resolved: true,
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('kpiPartialOfStream', () => {
  it('equals kpiPartialOf on the same rows, from async or plain iterables', async () => {
    await fc.assert(
      fc.asyncProperty(rows, grouping, fc.boolean(), async (r, g, asyncLists) => {
        const lists = asyncLists
          ? {
              contacts: stream(r.contacts),
              sessions: stream(r.sessions),
              tickets: stream(r.tickets),
              surveys: stream(r.surveys),
            }
          : r;
        const backlogAsOf = minutes(2000);
        expect(await kpiPartialOfStream({ ...lists, backlogAsOf }, g)).toEqual(
          kpiPartialOf({ ...r, backlogAsOf }, g),
        );
      }),
    );
  });

  it('ordered: settles as it goes, exactly as kpiPartialOf and settleFirstContacts through the last contact', async () => {
    await fc.assert(
      fc.asyncProperty(rows, grouping, async (r, g) => {
        const streamed = await kpiPartialOfStream({ contacts: stream(r.contacts) }, g, { ordered: true });
        const whole = kpiPartialOf({ contacts: r.contacts }, g);
        const last = r.contacts.at(-1)?.offeredAt;
        if (last === undefined) {
          expect(streamed).toEqual(whole);
          return;
        }
        const lastMs = new Date(last).getTime();
        expect(streamed).toEqual(settleFirstContacts(whole, { completeThrough: new Date(lastMs - 1) }));
        // and settled at the end, both are the same
        const end = { completeThrough: new Date(lastMs + 25 * 3_600_000) };
        expect(settleFirstContacts(streamed, end)).toEqual(settleFirstContacts(whole, end));
      }),
    );
  });

  it('ordered: keeps only the customers of the last window', async () => {
    // 700 contacts of 7 customers, one every 10 minutes, window 1 h: at most 7 customers held at any time
    const contacts = Array.from({ length: 700 }, (_, i) => call(i, i * 10, { customerId: `c${i}` }));
    const p = await kpiPartialOfStream(
      { contacts: stream(contacts) },
      { period: null, recontactWindowHours: 1 },
      { ordered: true },
    );
    expect(Object.keys(p.firstContact).length).toBeLessThanOrEqual(7);
    expect(Object.values(p.groups)[0]?.totals.firstContact).toEqual({ eligible: 700, met: 693, pending: 7 });
  });

  it('refuses a bad row with the path of its list and index', async () => {
    const contacts = [call(0, 0), call(1, 5), call(2, 9, { endedAt: minutes(1) })];
    const error = await refusal(kpiPartialOfStream({ contacts: stream(contacts) }));
    expect(error.issues[0]?.path).toEqual(['contacts', 2, 'endedAt']);
    const session = await refusal(kpiPartialOfStream({ sessions: stream([{ agentId: 'a1' }]) as never }));
    expect(session.issues[0]?.path.slice(0, 2)).toEqual(['sessions', 0]);
  });

  it('ordered: refuses a contact out of time order', async () => {
    const contacts = [call(0, 10), call(1, 10), call(2, 9)];
    const error = await refusal(kpiPartialOfStream({ contacts: stream(contacts) }, {}, { ordered: true }));
    expect(error.issues[0]?.path).toEqual(['contacts', 2, 'offeredAt']);
    // unordered, the same rows are fine
    await expect(kpiPartialOfStream({ contacts: stream(contacts) })).resolves.toBeDefined();
  });

  it('refuses what is not a stream, and unknown options', async () => {
    expect((await refusal(kpiPartialOfStream({ contacts: 3 as never }))).issues[0]?.path).toEqual([
      'contacts',
    ]);
    expect((await refusal(kpiPartialOfStream({}, {}, { ordered: 'yes' as never }))).issues[0]?.path).toEqual([
      'options',
      'ordered',
    ]);
  });
});
