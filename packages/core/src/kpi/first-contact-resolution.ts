import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * First-contact resolution: figures and rate.
 * @category KPIs
 */
export interface FirstContactResolution {
  /** `met / decided`; `null` when nothing is decided. */
  rate: number | null;
  /** Contacts resolved with no re-contact of the customer within the window. */
  met: number;
  /** Contacts counted and decided: `eligible − pending`. */
  decided: number;
  /** Resolved contacts whose window is still open (see `settleFirstContacts`). */
  pending: number;
}

/**
 * First-contact resolution (FCR, első kapcsolatfelvételre megoldott): of the inbound answered contacts of known
 * customers, the share resolved during the contact **and** not followed by another inbound contact of the same
 * customer (any channel, queue or agent; answered or not) within the grouping's re-contact window, i.e. in
 * `(offeredAt, offeredAt + window]`. A resolved contact whose window has not passed in the data is `pending` and
 * left out of the rate until a later partial re-contacts it or `settleFirstContacts` decides it.
 * Outbound contacts neither count nor re-contact.
 * @example
 * firstContactResolution(totals) // { rate: 0.75, met: 3, decided: 4, pending: 1 }
 * @category KPIs
 */
export function firstContactResolution(totals: KpiTotals): FirstContactResolution {
  const f = totals.firstContact;
  const decided = f.eligible - f.pending;
  return { rate: ratio(f.met, decided), met: f.met, decided, pending: f.pending };
}
