import type { PersonalDataSource } from '../customers/personal-data-source';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { CollectionDefinition, IndexDefinition, Store } from '../ports/storage';
import type { EventDefinition } from './define-event';
import type { EventHandler } from './event-handlers';

// biome-ignore lint/suspicious/noExplicitAny: a collection of any entity type; each module keeps its own types.
type AnyCollection = CollectionDefinition<any>;
// biome-ignore lint/suspicious/noExplicitAny: an index on another module's entity, typed by that module.
type AnyIndex = IndexDefinition<any>;

/**
 * Policy data a module ships — legal deadlines, public holidays, conciliation boards — with where it comes from,
 * so a host can list what it runs on (`frontline.plan.policies`) and check it against its source.
 * @category Kit
 */
export interface ModulePolicy {
  /** Dotted, unique in a composition root (`hu.consumer.complaints`). */
  readonly id: string;
  readonly description: string;
  /** The law, decree or list the data comes from, and on what terms it is shipped. */
  readonly source: string;
  /** The day the data describes, when it is dated (ISO date). */
  readonly asOf?: string;
  readonly data: unknown;
}

/**
 * What a module's `services` function receives: the ports, the public services of the modules it `requires`
 * (never their repositories), and every module's personal-data sources (so erasure reaches all of them).
 * @category Kit
 */
export interface ModuleContext<Deps> {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The services of the modules named in `requires`, by module id. */
  readonly deps: Deps;
  /** The personal-data sources every registered module declares, in registration order. */
  readonly personalData: readonly PersonalDataSource[];
}

/**
 * A module: plain data the composition root merges before the store opens, and one function that builds its
 * services. See `../shared/DESIGN.md` ("Modules on one composition root").
 * @category Kit
 */
export interface ModuleDefinition<Id extends string = string, Services = unknown, Deps = unknown> {
  /** camelCase, unique in a composition root; the key of its services on the root and in `deps`. */
  readonly id: Id;
  /** The modules whose services this one uses; they are built first. */
  readonly requires?: readonly string[];
  /** The collections the module owns, by a key other modules use to extend them (`serviceDesk.customers`). */
  readonly collections?: Readonly<Record<string, AnyCollection>>;
  /**
   * Indexes this module needs on other modules' collections, by target (`"<moduleId>.<collectionKey>"`).
   * Each index name carries this module's prefix (`campaigns:birth_md`): the index belongs to the module that
   * queries it, and every adapter maintains it whichever module writes the entity.
   */
  readonly extends?: Readonly<Record<string, { readonly indexes: Readonly<Record<string, AnyIndex>> }>>;
  /** The permissions the module's commands and reads check, with what each allows. */
  readonly permissions?: Readonly<Record<string, string>>;
  /** The typed, versioned events the module announces. */
  readonly events?: readonly EventDefinition[];
  /**
   * Handlers of events by type (`'interaction.recorded.v1'`: any registered module's event), each run inside the
   * unit of work that records the event, so it sees each event exactly once (see {@link EventHandler}).
   */
  readonly on?: Readonly<Record<string, EventHandler>>;
  /** The policy data the module ships, each with its source. */
  readonly policies?: readonly ModulePolicy[];
  /** Where the module keeps personal data, for export and erasure. */
  readonly personalData?: readonly PersonalDataSource[];
  /** Builds the module's public services. */
  readonly services: (context: ModuleContext<Deps>) => Services;
}

/**
 * Any module, whatever its services and dependencies: what the composition root and the resolver take.
 * @category Kit
 */
export type AnyModule = ModuleDefinition<string, unknown, never>;

/**
 * Declares a module. A value, not a side effect: nothing is registered until `createFrontline` resolves the
 * modules it is given, all together.
 * @example
 * export const campaigns = () => defineModule({
 *   id: 'campaigns', requires: ['serviceDesk'],
 *   collections: { campaigns: Campaigns },
 *   extends: { 'serviceDesk.customers': { indexes: { 'campaigns:birth_md': { key: (c) => monthDay(c.birthDate) } } } },
 *   services: ({ store, clock, deps }) => createCampaignService({ store, clock, customers: deps.serviceDesk.customers }),
 * });
 * @category Kit
 */
export function defineModule<const Id extends string, Services, Deps = unknown>(
  definition: ModuleDefinition<Id, Services, Deps>,
): ModuleDefinition<Id, Services, Deps> {
  return Object.freeze({ ...definition });
}
