import { z } from 'zod';
import { parseInput } from '../errors/validate';

/**
 * Where "now" comes from. Domain code never calls `new Date()`; it asks the clock, so tests can fix time.
 * @category Ports
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The real clock of the machine.
 * @category Ports
 */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock a test sets and moves by hand. */
export interface FixedClock extends Clock {
  /** Moves the clock to `instant`. */
  set(instant: Date | string): void;
  /** Moves the clock forward by `ms` milliseconds (backward when negative). */
  advance(ms: number): void;
}

/**
 * A clock that stands still until moved; for tests and replays.
 * @example
 * const clock = createFixedClock('2026-03-02T08:00:00Z');
 * clock.advance(60_000);
 * @category Ports
 */
export function createFixedClock(start: Date | string): FixedClock {
  let current = toTime(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = toTime(instant);
    },
    advance: (ms) => {
      current = toTime(new Date(current + parseInput(z.number().finite(), ms, 'milliseconds')));
    },
  };
}

const ClockInstant = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))])
  .pipe(z.date());

function toTime(value: Date | string): number {
  return parseInput(ClockInstant, value, 'instant').getTime();
}
