import { z } from 'zod';
import { NotFoundError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { BUDAPEST } from '../kernel/time-zone';
import { complaintAnswerDueAt, complaintWarningAt } from './answer-deadline';

/**
 * A complaint-handling policy as data, per country and sector: the answer deadline, when to warn before it,
 * how long a closed case may be reopened and how long its case file is kept.
 *
 * Telecom and financial services may set their own deadlines by adding a policy for their sector; the
 * default is Hungarian consumer law.
 * @category Complaints
 */
export const ComplaintPolicy = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_.-]{0,49}$/),
  /** ISO 3166-1 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** The sector it applies to (`consumer`, `telecom`, `financial`); `consumer` is the fallback. */
  sector: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/),
  /** Calendar days from receipt within which the written answer is due. */
  answerDays: z.int().min(1).max(365),
  /** Days before the deadline when a warning goes out. */
  warningDays: z.int().min(0).max(365),
  /** Days after closing during which the complaint may be reopened. */
  reopenDays: z.int().min(0).max(3650),
  /** Years the case file (minutes, answer) is kept after closing. */
  retentionYears: z.int().min(1).max(100),
  /** The legal basis, for people. */
  legalBasis: z.string().max(500),
});
/** @category Complaints */
export type ComplaintPolicy = z.infer<typeof ComplaintPolicy>;

/**
 * The default policy: Hungarian consumer law. The business answers a written complaint in writing within
 * 30 days of receipt and keeps the minutes and a copy of the answer for five years (Fgytv. — 1997. évi CLV.
 * törvény a fogyasztóvédelemről — 17/A. § (7)). Warns 5 days before the deadline; a closed case may be
 * reopened within 30 days.
 * @category Complaints
 */
export const HUNGARIAN_CONSUMER_POLICY: ComplaintPolicy = Object.freeze({
  id: 'hu.consumer',
  country: 'HU',
  sector: 'consumer',
  answerDays: 30,
  warningDays: 5,
  reopenDays: 30,
  retentionYears: 5,
  legalBasis: 'Fgytv. 17/A. § (7): written answer within 30 days; minutes and answer kept for 5 years',
});

/**
 * The policy for a country and sector from `policies`: the exact match, else the country's `consumer` policy,
 * else a `NotFoundError`.
 * @example
 * selectComplaintPolicy([HUNGARIAN_CONSUMER_POLICY], 'HU', 'telecom').answerDays // 30
 * @category Complaints
 */
export function selectComplaintPolicy(
  policies: readonly ComplaintPolicy[],
  country: string,
  sector: string,
): ComplaintPolicy {
  const list = parseInput(z.array(ComplaintPolicy), policies, 'complaint policies');
  const c = parseInput(z.string(), country, 'country');
  const s = parseInput(z.string(), sector, 'sector');
  const found =
    list.find((p) => p.country === c && p.sector === s) ??
    list.find((p) => p.country === c && p.sector === 'consumer');
  if (!found) throw new NotFoundError('complaint policy', `${c}/${s}`);
  return found;
}

/**
 * The answer deadline and the warning instant for a complaint received at `receivedAt`, in calendar days of
 * the office's time zone (default `Europe/Budapest`), as the law counts them: due at the end of the local day
 * `answerDays` after the local day of receipt (see {@link complaintAnswerDueAt}); the warning `warningDays`
 * calendar days earlier.
 * @example
 * complaintDeadlines(new Date('2026-03-03T22:30:00Z'), HUNGARIAN_CONSUMER_POLICY).dueAt
 * // 2026-04-02T21:59:59.999Z — the end of 2 April in Budapest
 * @category Complaints
 */
export function complaintDeadlines(
  receivedAt: Date | string,
  policy: ComplaintPolicy,
  timeZone: string = BUDAPEST,
): { dueAt: Date; warnAt: Date } {
  const at = parseInput(Instant, receivedAt, 'received at');
  const p = parseInput(ComplaintPolicy, policy, 'complaint policy');
  const dueAt = complaintAnswerDueAt(at, p.answerDays, timeZone);
  return { dueAt, warnAt: complaintWarningAt(at, dueAt, p.warningDays, timeZone) };
}

/**
 * Until when the case file of a complaint closed at `closedAt` is kept: `retentionYears` calendar years later
 * (Fgytv. 17/A. § (7): five years by default).
 * @category Complaints
 */
export function complaintRetainUntil(closedAt: Date | string, policy: ComplaintPolicy): Date {
  const at = parseInput(Instant, closedAt, 'closed at');
  const p = parseInput(ComplaintPolicy, policy, 'complaint policy');
  const until = new Date(at.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + p.retentionYears);
  return until;
}
