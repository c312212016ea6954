import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { ConflictError, NotFoundError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { type Actor, requirePermission } from '../kernel/actor';
import type { Page } from '../kit/read-policy';
import type { Stored } from '../ports/storage';
import { recordEvents, type ServiceDeps } from '../services/domain-events';
import type { ConsentRecord } from './consent';
import { consentHistoryOf, consentStatement } from './consent-commands';
import { contactPointKey, isChannelReachable } from './contact-point';
import type { Customer } from './customer.schema';
import { CustomerCollection } from './customer-collections';
import {
  type EnsureCustomerInput,
  type EnsureCustomerResult,
  ensureCustomer,
  type FindByExternalRefInput,
  type FindByNameInput,
  findCustomerByExternalRef,
  findCustomersByName,
} from './customer-directory';
import {
  AddContactPointInput,
  type AddContactPointInput as AddContactPointInputType,
  type ConsentStatementInput,
  CustomerQueryInput,
  type CustomerQueryInput as CustomerQueryInputType,
  type EraseCustomerInput,
  FindByEmailInput,
  type FindByEmailInput as FindByEmailInputType,
  FindByPhoneInput,
  type FindByPhoneInput as FindByPhoneInputType,
  RegisterCustomerInput,
  type RegisterCustomerInput as RegisterCustomerInputType,
  RemoveContactPointInput,
  type RemoveContactPointInput as RemoveContactPointInputType,
  UpdateCustomerInput,
  type UpdateCustomerInput as UpdateCustomerInputType,
} from './customer-inputs';
import type {
  ConsentCommandResult,
  CustomerCommandResult,
  CustomerResult,
  EraseCustomerResult,
  ExportPersonalDataResult,
} from './customer-results';
import {
  type CustomerContext,
  checkCustomer,
  customerEvent,
  invalid,
  loadCustomer,
  requireActive,
  requireVersion,
} from './customer-support';
import { eraseCustomer } from './erase-customer';
import { exportPersonalData } from './export-personal-data';
import { calendarDateIn } from './local-date';
import { viewFor } from './personal-data';
import { type PersonalDataSource, PersonalDataSources } from './personal-data-source';
import { type SweepRetainedInput, type SweepRetainedResult, sweepRetained } from './sweep-retained';

/**
 * The customer service (CS-7): customers and their contact points, consents, masked reads, caller-ID lookup,
 * and the data-subject requests (export, erasure).
 *
 * Every command validates its input (a `ValidationError` names the bad field's path), checks the actor's
 * permission (`ForbiddenError`), runs in one transaction with its audit entries and outbox messages (whose
 * payloads hold ids and field names, never personal data), and stores nothing when it fails. Everything it
 * returns about a customer is masked unless the actor holds `customer.read_personal`; only
 * `exportPersonalData` returns the full record.
 * @category Customers
 */
export interface CustomerService {
  /** Registers a person or an organisation (`customer.write`). Emits `customer.registered`. */
  registerCustomer(input: RegisterCustomerInputType): Promise<CustomerCommandResult>;
  /**
   * Changes fields of a customer made against `expectedVersion` (`customer.write`); `ConflictError` when the
   * customer changed meanwhile. Emits `customer.updated` with the changed field names; changing nothing
   * writes nothing.
   */
  updateCustomer(input: UpdateCustomerInputType): Promise<CustomerCommandResult>;
  /** Adds a phone, e-mail or postal address (`customer.write`); a duplicate is a `ConflictError`. */
  addContactPoint(input: AddContactPointInputType): Promise<CustomerCommandResult>;
  /**
   * Removes a contact point (`customer.write`). When it was the last one for the preferred channel, the
   * preference is cleared too (the event says so).
   */
  removeContactPoint(input: RemoveContactPointInputType): Promise<CustomerCommandResult>;
  /** Records a consent given for a purpose on a channel (`consent.write`). Emits `consent.granted`. */
  recordConsent(input: ConsentStatementInput): Promise<ConsentCommandResult>;
  /** Records a consent withdrawn (`consent.write`). Emits `consent.withdrawn`. */
  withdrawConsent(input: ConsentStatementInput): Promise<ConsentCommandResult>;
  /** The customer as the actor may see it (`customer.read`; unmasked with `customer.read_personal`). */
  getCustomer(input: CustomerQueryInputType): Promise<CustomerResult>;
  /**
   * Caller ID: the customers with this phone number (`customer.read`), at most `limit`, masked per actor.
   * Several customers may share a number (a family landline).
   */
  findCustomersByPhone(input: FindByPhoneInputType): Promise<CustomerResult[]>;
  /** The customers with this e-mail address, case-insensitively (`customer.read`). */
  findCustomersByEmail(input: FindByEmailInputType): Promise<CustomerResult[]>;
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
  getConsentHistory(input: CustomerQueryInputType): Promise<ConsentRecord[]>;
  /**
   * Everything held on the data subject, as JSON (`customer.export`): the record, the consent history, the
   * audit trail and each personal-data source's part. Emits `customer.personal_data_exported`.
   */
  exportPersonalData(input: CustomerQueryInputType): Promise<ExportPersonalDataResult>;
  /**
   * Erases the data subject (`customer.erase`): withdraws standing consents, lets each personal-data source
   * erase its part, and leaves a restricted stub, reporting what was kept and why (see
   * `CustomerRetentionRules`). Emits `consent.withdrawn` for each grant and `customer.erased`.
   */
  eraseCustomer(input: EraseCustomerInput): Promise<EraseCustomerResult>;
  /**
   * Removes what erasures retained once its day has passed (`customer.erase`): consent histories, customer stubs
   * and the sources' retained records (complaint files), each streamed over an index by due date; idempotent.
   * Run it daily; run it again while `more` is true.
   */
  sweepRetained(input: SweepRetainedInput): Promise<SweepRetainedResult>;
}

const hasFunction = (name: string) => (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[name] === 'function';

/** What a service factory checks of its ports (it keeps the objects it was given). */
export const ServiceDepsShape = z.object({
  store: z.custom<ServiceDeps['store']>(hasFunction('transaction'), 'store must be a Frontline Store'),
  clock: z.custom<ServiceDeps['clock']>(hasFunction('now'), 'clock must have now()'),
  ids: z.custom<ServiceDeps['ids']>(hasFunction('next'), 'ids must have next()'),
});

/**
 * Ports of {@link createCustomerService}: the store, clock and ids, and the personal-data sources other areas
 * register (see {@link PersonalDataSource}).
 * @category Customers
 */
export interface CustomerServiceDeps extends ServiceDeps {
  personalDataSources?: readonly PersonalDataSource[];
}

const withOptional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/**
 * Creates the customer service on the given ports.
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
  parseInput(ServiceDepsShape, deps, 'customer service ports');
  // validated, but the host's own objects are kept: a parsed copy would lose their methods' `this`
  parseInput(PersonalDataSources.optional(), deps.personalDataSources, 'personal-data sources');
  const sources = [...(deps.personalDataSources ?? [])];
  const ctx: CustomerContext = { deps: { store: deps.store, clock: deps.clock, ids: deps.ids }, sources };
  const customers = () => deps.store.repository(CustomerCollection);
  const results = (rows: Stored<Customer>[], actor: Actor) =>
    rows.map((row) => ({ customer: viewFor(row.data, actor), version: row.version }));

  const service: CustomerService = {
    async registerCustomer(raw) {
      const input = parseInput(RegisterCustomerInput, raw, 'customer');
      const actor = requirePermission(input.actor, Permissions.customerWrite);
      const now = deps.clock.now();
      const today = calendarDateIn(now, input.timeZone);
      if (input.birthDate !== undefined && input.birthDate > today) {
        throw invalid('customer', ['birthDate'], 'A birth date cannot be in the future');
      }
      const customer = checkCustomer(
        {
          id: input.id ?? deps.ids.next(),
          kind: input.kind,
          status: 'active',
          ...withOptional('familyName', input.familyName),
          givenNames: input.givenNames,
          ...withOptional('organisationName', input.organisationName),
          contactPoints: input.contactPoints.map((point) => ({ id: deps.ids.next(), ...point })),
          ...withOptional('preferredChannel', input.preferredChannel),
          locale: input.locale,
          timeZone: input.timeZone,
          ...withOptional('birthDate', input.birthDate),
          segmentTags: input.segmentTags,
          consentState: [],
          customerSince: input.customerSince ?? today,
          ...withOptional('externalRef', input.externalRef),
          ...withOptional('taxNumber', input.taxNumber),
          createdAt: now,
          updatedAt: now,
        },
        [],
        'customer',
      );
      return deps.store.transaction(async (tx) => {
        const stored = await tx.repository(CustomerCollection).insert(customer);
        const events = [
          customerEvent('customer.registered', customer.id, {
            kind: customer.kind,
            contactPoints: customer.contactPoints.map((p) => ({ id: p.id, kind: p.kind })),
          }),
        ];
        await recordEvents(tx, deps.clock, actor.id, events);
        return { customer: viewFor(stored.data, actor), version: stored.version, events };
      });
    },

    async updateCustomer(raw) {
      const input = parseInput(UpdateCustomerInput, raw, 'customer update');
      const actor = requirePermission(input.actor, Permissions.customerWrite);
      const now = deps.clock.now();
      return deps.store.transaction(async (tx) => {
        const current = await loadCustomer(tx, input.customerId);
        requireActive(current.data, 'update');
        requireVersion(current, input.expectedVersion, input.customerId);
        const next: Record<string, unknown> = { ...current.data };
        for (const [key, value] of Object.entries(input.changes)) {
          if (value === undefined) continue;
          if (value === null) delete next[key];
          else next[key] = value;
        }
        const before: Record<string, unknown> = current.data;
        const changed = Object.keys(input.changes).filter(
          (key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]),
        );
        if (changed.length === 0) {
          return { customer: viewFor(current.data, actor), version: current.version, events: [] };
        }
        const birthDate = next.birthDate;
        if (typeof birthDate === 'string' && birthDate > calendarDateIn(now, String(next.timeZone))) {
          throw invalid('customer update', ['changes', 'birthDate'], 'A birth date cannot be in the future');
        }
        const updated = checkCustomer({ ...next, updatedAt: now }, ['changes'], 'customer update');
        const stored = await tx.repository(CustomerCollection).update(updated, current.version);
        const events = [customerEvent('customer.updated', input.customerId, { fields: changed.sort() })];
        await recordEvents(tx, deps.clock, actor.id, events);
        return { customer: viewFor(stored.data, actor), version: stored.version, events };
      });
    },

    async addContactPoint(raw) {
      const input = parseInput(AddContactPointInput, raw, 'contact point');
      const actor = requirePermission(input.actor, Permissions.customerWrite);
      const now = deps.clock.now();
      return deps.store.transaction(async (tx) => {
        const current = await loadCustomer(tx, input.customerId);
        requireActive(current.data, 'add_contact_point');
        requireVersion(current, input.expectedVersion, input.customerId);
        const point = { id: deps.ids.next(), ...input.contactPoint };
        const key = contactPointKey(point);
        if (current.data.contactPoints.some((p) => contactPointKey(p) === key)) {
          throw new ConflictError(
            `customer "${input.customerId}" already has this ${point.kind} contact point.`,
            {
              details: { entity: 'customer', id: input.customerId, kind: point.kind },
            },
          );
        }
        const updated = checkCustomer(
          { ...current.data, contactPoints: [...current.data.contactPoints, point], updatedAt: now },
          [],
          'contact point',
        );
        const stored = await tx.repository(CustomerCollection).update(updated, current.version);
        const events = [
          customerEvent('customer.contact_point_added', input.customerId, {
            contactPointId: point.id,
            kind: point.kind,
          }),
        ];
        await recordEvents(tx, deps.clock, actor.id, events);
        return { customer: viewFor(stored.data, actor), version: stored.version, events };
      });
    },

    async removeContactPoint(raw) {
      const input = parseInput(RemoveContactPointInput, raw, 'contact point removal');
      const actor = requirePermission(input.actor, Permissions.customerWrite);
      const now = deps.clock.now();
      return deps.store.transaction(async (tx) => {
        const current = await loadCustomer(tx, input.customerId);
        requireActive(current.data, 'remove_contact_point');
        requireVersion(current, input.expectedVersion, input.customerId);
        const removed = current.data.contactPoints.find((p) => p.id === input.contactPointId);
        if (!removed) throw new NotFoundError('contact point', input.contactPointId);
        const contactPoints = current.data.contactPoints.filter((p) => p.id !== removed.id);
        const preferred = current.data.preferredChannel;
        const clearPreferred = preferred !== undefined && !isChannelReachable(preferred, contactPoints);
        const { preferredChannel: _dropped, ...rest } = current.data;
        const updated = checkCustomer(
          { ...(clearPreferred ? rest : current.data), contactPoints, updatedAt: now },
          [],
          'contact point removal',
        );
        const stored = await tx.repository(CustomerCollection).update(updated, current.version);
        const events = [
          customerEvent('customer.contact_point_removed', input.customerId, {
            contactPointId: removed.id,
            kind: removed.kind,
            preferredChannelCleared: clearPreferred,
          }),
        ];
        await recordEvents(tx, deps.clock, actor.id, events);
        return { customer: viewFor(stored.data, actor), version: stored.version, events };
      });
    },

    recordConsent: (raw) => consentStatement(ctx, 'granted', raw),
    withdrawConsent: (raw) => consentStatement(ctx, 'withdrawn', raw),

    async getCustomer(raw) {
      const input = parseInput(CustomerQueryInput, raw, 'customer query');
      const actor = requirePermission(input.actor, Permissions.customerRead);
      const found = await customers().find(input.customerId);
      if (!found) throw new NotFoundError('customer', input.customerId);
      return { customer: viewFor(found.data, actor), version: found.version };
    },

    async findCustomersByPhone(raw) {
      const input = parseInput(FindByPhoneInput, raw, 'caller-ID lookup');
      const actor = requirePermission(input.actor, Permissions.customerRead);
      const rows: Stored<Customer>[] = [];
      for await (const row of customers().query({
        index: 'phone',
        equals: input.phone,
        limit: input.limit,
      })) {
        rows.push(row);
      }
      return results(rows, actor);
    },

    async findCustomersByEmail(raw) {
      const input = parseInput(FindByEmailInput, raw, 'e-mail lookup');
      const actor = requirePermission(input.actor, Permissions.customerRead);
      const rows: Stored<Customer>[] = [];
      const key = input.email.toLowerCase();
      for await (const row of customers().query({ index: 'email', equals: key, limit: input.limit })) {
        rows.push(row);
      }
      return results(rows, actor);
    },

    async getConsentHistory(raw) {
      const input = parseInput(CustomerQueryInput, raw, 'consent history query');
      requirePermission(input.actor, Permissions.customerRead);
      if (!(await customers().find(input.customerId))) throw new NotFoundError('customer', input.customerId);
      return consentHistoryOf(deps.store, input.customerId);
    },

    exportPersonalData: (raw) => exportPersonalData(ctx, raw),
    eraseCustomer: (raw) => eraseCustomer(ctx, raw),
    sweepRetained: (raw) => sweepRetained(ctx, raw),
    findCustomersByName: (raw) => findCustomersByName(deps.store, raw),
    findCustomerByExternalRef: (raw) => findCustomerByExternalRef(deps.store, raw),
    ensureCustomer: (raw) => ensureCustomer(deps.store, service, raw),
  };
  return service;
}
