import { z } from 'zod';
import { SealedAuditValues } from '../audit/sealed-values';
import { parseInput } from '../errors/validate';
import { type Clock, systemClock } from '../ports/clock';
import { createUuidV7Ids, type IdGenerator } from '../ports/ids';
import type { CollectionDefinition, Store } from '../ports/storage';
import { TenantIdInput } from '../ports/storage-input';
import type { AnyModule, ModuleDefinition } from './define-module';
import { type EventHandler, storeWithEventHandlers } from './event-handlers';
import { type ModulePlan, resolveModules } from './resolve-modules';

/**
 * What {@link createFrontline} takes: the store (memory, PGlite or a PostgreSQL server), optionally the clock
 * and the id generator, and the modules.
 * @category Kit
 */
export interface FrontlineOptions<M extends readonly AnyModule[]> {
  readonly store: Store;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: UUID v7. */
  readonly ids?: IdGenerator;
  readonly modules: M;
  /**
   * The tenant to run for (see `Store.forTenant`); default: the store's own (`'default'` for a store as its factory
   * returns it). A single-company host leaves it out; a CRM vendor serving many companies from one database names
   * one here, or calls {@link Frontline.forTenant} per request.
   */
  readonly tenant?: string;
}

/** The services of each module, by module id. */
export type ServicesOf<M extends readonly AnyModule[]> = {
  readonly [K in M[number] as K['id']]: K extends ModuleDefinition<string, infer S, never> ? S : never;
};

/**
 * A running Frontline: each module's services under its id, the merged plan (collections, index owners,
 * the event catalogue, permissions) and the ports it runs on.
 * @category Kit
 */
export type Frontline<M extends readonly AnyModule[]> = ServicesOf<M> & {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly plan: ModulePlan;
  /** The tenant every service of this instance reads and writes. */
  readonly tenant: string;
  /**
   * The same modules over the same connections for another tenant (its collections registered on first use, then
   * cached): nothing it does reaches this instance's tenant. Cheap after the first call; call it per request.
   * A tenant id outside `TenantIdInput`'s rule fails with a `ValidationError`.
   */
  forTenant(tenant: string): Promise<Frontline<M>>;
  /** Closes the store (every tenant's instance shares it). */
  close(): Promise<void>;
};

const Options = z.object({
  store: z.custom<Store>(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as Store).transaction === 'function' &&
      typeof (s as Store).registerCollections === 'function' &&
      typeof (s as Store).forTenant === 'function',
    'Expected a Frontline store (memory, PGlite or PostgreSQL) with registerCollections and forTenant',
  ),
  clock: z
    .custom<Clock>((c) => typeof (c as Clock | undefined)?.now === 'function', 'Expected a clock')
    .optional(),
  ids: z
    .custom<IdGenerator>(
      (i) => typeof (i as IdGenerator | undefined)?.next === 'function',
      'Expected an id generator',
    )
    .optional(),
  modules: z.array(z.custom<AnyModule>((m) => typeof m === 'object' && m !== null)).min(1),
  tenant: TenantIdInput.optional(),
});

/**
 * The composition root: resolves the modules into one plan (every conflict reported together, before the store
 * is touched), registers the merged collections with the store — which builds and back-fills any index it has
 * not built yet — and builds each module's services in `requires` order.
 * @example
 * const frontline = await createFrontline({ store, modules: [serviceDesk(), complaints({ office, authority, letters })] });
 * const { customer } = await frontline.serviceDesk.customers.registerCustomer({ actor, familyName: 'Kiss', givenNames: ['Anna'] });
 * @category Kit
 */
export async function createFrontline<const M extends readonly AnyModule[]>(
  options: FrontlineOptions<M>,
): Promise<Frontline<M>> {
  const input = parseInput(Options, options, 'Frontline options');
  const plan = resolveModules(options.modules);
  const root = input.store;
  const clock = input.clock ?? systemClock;
  const ids = input.ids ?? createUuidV7Ids();
  // the kernel's own collections (sealed audit values) beside every module's
  const kernel = [SealedAuditValues] as unknown as readonly CollectionDefinition<{ id: string }>[];
  const instances = new Map<string, Promise<Frontline<M>>>();

  const handlerTable = new Map<string, EventHandler[]>();
  for (const { type, handler } of plan.handlers)
    handlerTable.set(type, [...(handlerTable.get(type) ?? []), handler]);

  async function build(tenantStore: Store): Promise<Frontline<M>> {
    const store =
      handlerTable.size === 0
        ? tenantStore
        : storeWithEventHandlers(tenantStore, handlerTable, { clock, ids });
    await store.registerCollections([...kernel, ...plan.collections]);
    const services: Record<string, unknown> = {};
    for (const module of plan.modules) {
      // The resolver checked every `requires`: deps holds exactly the services the module declared it needs.
      const deps = Object.fromEntries((module.requires ?? []).map((id) => [id, services[id]])) as never;
      services[module.id] = module.services({ store, clock, ids, deps, personalData: plan.personalData });
    }
    return Object.freeze({
      ...services,
      store,
      clock,
      ids,
      plan,
      tenant: store.tenant,
      forTenant: async (tenant: string) => instanceFor(parseInput(TenantIdInput, tenant, 'tenant')),
      close: () => root.close(),
    }) as Frontline<M>;
  }

  function instanceFor(tenant: string): Promise<Frontline<M>> {
    let instance = instances.get(tenant);
    if (!instance) {
      instance = build(root.forTenant(tenant));
      instances.set(tenant, instance);
      // a failed registration (a lost connection) is not cached: the next call tries again
      instance.catch(() => instances.delete(tenant));
    }
    return instance;
  }

  return instanceFor(input.tenant ?? root.tenant);
}
