/** `numerator / denominator`, or `null` when the denominator is zero: a KPI of nothing is undefined, never NaN. @internal */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
