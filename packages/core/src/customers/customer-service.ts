import { parseInput } from '../errors/validate';
import type { Page } from '../kit/read-policy';
import type { ImportInput, ImportResult } from '../kit/run-import';
import { ServicePorts } from '../kit/service-ports';
import type { ServiceDeps } from '../services/domain-events';
import type { ConsentRecord } from './consent';
import { consentStatement } from './consent-commands';
import { customerCommands } from './customer-commands';
import {
  type EnsureCustomerInput,
  type EnsureCustomerResult,
  ensureCustomer,
  type FindByExternalRefInput,
  type FindByNameInput,
  findCustomerByExternalRef,
  findCustomersByName,
} from './customer-directory';
import type {
  AddContactPointInput,
  ConsentStatementInput,
  CustomerQueryInput,
  EraseCustomerInput,
  FindByEmailInput,
  FindByPhoneInput,
  RegisterCustomerInput,
  RemoveContactPointInput,
  UpdateCustomerInput,
} from './customer-inputs';
import { customerQueries } from './customer-queries';
import type {
  ConsentCommandResult,
  CustomerCommandResult,
  CustomerResult,
  EraseCustomerResult,
  ExportPersonalDataResult,
} from './customer-results';
import type { CustomerContext } from './customer-support';
import { eraseCustomer } from './erase-customer';
import { exportPersonalData } from './export-personal-data';
import { type PersonalDataSource, PersonalDataSources } from './personal-data-source';
import { type SweepRetainedInput, type SweepRetainedResult, sweepRetained } from './sweep-retained';

/**
 * The customer service (CS-7): customers and their contact points, consents, masked reads, caller-ID lookup,
 * and the data-subject requests (export, erasure).
 *
 * Every command validates its input (a `ValidationError` names the bad field's path), checks the actor's
 * permission (`ForbiddenError`), runs in one transaction with its audit entries and outbox messages (whose
 * payloads hold ids and field names, never personal data), and stores nothing when it fails; the commands on
 * one customer run on the kit's runner (`expectedVersion` stale → `CONFLICT`). Everything it returns about a
 * customer passes `CustomerReadPolicy`: masked unless the actor holds `customer.read_personal`; only
 * `exportPersonalData` returns the full record. Unknown keys in any input are a `ValidationError`.
 * @category Customers
 */
export interface CustomerService {
  /** Registers a person or an organisation (`customer.write`). Emits `customer.registered.v1`. */
  registerCustomer(input: RegisterCustomerInput): Promise<CustomerCommandResult>;
  /**
   * Bulk registration for host sync (`customer.write`): `rows` is any iterable or async iterable (an array, a
   * generator, a stream) of `registerCustomer` inputs without `actor`, run a batch per transaction (`batchSize`,
   * default 500) with the same rules, audit entries and `customer.registered.v1` events as one `registerCustomer`
   * per row. Refused rows are listed with their position, code and field path; `onProgress` hears after each batch.
   */
  importCustomers(input: ImportInput): Promise<ImportResult>;
  /**
   * Changes fields of a customer made against `expectedVersion` (`customer.write`); `ConflictError` when the
   * customer changed meanwhile. Emits `customer.updated.v1` with the changed field names; changing nothing
   * writes nothing.
   */
  updateCustomer(input: UpdateCustomerInput): Promise<CustomerCommandResult>;
  /** Adds a phone, e-mail or postal address (`customer.write`); a duplicate is a `ConflictError`. Emits `customer.contact_point_added.v1`. */
  addContactPoint(input: AddContactPointInput): Promise<CustomerCommandResult>;
  /**
   * Removes a contact point (`customer.write`). When it was the last one for the preferred channel, the
   * preference is cleared too (`customer.contact_point_removed.v1` says so).
   */
  removeContactPoint(input: RemoveContactPointInput): Promise<CustomerCommandResult>;
  /** Records a consent given for a purpose on a channel (`consent.write`). Emits `consent.granted.v1`. */
  recordConsent(input: ConsentStatementInput): Promise<ConsentCommandResult>;
  /** Records a consent withdrawn (`consent.write`). Emits `consent.withdrawn.v1`. */
  withdrawConsent(input: ConsentStatementInput): Promise<ConsentCommandResult>;
  /** The customer as the actor may see it (`customer.read`; unmasked with `customer.read_personal`). */
  getCustomer(input: CustomerQueryInput): Promise<CustomerResult>;
  /**
   * Caller ID: the customers with this phone number (`customer.read`), masked per actor. Several customers
   * may share a number (a family landline); an array of at most `limit` (default 20, at most 100), not a page:
   * a point lookup of one number, never an inbox.
   */
  findCustomersByPhone(input: FindByPhoneInput): Promise<CustomerResult[]>;
  /** The customers with this e-mail address, case-insensitively (`customer.read`), at most `limit`. */
  findCustomersByEmail(input: FindByEmailInput): Promise<CustomerResult[]>;
  /**
   * The customers whose name starts with `name`, either order, accents optional ("kovacs p" finds Kovács
   * Péter), a page at a time in name order (`customer.read`, masked per actor).
   */
  findCustomersByName(input: FindByNameInput): Promise<Page<CustomerResult>>;
  /** The customer with the host's customer number (`customer.read`), or `null`. */
  findCustomerByExternalRef(input: FindByExternalRefInput): Promise<CustomerResult | null>;
  /**
   * Host sync by the host's customer number (`customer.write` + `customer.read`): registers it when new,
   * else updates the name fields that differ; never two customers for one number.
   */
  ensureCustomer(input: EnsureCustomerInput): Promise<EnsureCustomerResult>;
  /** The customer's consent history, oldest first (`customer.read`); kept after erasure. */
  getConsentHistory(input: CustomerQueryInput): Promise<ConsentRecord[]>;
  /**
   * Everything held on the data subject, as JSON (`customer.export`): the record, the consent history, the
   * audit trail and each personal-data source's part. Emits `customer.personal_data_exported.v1`.
   */
  exportPersonalData(input: CustomerQueryInput): Promise<ExportPersonalDataResult>;
  /**
   * Erases the data subject (`customer.erase`): withdraws standing consents, lets each personal-data source
   * erase its part, and leaves a restricted stub, reporting what was kept and why (see
   * `CustomerRetentionRules`). Emits `consent.withdrawn.v1` for each grant and `customer.erased.v1`.
   */
  eraseCustomer(input: EraseCustomerInput): Promise<EraseCustomerResult>;
  /**
   * Removes what erasures retained once its day has passed (`customer.erase`): consent histories, customer stubs
   * and the sources' retained records (complaint files), each streamed over an index by due date; idempotent.
   * Run it daily; run it again while `more` is true.
   */
  sweepRetained(input: SweepRetainedInput): Promise<SweepRetainedResult>;
}

/**
 * Ports of {@link createCustomerService}: the store, clock and ids, and the personal-data sources other areas
 * register (see {@link PersonalDataSource}).
 * @category Customers
 */
export interface CustomerServiceDeps extends ServiceDeps {
  personalDataSources?: readonly PersonalDataSource[];
}

/**
 * Creates the customer service on the given ports: the commands (`customer-commands.ts`, `consent-commands.ts`,
 * the data-subject requests) and the reads (`customer-queries.ts`, `customer-directory.ts`) wired together.
 * @example
 * const customers = createCustomerService({ store, clock, ids, personalDataSources: [interactionsSource] });
 * const { customer } = await customers.registerCustomer({
 *   actor, familyName: 'Kiss', givenNames: ['Anna'],
 *   contactPoints: [{ kind: 'phone', value: '06 30 123 4567' }, { kind: 'email', value: 'kiss.anna@example.hu' }],
 *   preferredChannel: 'email',
 * });
 * const callers = await customers.findCustomersByPhone({ actor, phone: '+36301234567' });
 * @category Customers
 */
export function createCustomerService(deps: CustomerServiceDeps): CustomerService {
  parseInput(ServicePorts, deps, 'customer service ports');
  // validated, but the host's own objects are kept: a parsed copy would lose their methods' `this`
  parseInput(PersonalDataSources.optional(), deps.personalDataSources, 'personal-data sources');
  const sources = [...(deps.personalDataSources ?? [])];
  const ctx: CustomerContext = { deps: { store: deps.store, clock: deps.clock, ids: deps.ids }, sources };
  const commands = customerCommands(ctx);
  const service: CustomerService = {
    ...commands,
    recordConsent: (raw) => consentStatement(ctx, 'granted', raw),
    withdrawConsent: (raw) => consentStatement(ctx, 'withdrawn', raw),
    ...customerQueries(ctx),
    findCustomersByName: (raw) => findCustomersByName(deps.store, raw),
    findCustomerByExternalRef: (raw) => findCustomerByExternalRef(deps.store, raw),
    ensureCustomer: (raw) => ensureCustomer(deps.store, commands, raw),
    exportPersonalData: (raw) => exportPersonalData(ctx, raw),
    eraseCustomer: (raw) => eraseCustomer(ctx, raw),
    sweepRetained: (raw) => sweepRetained(ctx, raw),
  };
  return service;
}
