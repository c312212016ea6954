import { FrontlineError } from '@frontline/core';
import { AgentState, timeInStates } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00.000Z`);
const min = 60_000;

describe('timeInStates', () => {
  const log = [
    { state: 'available', at: at('08:00'), command: 'login' },
    { state: 'on_call', at: at('08:05'), command: 'take_call' },
    { state: 'wrap_up', at: at('08:20'), command: 'end_call' },
    { state: 'available', at: at('08:25'), command: 'end_wrap_up' },
    { state: 'break', at: at('09:00'), command: 'start_break' },
    { state: 'available', at: at('09:15'), command: 'end_break' },
    { state: 'logged_out', at: at('10:00'), command: 'logout' },
  ] as const;

  it('totals the time spent in each state over a period', () => {
    expect(timeInStates(log, { from: at('07:00'), to: at('11:00') })).toEqual({
      logged_out: 120 * min,
      available: 85 * min,
      on_call: 15 * min,
      wrap_up: 5 * min,
      break: 15 * min,
    });
  });

  it('cuts intervals at the edges of the period and takes the state entered before it', () => {
    expect(timeInStates(log, { from: at('08:10'), to: at('09:05') })).toEqual({
      logged_out: 0,
      available: 35 * min,
      on_call: 10 * min,
      wrap_up: 5 * min,
      break: 5 * min,
    });
    expect(timeInStates([...log].reverse(), { from: at('08:10'), to: at('09:05') }).on_call).toBe(10 * min);
    expect(timeInStates([], { from: at('08:00'), to: at('08:00') }).logged_out).toBe(0);
  });

  it('adds up to the length of the period, and splitting the period splits the totals', () => {
    const change = fc.record({
      state: fc.constantFrom(...AgentState.options),
      at: fc.integer({ min: 0, max: 1_000 }).map((m) => new Date(at('08:00').getTime() + m * min)),
    });
    const minute = fc.integer({ min: -100, max: 1_100 });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), minute, minute, minute, (changes, a, b, c) => {
        const [x, y, z] = [a, b, c]
          .sort((p, q) => p - q)
          .map((m) => new Date(at('08:00').getTime() + m! * min));
        const whole = timeInStates(changes, { from: x!, to: z! });
        const sum = (t: Record<string, number>) => Object.values(t).reduce((s, v) => s + v, 0);
        expect(sum(whole)).toBe(z!.getTime() - x!.getTime());
        const left = timeInStates(changes, { from: x!, to: y! });
        const right = timeInStates(changes, { from: y!, to: z! });
        for (const s of AgentState.options) expect(left[s] + right[s]).toBe(whole[s]);
      }),
    );
  });

  it('refuses a period that ends before it starts, and garbage, as a ValidationError', () => {
    expect(() => timeInStates(log, { from: at('10:00'), to: at('09:00') })).toThrow(
      /to: The period ends before it starts/,
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (l, p) => {
        try {
          timeInStates(l as never, p as never);
        } catch (error) {
          expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        }
      }),
    );
  });
});
