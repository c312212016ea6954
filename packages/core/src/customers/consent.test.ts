import { FrontlineError } from '@frontline/core';
import { type ConsentEvent, consentStatus } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const t = (iso: string) => new Date(iso);

describe('consentStatus', () => {
  const history: ConsentEvent[] = [
    { id: 'c1', purpose: 'marketing', channel: 'email', action: 'granted', at: t('2026-01-10T09:00:00Z') },
    { id: 'c2', purpose: 'marketing', channel: 'email', action: 'withdrawn', at: t('2026-02-01T12:00:00Z') },
    { id: 'c3', purpose: 'marketing', channel: 'sms', action: 'granted', at: t('2026-01-15T09:00:00Z') },
  ];

  it('says no when nothing was ever said about the purpose and channel', () => {
    expect(consentStatus(history, 'profiling', 'email', '2026-03-01T00:00:00Z')).toEqual({
      allowed: false,
      state: 'none',
      since: null,
      recordId: null,
    });
    expect(consentStatus([], 'marketing', 'email', '2026-03-01T00:00:00Z').allowed).toBe(false);
  });

  it('lets the latest statement at the instant decide, ignoring statements made later', () => {
    expect(consentStatus(history, 'marketing', 'email', '2026-01-09T00:00:00Z').state).toBe('none');
    expect(consentStatus(history, 'marketing', 'email', '2026-01-20T00:00:00Z')).toEqual({
      allowed: true,
      state: 'granted',
      since: t('2026-01-10T09:00:00Z'),
      recordId: 'c1',
    });
    expect(consentStatus(history, 'marketing', 'email', '2026-02-01T12:00:00Z')).toMatchObject({
      allowed: false,
      state: 'withdrawn',
      recordId: 'c2',
    });
    expect(consentStatus(history, 'marketing', 'sms', '2026-03-01T00:00:00Z').allowed).toBe(true);
  });

  it('keeps a withdrawal in force when an older paper consent is entered after it', () => {
    const late = [
      ...history,
      {
        id: 'c4',
        purpose: 'marketing' as const,
        channel: 'email' as const,
        action: 'granted' as const,
        at: t('2026-01-20T00:00:00Z'),
        recordedAt: t('2026-02-10T00:00:00Z'),
      },
    ];
    expect(consentStatus(late, 'marketing', 'email', '2026-03-01T00:00:00Z').recordId).toBe('c2');
  });

  it('breaks a tie by recording time, then in favour of withdrawal', () => {
    const at = t('2026-01-10T09:00:00Z');
    const base = { purpose: 'service', channel: 'phone', at } as const;
    expect(
      consentStatus(
        [
          { ...base, id: 'w', action: 'withdrawn', recordedAt: t('2026-01-10T09:00:00Z') },
          { ...base, id: 'g', action: 'granted', recordedAt: t('2026-01-10T10:00:00Z') },
        ],
        'service',
        'phone',
        at,
      ).recordId,
    ).toBe('g');
    expect(
      consentStatus(
        [
          { ...base, id: 'g', action: 'granted' },
          { ...base, id: 'w', action: 'withdrawn' },
        ],
        'service',
        'phone',
        at,
      ).allowed,
    ).toBe(false);
  });

  it('reads ISO strings for instants and refuses garbage as a ValidationError', () => {
    expect(
      consentStatus(
        [
          {
            purpose: 'service',
            channel: 'email',
            action: 'granted',
            at: '2026-01-01T00:00:00Z' as unknown as Date,
          },
        ],
        'service',
        'email',
        '2026-01-02T00:00:00Z',
      ).allowed,
    ).toBe(true);
    expect(() => consentStatus(history, 'spam' as 'marketing', 'email', new Date())).toThrow(/purpose/);
    expect(() => consentStatus(history, 'marketing', 'email', 'yesterday')).toThrow(
      /Invalid consent status query/,
    );
  });
});

describe('consentStatus properties', () => {
  const purpose = fc.constantFrom('service', 'marketing', 'profiling' as const);
  const channel = fc.constantFrom('phone', 'sms', 'email' as const);
  const instant = fc.integer({ min: 0, max: 50 }).map((h) => new Date(Date.UTC(2026, 0, 1, h)));
  const event = fc.record({
    id: fc.uuid(),
    purpose,
    channel,
    action: fc.constantFrom('granted', 'withdrawn' as const),
    at: instant,
    recordedAt: instant,
  });

  it('answers what the latest relevant statement at the instant says (model check), in any order', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), purpose, channel, instant, (events, p, c, at) => {
        const relevant = events.filter((e) => e.purpose === p && e.channel === c && e.at <= at);
        const rank = (e: (typeof events)[number]) => [
          e.at.getTime(),
          e.recordedAt.getTime(),
          e.action === 'withdrawn' ? 1 : 0,
        ];
        const latest = relevant.reduce<(typeof events)[number] | undefined>((best, e) => {
          if (!best) return e;
          const [a, b] = [rank(e), rank(best)];
          for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]! ? e : best;
          return best;
        }, undefined);
        const status = consentStatus(events, p, c, at);
        expect(status.allowed).toBe(latest?.action === 'granted');
        expect(status.state).toBe(latest?.action ?? 'none');
        expect(consentStatus([...events].reverse(), p, c, at).allowed).toBe(status.allowed);
      }),
    );
  });

  it('respects a withdrawal: after the newest statement is a withdrawal, contact is never allowed', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 20 }),
        purpose,
        channel,
        fc.integer({ min: 0, max: 10 }),
        (events, p, c, later) => {
          const last = Math.max(0, ...events.map((e) => e.at.getTime()));
          const withdrawal = {
            purpose: p,
            channel: c,
            action: 'withdrawn' as const,
            at: new Date(last + 1),
            recordedAt: new Date(last + 1),
          };
          const at = new Date(last + 1 + later * 3_600_000);
          expect(consentStatus([...events, withdrawal], p, c, at).allowed).toBe(false);
        },
      ),
    );
  });

  it('turns any garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (h, p, c, at) => {
        try {
          consentStatus(h as ConsentEvent[], p as 'service', c as 'email', at as Date);
        } catch (error) {
          expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        }
      }),
    );
  });
});
