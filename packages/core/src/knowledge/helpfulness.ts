import { z } from 'zod';
import { parseInput } from '../errors/validate';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Z = z.number().positive().max(10);

/** The unvalidated core of {@link wilsonLowerBound}, for the search hot path. */
export function wilsonRaw(positive: number, total: number, z = 1.96): number {
  if (total <= 0) return 0;
  const p = positive / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
  return Math.max(0, (centre - spread) / (1 + z2 / total));
}

/** The unvalidated core of {@link helpfulnessBoost}, for the search hot path. */
export function helpfulnessBoostRaw(helpful: number, notHelpful: number): number {
  const total = helpful + notHelpful;
  if (total <= 0) return 1;
  return 1 + (wilsonRaw(helpful, total) - wilsonRaw(notHelpful, total)) / 2;
}

/**
 * The lower bound of the Wilson score interval for a proportion: how large the true share of `positive`
 * among `total` is at least, with the confidence `z` stands for (1.96 ≈ 95 %). Few votes give a low bound,
 * so one lucky vote does not beat a long record. `0` when there are no votes.
 *
 * `(p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)` with `p̂ = positive / total`, `n = total`.
 * @example wilsonLowerBound(9, 10) // ≈ 0.596
 * @category Knowledge
 */
export function wilsonLowerBound(positive: number, total: number, z = 1.96): number {
  const n = parseInput(Count, total, 'total');
  const k = parseInput(Count.max(n), positive, 'positive');
  return wilsonRaw(k, n, parseInput(Z, z, 'z'));
}

/**
 * The factor by which helpful / not-helpful votes move an article's search score:
 *
 * `boost = 1 + (W(helpful, n) − W(notHelpful, n)) / 2`, where `n = helpful + notHelpful` and `W` is
 * {@link wilsonLowerBound} at 95 %.
 *
 * It is exactly 1 without votes (a new article is neither promoted nor buried), tends to 1.5 for an article
 * many agents found helpful and to 0.5 for one many found useless, and stays near 1 while votes are few or
 * split. Relevance still leads: the factor can at most triple the ratio between two scores.
 * @example helpfulnessBoost(0, 0) // 1
 * @example helpfulnessBoost(20, 1) // ≈ 1.37
 * @category Knowledge
 */
export function helpfulnessBoost(helpful: number, notHelpful: number): number {
  return helpfulnessBoostRaw(
    parseInput(Count, helpful, 'helpful'),
    parseInput(Count, notHelpful, 'notHelpful'),
  );
}
