/**
 * The commands on a customer's own record (internal): registration, changes and contact points, each on the
 * kit's runner with its typed event.
 */
import { Permissions } from '../agents/permissions';
import { ConflictError, NotFoundError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Actor } from '../kernel/actor';
import { type CreateCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import { ImportInput, type ImportOptions, type ImportResult, runImport } from '../kit/run-import';
import { contactPointKey, isChannelReachable } from './contact-point';
import type { Customer } from './customer.schema';
import { CustomerCollection } from './customer-collections';
import { type CustomerCommandSpec, customerResult, runCustomerCommand } from './customer-command';
import {
  aboutCustomer,
  CustomerContactPointAdded,
  CustomerContactPointRemoved,
  CustomerRegistered,
  CustomerUpdated,
} from './customer-events';
import {
  AddContactPointInput,
  CustomerChanges,
  RegisterCustomerInput,
  RemoveContactPointInput,
  UpdateCustomerInput,
} from './customer-inputs';
import type { CustomerCommandResult } from './customer-results';
import { type CustomerContext, checkCustomer, invalid, requireActive } from './customer-support';
import { calendarDateIn } from './local-date';

const withOptional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

const FUTURE_BIRTH = 'A birth date cannot be in the future';

const updateCustomer: CustomerCommandSpec<typeof UpdateCustomerInput, undefined> = {
  name: 'customer update',
  input: UpdateCustomerInput,
  permission: Permissions.customerWrite,
  execute: ({ input, current, at }) => {
    requireActive(current.data, 'update');
    const next: Record<string, unknown> = { ...current.data };
    for (const [key, value] of Object.entries(input.changes)) {
      if (value === undefined) continue;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    const before: Record<string, unknown> = current.data;
    const changed = CustomerChanges.keyof()
      .options.filter((key) => key in input.changes)
      .filter((key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]));
    if (changed.length === 0) return { entity: current.data, events: [] };
    const birthDate = next.birthDate;
    if (typeof birthDate === 'string' && birthDate > calendarDateIn(at, String(next.timeZone))) {
      throw invalid('customer update', ['changes', 'birthDate'], FUTURE_BIRTH);
    }
    const entity = checkCustomer({ ...next, updatedAt: at }, ['changes'], 'customer update');
    const fields = [...changed].sort();
    return { entity, events: [emit(CustomerUpdated, aboutCustomer(entity.id), { fields })] };
  },
};

const removeContactPoint: CustomerCommandSpec<typeof RemoveContactPointInput, undefined> = {
  name: 'contact point removal',
  input: RemoveContactPointInput,
  permission: Permissions.customerWrite,
  execute: ({ input, current, at }) => {
    requireActive(current.data, 'remove_contact_point');
    const removed = current.data.contactPoints.find((p) => p.id === input.contactPointId);
    if (!removed) throw new NotFoundError('contact point', input.contactPointId);
    const contactPoints = current.data.contactPoints.filter((p) => p.id !== removed.id);
    const preferred = current.data.preferredChannel;
    const cleared = preferred !== undefined && !isChannelReachable(preferred, contactPoints);
    const { preferredChannel: _dropped, ...rest } = current.data;
    const entity = checkCustomer(
      { ...(cleared ? rest : current.data), contactPoints, updatedAt: at },
      [],
      'contact point removal',
    );
    const payload = { contactPointId: removed.id, kind: removed.kind, preferredChannelCleared: cleared };
    return { entity, events: [emit(CustomerContactPointRemoved, aboutCustomer(entity.id), payload)] };
  },
};

/** The commands on a customer's record, by name. */
export function customerCommands(ctx: CustomerContext) {
  const { ids } = ctx.deps;

  const addContactPoint: CustomerCommandSpec<typeof AddContactPointInput, undefined> = {
    name: 'contact point',
    input: AddContactPointInput,
    permission: Permissions.customerWrite,
    execute: ({ input, current, at }) => {
      requireActive(current.data, 'add_contact_point');
      const point = { id: ids.next(), ...input.contactPoint };
      const key = contactPointKey(point);
      if (current.data.contactPoints.some((p) => contactPointKey(p) === key)) {
        throw new ConflictError(
          `customer "${input.customerId}" already has this ${point.kind} contact point.`,
          {
            details: { entity: 'customer', id: input.customerId, kind: point.kind },
          },
        );
      }
      const contactPoints = [...current.data.contactPoints, point];
      const entity = checkCustomer({ ...current.data, contactPoints, updatedAt: at }, [], 'contact point');
      const payload = { contactPointId: point.id, kind: point.kind };
      return { entity, events: [emit(CustomerContactPointAdded, aboutCustomer(entity.id), payload)] };
    },
  };

  /** Registration: a new customer, its id and contact point ids assigned here. */
  const register = {
    name: 'customer',
    input: RegisterCustomerInput,
    collection: CustomerCollection,
    permission: Permissions.customerWrite,
    create: ({ input, actor, at }) => {
      const today = calendarDateIn(at, input.timeZone);
      if (input.birthDate !== undefined && input.birthDate > today) {
        throw invalid('customer', ['birthDate'], FUTURE_BIRTH);
      }
      const entity = checkCustomer(
        {
          id: input.id ?? ids.next(),
          kind: input.kind,
          status: 'active',
          ...withOptional('familyName', input.familyName),
          givenNames: input.givenNames,
          ...withOptional('organisationName', input.organisationName),
          contactPoints: input.contactPoints.map((point) => ({ id: ids.next(), ...point })),
          ...withOptional('preferredChannel', input.preferredChannel),
          locale: input.locale,
          timeZone: input.timeZone,
          ...withOptional('birthDate', input.birthDate),
          segmentTags: input.segmentTags,
          consentState: [],
          customerSince: input.customerSince ?? today,
          ...withOptional('externalRef', input.externalRef),
          ...withOptional('taxNumber', input.taxNumber),
          createdAt: at,
          updatedAt: at,
        },
        [],
        'customer',
      );
      const payload = {
        kind: entity.kind,
        contactPoints: entity.contactPoints.map((p) => ({ id: p.id, kind: p.kind })),
      };
      const events = [emit(CustomerRegistered, aboutCustomer(entity.id), payload)];
      return { entity, events, extra: { actor, value: undefined } };
    },
  } satisfies CreateCommand<Customer, typeof RegisterCustomerInput, { actor: Actor; value: undefined }>;

  return {
    async registerCustomer(raw: unknown): Promise<CustomerCommandResult> {
      return customerResult(await runCreate(ctx.deps, register, raw));
    },
    /** Bulk registration for host sync (see `runImport`): the rows are `registerCustomer` inputs without `actor`. */
    async importCustomers(raw: unknown): Promise<ImportResult> {
      const input = parseInput(ImportInput, raw, 'customer import');
      // the actor as the caller sent it: each row's input is checked with it, as the single command checks it
      const { actor } = raw as { actor: ImportOptions['actor'] };
      return runImport(ctx.deps, register, input.rows, { ...input, actor });
    },
    updateCustomer: async (raw: unknown) =>
      customerResult(await runCustomerCommand(ctx, updateCustomer, raw)),
    addContactPoint: async (raw: unknown) =>
      customerResult(await runCustomerCommand(ctx, addContactPoint, raw)),
    removeContactPoint: async (raw: unknown) =>
      customerResult(await runCustomerCommand(ctx, removeContactPoint, raw)),
  };
}
