import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { ContactChannel } from './contact-point';

/**
 * Why Frontline may contact a customer: `service` (about their own contracts and cases), `marketing`
 * (offers, newsletters — GDPR Art. 6(1)(a), Grt. 6. §), `profiling` (segmenting and scoring, Art. 22).
 * @category Customers
 */
export const ConsentPurpose = z.enum(['service', 'marketing', 'profiling']);
/** @category Customers */
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/**
 * The channel a consent covers; the same vocabulary as {@link ContactChannel}.
 * @category Customers
 */
export const ConsentChannel = ContactChannel;
/** @category Customers */
export type ConsentChannel = ContactChannel;

/**
 * What a consent event did: gave consent or withdrew it (hozzájárulás megadása / visszavonása).
 * @category Customers
 */
export const ConsentAction = z.enum(['granted', 'withdrawn']);
/** @category Customers */
export type ConsentAction = z.infer<typeof ConsentAction>;

/**
 * Where a consent statement came from, lower-case with hyphens: `call`, `web-form`, `paper`, `email`,
 * `branch`, `app`, `import`; Frontline itself writes `erasure` when an erasure withdraws every consent.
 * @category Customers
 */
export const ConsentSource = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'A consent source is lower-case words with hyphens, e.g. "web-form"');
/** @category Customers */
export type ConsentSource = z.infer<typeof ConsentSource>;

/**
 * One entry of a customer's consent history — append-only, never changed, kept after erasure as the proof
 * of lawful processing (GDPR Art. 7(1): the controller must be able to demonstrate consent).
 *
 * `at` is when the customer made the statement (a paper form may be recorded days later); `recordedAt` and
 * `recordedBy` are when and by whom it was entered. `evidenceRef` points to the proof (a call recording id,
 * the registry number — iktatószám — of a scanned form, a web-form submission id).
 * @category Customers
 */
export const ConsentRecord = z.object({
  id: EntityId,
  customerId: EntityId,
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  action: ConsentAction,
  at: Instant,
  recordedAt: Instant,
  recordedBy: z.string().min(1).max(200),
  source: ConsentSource,
  evidenceRef: z.string().trim().min(1).max(500).optional(),
});
/** @category Customers */
export type ConsentRecord = z.output<typeof ConsentRecord>;

/**
 * What {@link consentStatus} reads from each history entry (a full {@link ConsentRecord} fits).
 * @category Customers
 */
export const ConsentEvent = z.object({
  id: z.string().min(1).max(200).optional(),
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  action: ConsentAction,
  at: Instant,
  recordedAt: Instant.optional(),
});
/** @category Customers */
export type ConsentEvent = z.input<typeof ConsentEvent>;

/**
 * The answer of {@link consentStatus}.
 * @category Customers
 */
export interface ConsentStatus {
  /** True only when the latest statement at the instant is a grant. */
  readonly allowed: boolean;
  /** `none` when nothing was said about this purpose and channel by then. */
  readonly state: ConsentAction | 'none';
  /** When the deciding statement was made, or `null`. */
  readonly since: Date | null;
  /** The deciding record's id, when the history carries ids. */
  readonly recordId: string | null;
}

type ParsedEvent = z.output<typeof ConsentEvent>;

/**
 * Orders two statements: the later `at` wins; on a tie the later `recordedAt`; on a further tie a withdrawal
 * wins, so doubt never turns into permission.
 */
export function compareConsentEvents(a: ParsedEvent, b: ParsedEvent): number {
  const byAt = a.at.getTime() - b.at.getTime();
  if (byAt !== 0) return byAt;
  const byRecorded = (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0);
  if (byRecorded !== 0) return byRecorded;
  return (a.action === 'withdrawn' ? 1 : 0) - (b.action === 'withdrawn' ? 1 : 0);
}

const StatusInput = z.object({
  history: z.array(ConsentEvent).max(100_000),
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  at: Instant,
});

/**
 * Whether a customer may be contacted for `purpose` on `channel` at instant `at`, from their consent history.
 *
 * The latest statement made at or before `at` decides (statements made later are not yet known at `at`);
 * ties are broken by recording time, then in favour of withdrawal. No statement means no consent. The
 * history may be in any order. Pure: same input, same answer.
 * @example
 * consentStatus(history, 'marketing', 'email', new Date('2026-03-02T08:00:00Z'))
 * // { allowed: true, state: 'granted', since: 2026-01-10T09:12:00.000Z, recordId: 'c-17' }
 * @category Customers
 */
export function consentStatus(
  history: readonly ConsentEvent[],
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  at: Date | string,
): ConsentStatus {
  const input = parseInput(StatusInput, { history, purpose, channel, at }, 'consent status query');
  let latest: ParsedEvent | undefined;
  for (const event of input.history) {
    if (event.purpose !== input.purpose || event.channel !== input.channel) continue;
    if (event.at.getTime() > input.at.getTime()) continue;
    if (latest === undefined || compareConsentEvents(event, latest) > 0) latest = event;
  }
  if (latest === undefined) return { allowed: false, state: 'none', since: null, recordId: null };
  return {
    allowed: latest.action === 'granted',
    state: latest.action,
    since: latest.at,
    recordId: latest.id ?? null,
  };
}
