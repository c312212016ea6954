import type { DomainEvent } from '../services/domain-events';
import type { ConsentRecord, ConsentStatus } from './consent';
import type { CustomerView } from './personal-data';
import type { RetainedRecords } from './personal-data-source';

/**
 * A customer as a query returns it: the view the actor may see, and the version to send back with a change.
 * @category Customers
 */
export interface CustomerResult {
  readonly customer: CustomerView;
  readonly version: number;
}

/**
 * What a customer command returns: the new state (as the actor may see it), its version and the events it
 * recorded (each also an audit entry and an outbox message).
 * @category Customers
 */
export interface CustomerCommandResult extends CustomerResult {
  readonly events: readonly DomainEvent[];
}

/**
 * What `recordConsent` and `withdrawConsent` return: the history record written, the status it leaves for its
 * purpose and channel, the customer's new version and the events.
 * @category Customers
 */
export interface ConsentCommandResult {
  readonly consent: ConsentRecord;
  readonly status: ConsentStatus;
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

/**
 * Everything Frontline holds on a data subject (GDPR Art. 15 access, Art. 20 portability), JSON throughout
 * (instants as ISO strings).
 * @category Customers
 */
export interface PersonalDataExport {
  /** The format's name and version. */
  readonly format: 'frontline.personal-data-export/1';
  readonly exportedAt: string;
  readonly customerId: string;
  /** The customer record, unmasked. */
  readonly customer: Record<string, unknown>;
  /** Every consent statement, oldest first. */
  readonly consentHistory: Record<string, unknown>[];
  /**
   * What was done with the record and when (event type, time, facts). The acting agents' ids are left out:
   * the right of access covers the processing, not the identity of each employee (CJEU C-579/21).
   */
  readonly auditTrail: { at: string; type: string; data: unknown }[];
  /** Each registered personal-data source's part, by source name. */
  readonly sources: Record<string, unknown>;
}

/**
 * What `exportPersonalData` returns.
 * @category Customers
 */
export interface ExportPersonalDataResult {
  readonly export: PersonalDataExport;
  readonly events: readonly DomainEvent[];
}

/**
 * The account of an erasure, to answer the data subject: what was blanked, what was kept, until when and why.
 * @category Customers
 */
export interface ErasureReport {
  readonly customerId: string;
  readonly erasedAt: Date;
  /** The customer fields blanked (their paths, as in `CustomerDataClassification`). */
  readonly blanked: readonly string[];
  /** What the customer service kept, restricted, with the law and the date it may go. */
  readonly kept: readonly { what: string; basis: string; until: string }[];
  /** Grants the erasure withdrew (recorded with source `erasure`). */
  readonly withdrawnConsents: number;
  /** Each personal-data source's own account. */
  readonly sources: readonly { name: string; anonymised: number; retained: readonly RetainedRecords[] }[];
}

/**
 * What `eraseCustomer` returns: the stub left, its version, the report and the events.
 * @category Customers
 */
export interface EraseCustomerResult extends CustomerCommandResult {
  readonly report: ErasureReport;
}
