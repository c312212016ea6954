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
      if (!Number.isFinite(ms)) throw new RangeError('advance(ms) needs a finite number');
      current += ms;
    },
  };
}

function toTime(value: Date | string): number {
  const t = (typeof value === 'string' ? new Date(value) : value).getTime();
  if (Number.isNaN(t)) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return t;
}
