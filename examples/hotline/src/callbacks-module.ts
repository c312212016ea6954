/**
 * A module of your own, built the one way Frontline's modules are built: a callback request a caller leaves
 * when the queue is long. It declares its collection, an index on the service desk's customers, its
 * permission and its typed event; its state changes run on `defineMachine` and the one command runner; its
 * read takes the actor. The README's "Your own module" shows this file.
 */
import {
  Actor,
  defineCollection,
  defineEvent,
  defineMachine,
  defineModule,
  EntityId,
  emit,
  Instant,
  type ModuleContext,
  type ReadPolicy,
  readById,
  runCommand,
  runCreate,
} from '@frontline/core';
import type { ServiceDeskServices } from '@frontline/core/service-desk';
import { z } from 'zod';

const CallbackStatus = z.enum(['requested', 'done', 'cancelled']);
const Callback = z.object({
  id: EntityId,
  customerId: EntityId,
  dueAt: Instant,
  status: CallbackStatus,
  updatedAt: Instant,
});
type Callback = z.infer<typeof Callback>;

const Callbacks = defineCollection<Callback>({
  name: 'callbacks',
  schema: Callback,
  indexes: { due_at: { key: (c) => (c.status === 'requested' ? c.dueAt.toISOString() : null) } },
});

/** The machine: a request is done or cancelled once; both need the module's permission. */
export const callbackMachine = defineMachine({
  name: 'callback',
  states: CallbackStatus,
  commands: z.enum(['complete', 'cancel']),
  context: z.object({}).default({}),
  guards: {},
  transitions: [
    { from: 'requested', command: 'complete', to: 'done', guards: [], permission: 'callback.work' },
    { from: 'requested', command: 'cancel', to: 'cancelled', guards: [], permission: 'callback.work' },
  ],
});

export const CallbackRequested = defineEvent({
  type: 'callback.requested.v1',
  description: 'A caller asked to be called back by `dueAt`.',
  payload: z.object({ customerId: z.string(), dueAt: z.iso.datetime() }),
});
export const CallbackClosed = defineEvent({
  type: 'callback.closed.v1',
  description: 'A callback request was completed or cancelled.',
  payload: z.object({ status: CallbackStatus }),
});

const readPolicy: ReadPolicy<Callback> = { what: 'callback', anyOf: ['callback.work'] };

/** The module: `frontline.callbacks.request(...)`, `.complete(...)`, `.get(...)`. */
export const callbacks = () =>
  defineModule({
    id: 'callbacks',
    requires: ['serviceDesk'],
    collections: { callbacks: Callbacks },
    // an index this module needs on another module's collection: customers by their first given name
    extends: {
      'serviceDesk.customers': {
        indexes: {
          'callbacks:given_name': { key: (c: { givenNames: string[] }) => c.givenNames[0] ?? null },
        },
      },
    },
    permissions: { 'callback.work': 'Take and work callback requests.' },
    events: [CallbackRequested, CallbackClosed],
    services: ({ store, clock, ids, deps }: ModuleContext<{ serviceDesk: ServiceDeskServices }>) => {
      const ports = { store, clock, ids };
      return {
        request: (raw: unknown) =>
          runCreate(
            ports,
            {
              name: 'callback request',
              input: z.strictObject({ actor: Actor, customerId: EntityId, dueAt: Instant }),
              collection: Callbacks,
              permission: 'callback.work',
              // another module's public service, never its repository — before the unit of work
              prepare: (input, actor) =>
                deps.serviceDesk.customers.getCustomer({ actor, customerId: input.customerId }),
              create: async ({ input, at }) => {
                const entity: Callback = {
                  id: ids.next(),
                  customerId: input.customerId,
                  dueAt: input.dueAt,
                  status: 'requested',
                  updatedAt: at,
                };
                const about = { entityType: 'callback', entityId: entity.id };
                return {
                  entity,
                  events: [
                    emit(CallbackRequested, about, {
                      customerId: entity.customerId,
                      dueAt: entity.dueAt.toISOString(),
                    }),
                  ],
                };
              },
            },
            raw,
          ),
        complete: (raw: unknown) =>
          runCommand(
            ports,
            {
              name: 'callback completion',
              input: z.strictObject({
                actor: Actor,
                id: EntityId,
                expectedVersion: z.int().min(1).optional(),
              }),
              collection: Callbacks,
              id: (input) => input.id,
              permission: 'callback.work',
              updatedAt: (c) => c.updatedAt,
              execute: ({ current, at }) => {
                const row = callbackMachine.decide(current.data.status, 'complete', undefined);
                const entity = { ...current.data, status: row.to, updatedAt: at };
                const about = { entityType: 'callback', entityId: entity.id };
                return { entity, events: [emit(CallbackClosed, about, { status: row.to })] };
              },
            },
            raw,
          ),
        get: (raw: unknown) => readById(store, Callbacks, readPolicy, raw),
      };
    },
  });
