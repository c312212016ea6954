/**
 * The waiting part of Palm's M/M/N+M queue as scaled power series. With `x = λ/θ` and `a = Nμ/θ`, the
 * stationary probability of `N + j` callers, relative to `N`, is `t_j = x^j / ((a+1)(a+2)…(a+j))`; the sums of
 * `t_j` (and of `t_j` weighted by `j`, by the chance `a/(a+j+1)` that a caller arriving behind `j` others is
 * answered, and by that caller's mean wait) give every Erlang A figure. `Σ t_j` is the series of the lower
 * incomplete gamma function, `a·e^x·x^{−a}·γ(a, x)` (Mandelbaum & Zeltyn's `A(a, x)`).
 *
 * Terms are formed by their ratio `x/(a+j+1)`, never by powers or factorials, and rescaled by 1e−200 whenever
 * they pass 1e200, so a sum is `value · e^{logScale}` and never overflows. The series stops once terms shrink
 * and the rest of the tail is below 1e−17 of every sum. @internal
 */

const SCALE = 1e200;
const LOG_SCALE = Math.log(SCALE);
const TAIL = 1e-17;
/** Most terms a series may take (an overloaded queue with very patient callers needs about `x − a`). */
export const MAX_SERIES_TERMS = 20_000_000;

/** The sums of the waiting states, all relative to `π_N` and multiplied by `e^{−logScale}`. @internal */
export interface WaitingSums {
  readonly logScale: number;
  /** `Σ t_j` — callers who wait. */
  readonly waiting: number;
  /** `Σ j·t_j` — callers in the queue (Little: abandonment = θ·queue / λ = this / x). */
  readonly queued: number;
  /** `Σ t_j·a/(a+j+1)` — callers who wait and are answered. */
  readonly answered: number;
  /** `Σ t_j·a/(a+j+1)·Σ_{i≤j} 1/(a+1+i)` — θ × their total wait. */
  readonly answeredWait: number;
}

/** True when the series for `x`, `a` would be longer than {@link MAX_SERIES_TERMS}. @internal */
export function seriesTooLong(x: number, a: number): boolean {
  return x - a + 40 * Math.sqrt(x + 1) + 1000 > MAX_SERIES_TERMS;
}

/** The four sums of the waiting part for `x = λ/θ > 0`, `a = Nμ/θ > 0`. @internal */
export function waitingSums(x: number, a: number): WaitingSums {
  let term = 1;
  let logScale = 0;
  let waiting = 0;
  let queued = 0;
  let answered = 0;
  let answeredWait = 0;
  let harmonic = 0;
  for (let j = 0; j < MAX_SERIES_TERMS; j++) {
    const next = a + j + 1;
    const share = a / next;
    harmonic += 1 / next;
    waiting += term;
    queued += j * term;
    answered += term * share;
    answeredWait += term * share * harmonic;
    const ratio = x / next;
    term *= ratio;
    if (term > SCALE) {
      term /= SCALE;
      waiting /= SCALE;
      queued /= SCALE;
      answered /= SCALE;
      answeredWait /= SCALE;
      logScale += LOG_SCALE;
    }
    if (ratio < 1) {
      // terms fall at least geometrically from here on: bound the whole tail
      const tail = (term * (j + 2) * (1 + harmonic + 1 / next)) / (1 - ratio);
      const smallest = Math.min(waiting, queued > 0 ? queued : waiting, answered, answeredWait);
      if (tail <= TAIL * smallest || term === 0) break;
    }
  }
  return { logScale, waiting, queued, answered, answeredWait };
}

/** `log Σ_k y^k / ((b+1)…(b+k))` (Mandelbaum & Zeltyn's `log A(b, y)`) for `y ≥ 0`, `b > 0`. @internal */
export function logIncompleteGammaSeries(y: number, b: number): number {
  let term = 1;
  let sum = 0;
  let logScale = 0;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    sum += term;
    const ratio = y / (b + k + 1);
    term *= ratio;
    if (term > SCALE) {
      term /= SCALE;
      sum /= SCALE;
      logScale += LOG_SCALE;
    }
    if (ratio < 1 && (term / (1 - ratio) <= TAIL * sum || term === 0)) break;
  }
  return Math.log(sum) + logScale;
}

/** `log(e^p + e^q)` without overflow. @internal */
export function logAddExp(p: number, q: number): number {
  if (p === Number.NEGATIVE_INFINITY) return q;
  if (q === Number.NEGATIVE_INFINITY) return p;
  const m = Math.max(p, q);
  if (m === Number.POSITIVE_INFINITY) return m;
  return m + Math.log1p(Math.exp(Math.min(p, q) - m));
}
