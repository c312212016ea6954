import { z } from 'zod';

/** Calls offered per hour (the arrival rate λ): finite, zero or more. @internal */
export const CallsPerHour = z.number().finite().nonnegative();
/** Average handle time (1/μ) in seconds: finite and positive. @internal */
export const AhtSeconds = z.number().finite().positive();
/** A head count of agents on the phones: a whole number, at least 1. @internal */
export const Agents = z.number().int().min(1).max(1_000_000);
/** The answer-time threshold of a service level in seconds (the `t` of "80% within t"); 20 s unless told. @internal */
export const AnswerThresholdSeconds = z.number().finite().nonnegative().default(20);
/** The callers' mean patience (1/θ) in seconds: finite and positive. @internal */
export const PatienceSeconds = z.number().finite().positive();

/**
 * Offered traffic in Erlangs (forgalom): calls per hour × AHT in hours, `A = λ / μ` — the average number of
 * agents the calls would keep busy if none waited or left.
 * @example
 * trafficErlangs(200, 180) // 10: 200 calls an hour of 3 minutes each
 * @category Staffing
 */
export function trafficErlangs(callsPerHour: number, ahtSeconds: number): number {
  return (callsPerHour * ahtSeconds) / 3600;
}
