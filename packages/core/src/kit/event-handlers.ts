import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { NewOutboxMessage, Outbox } from '../ports/outbox';
import type { Store } from '../ports/storage';

/**
 * One event as a handler sees it: the type (`interaction.recorded.v1`), the entity it is about, who acted and the
 * event's facts (its payload, as the outbox message carries it).
 * @category Kit
 */
export interface HandledEvent {
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly actor: string;
  readonly data: unknown;
}

/**
 * What an event handler receives besides the events: the unit of work that records them (write only your own
 * module's collections through it), the clock and the id generator.
 * @category Kit
 */
export interface EventHandlerContext {
  readonly tx: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * A module's handler of other modules' (or its own) events, by event type, in {@link ModuleDefinition.on}. It runs
 * **inside the unit of work that records the events**, after they are enqueued: what it writes commits with them
 * or not at all, so it sees every event exactly once and never one that rolled back. Keep it small — it is on the
 * recording command's path — and write only the module's own collections (derived data such as KPI roll-up marks);
 * work that calls another module's services belongs in a worker that claims the outbox.
 * @category Kit
 */
export type EventHandler = (events: readonly HandledEvent[], context: EventHandlerContext) => Promise<void>;

/** The handlers of a composition root, by event type, in module order. @internal */
export type EventHandlerTable = ReadonlyMap<string, readonly EventHandler[]>;

const EventMessage = z.object({
  entityType: z.string(),
  entityId: z.string(),
  actor: z.string(),
  data: z.unknown(),
});

/** The messages of `messages` that a handler of `table` takes, grouped by handler, in table order. */
function dispatch(table: EventHandlerTable, messages: readonly NewOutboxMessage[]) {
  const byHandler = new Map<EventHandler, HandledEvent[]>();
  for (const message of messages) {
    const handlers = table.get(message.topic);
    if (handlers === undefined) continue;
    // a message a host enqueued by hand under an event's topic, not in the event's shape, is not an event
    const parsed = EventMessage.safeParse(message.payload);
    if (!parsed.success) continue;
    const event: HandledEvent = { type: message.topic, ...parsed.data };
    for (const handler of handlers) {
      const list = byHandler.get(handler);
      if (list) list.push(event);
      else byHandler.set(handler, [event]);
    }
  }
  return byHandler;
}

/**
 * `target` with the members of `own` in place of its own: a proxy over an empty object (so a frozen adapter's
 * invariants do not bind it), every other member read from `target` with its methods bound to it.
 */
function overlay<T extends object>(target: T, own: Record<string | symbol, unknown>): T {
  const bound = new Map<string | symbol, { of: unknown; fn: unknown }>();
  return new Proxy(Object.create(null) as T, {
    get: (_, prop) => {
      if (Object.hasOwn(own, prop)) return own[prop];
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      // one bound function a method (the hot path calls `repository` many times a command)
      const known = bound.get(prop);
      if (known?.of === value) return known.fn;
      const fn = value.bind(target);
      bound.set(prop, { of: value, fn });
      return fn;
    },
    has: (_, prop) => Object.hasOwn(own, prop) || Reflect.has(target, prop),
  });
}

/**
 * The store the modules of a composition root work through when any module handles events: the same store, whose
 * outbox runs the handlers of each enqueued event inside the enqueuing unit of work (an enqueue outside a
 * transaction becomes one). Everything else is the store itself. `createFrontline` wraps the store with it; a host
 * never needs to.
 * @internal
 */
export function storeWithEventHandlers(
  store: Store,
  table: EventHandlerTable,
  ports: { clock: Clock; ids: IdGenerator },
): Store {
  const wrap = (target: Store, inTransaction: boolean): Store => {
    const enqueue = async (messages: readonly NewOutboxMessage[]): Promise<string[]> => {
      if (!inTransaction) return target.transaction((tx) => wrap(tx, true).outbox.enqueue(messages));
      const stored = await target.outbox.enqueue(messages);
      for (const [handler, events] of dispatch(table, messages)) {
        await handler(events, { tx: target, ...ports });
      }
      return stored;
    };
    return overlay(target, {
      outbox: overlay<Outbox>(target.outbox, { enqueue }),
      transaction: <R>(work: (tx: Store) => Promise<R>) => target.transaction((tx) => work(wrap(tx, true))),
      forTenant: (tenant: string) => wrap(target.forTenant(tenant), inTransaction),
    });
  };
  return wrap(store, false);
}
