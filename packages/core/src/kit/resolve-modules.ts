import { z } from 'zod';
import type { PersonalDataSource } from '../customers/personal-data-source';
import { type FieldIssue, ValidationError } from '../errors/frontline-error';
import type { CollectionDefinition, IndexDefinition } from '../ports/storage';
import { type EventCatalogueEntry, type EventDefinition, payloadJsonSchema } from './define-event';
import type { AnyModule, ModulePolicy } from './define-module';
import type { EventHandler } from './event-handlers';

type Collection = CollectionDefinition<{ id: string }>;

/**
 * The merged plan of a set of modules: what the adapter sees (every collection with every index any module
 * needs on it) and what the root exports (events, permissions, personal-data sources), modules in build order.
 * @category Kit
 */
export interface ModulePlan {
  /** Modules in an order where each comes after those it requires. */
  readonly modules: readonly AnyModule[];
  /** Every collection, its indexes merged with the extension indexes other modules declared on it. */
  readonly collections: readonly Collection[];
  /** Which module owns each index, by `collection/index`. */
  readonly indexOwners: ReadonlyMap<string, string>;
  readonly events: readonly EventCatalogueEntry[];
  readonly permissions: readonly {
    readonly name: string;
    readonly module: string;
    readonly description: string;
  }[];
  readonly personalData: readonly PersonalDataSource[];
  /** Every module's event handlers (`on`), by event type, in build order. */
  readonly handlers: readonly {
    readonly type: string;
    readonly module: string;
    readonly handler: EventHandler;
  }[];
  /** The policy data every module ships, with its source and the module that declares it. */
  readonly policies: readonly (ModulePolicy & { readonly module: string })[];
}

/** Keys of the root object a module id may not take. */
const RESERVED = ['store', 'clock', 'ids', 'plan', 'close', 'then'];

const ModuleShape = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'A module id is camelCase letters and digits')
    .refine((id) => !RESERVED.includes(id), `A module id may not be one of ${RESERVED.join(', ')}`),
  requires: z.array(z.string()).max(50).optional(),
  services: z.custom<() => unknown>((v) => typeof v === 'function', 'services must be a function'),
});

/**
 * Merges modules into one plan, or throws one `ValidationError` listing every conflict (`details.issues`, each
 * with the path of the offending declaration and both modules named): a module registered twice, a collection
 * owned by two modules, an extension on an unknown target, an extension index without its module's prefix or
 * with a name already taken on that collection, a missing or cyclic `requires`, an event or permission
 * declared twice. Pure: it runs before the store opens.
 * @category Kit
 */
export function resolveModules(input: readonly AnyModule[]): ModulePlan {
  const issues: FieldIssue[] = [];
  const problem = (path: (string | number)[], message: string) =>
    issues.push({ path: ['modules', ...path], message, code: 'custom' });

  const byId = new Map<string, { module: AnyModule; at: number }>();
  input.forEach((module, at) => {
    const shape = ModuleShape.safeParse(module);
    if (!shape.success) {
      for (const i of shape.error.issues)
        problem([at, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], i.message);
      return;
    }
    const first = byId.get(module.id);
    if (first)
      problem([at, 'id'], `Module "${module.id}" is registered twice (also at position ${first.at}).`);
    else byId.set(module.id, { module, at });
  });

  const ordered = orderByRequires(byId, problem);

  const collections = new Map<string, { definition: Collection; module: string; key: string }>();
  const byTarget = new Map<string, string>();
  for (const { module, at } of byId.values()) {
    for (const [key, definition] of Object.entries(module.collections ?? {})) {
      const owner = collections.get(definition.name);
      if (owner) {
        problem(
          [at, 'collections', key],
          `Collection "${definition.name}" of module "${module.id}" is already owned by module "${owner.module}".`,
        );
        continue;
      }
      collections.set(definition.name, { definition, module: module.id, key });
      byTarget.set(`${module.id}.${key}`, definition.name);
    }
  }

  const indexOwners = new Map<string, string>();
  const merged = new Map<string, Record<string, IndexDefinition<{ id: string }>>>();
  for (const [name, { definition, module }] of collections) {
    merged.set(name, { ...(definition.indexes ?? {}) });
    for (const index of Object.keys(definition.indexes ?? {})) indexOwners.set(`${name}/${index}`, module);
  }
  for (const { module, at } of byId.values()) {
    for (const [target, extension] of Object.entries(module.extends ?? {})) {
      const name = byTarget.get(target);
      if (name === undefined) {
        problem(
          [at, 'extends', target],
          `Module "${module.id}" extends "${target}", which no registered module declares (expected "<moduleId>.<collectionKey>").`,
        );
        continue;
      }
      const indexes = merged.get(name)!;
      for (const [index, definition] of Object.entries(extension.indexes)) {
        const path = [at, 'extends', target, 'indexes', index];
        const prefix = index.split(':')[0]!;
        if (prefix !== module.id && byId.has(prefix)) {
          problem(path, `Index "${index}" on "${name}" is owned by module "${prefix}", not "${module.id}".`);
          continue;
        }
        if (!index.startsWith(`${module.id}:`) || !/^[a-zA-Z0-9]+:[a-z][a-z0-9_]{0,47}$/.test(index)) {
          problem(path, `Extension index "${index}" must be named "${module.id}:<lower_snake_name>".`);
          continue;
        }
        const owner = indexOwners.get(`${name}/${index}`);
        if (owner !== undefined) {
          problem(path, `Index "${index}" on "${name}" is already owned by module "${owner}".`);
          continue;
        }
        indexOwners.set(`${name}/${index}`, module.id);
        indexes[index] = definition as IndexDefinition<{ id: string }>;
      }
    }
  }

  const events = new Map<string, EventCatalogueEntry>();
  const permissions = new Map<string, { name: string; module: string; description: string }>();
  const policies = new Map<string, ModulePolicy & { module: string }>();
  for (const { module, at } of byId.values()) {
    (module.events ?? []).forEach((event: EventDefinition, i) => {
      const other = events.get(event.type);
      if (other)
        problem([at, 'events', i], `Event "${event.type}" is already declared by module "${other.module}".`);
      else
        events.set(event.type, {
          type: event.type,
          module: module.id,
          description: event.description,
          payloadSchema: payloadJsonSchema(event),
        });
    });
    (module.policies ?? []).forEach((policy, i) => {
      const other = policies.get(policy.id);
      if (other)
        problem(
          [at, 'policies', i],
          `Policy "${policy.id}" is already declared by module "${other.module}".`,
        );
      else if (typeof policy.source !== 'string' || policy.source.trim() === '')
        problem([at, 'policies', i, 'source'], `Policy "${policy.id}" must name its source.`);
      else policies.set(policy.id, { ...policy, module: module.id });
    });
    for (const [name, description] of Object.entries(module.permissions ?? {})) {
      const other = permissions.get(name);
      if (other)
        problem(
          [at, 'permissions', name],
          `Permission "${name}" is already declared by module "${other.module}".`,
        );
      else permissions.set(name, { name, module: module.id, description });
    }
  }

  const handlers: { type: string; module: string; handler: EventHandler }[] = [];
  for (const module of ordered) {
    const at = byId.get(module.id)!.at;
    for (const [type, handler] of Object.entries(module.on ?? {})) {
      if (!events.has(type))
        problem(
          [at, 'on', type],
          `Module "${module.id}" handles "${type}", which no registered module declares; register the module that announces it, or fix the name.`,
        );
      else if (typeof handler !== 'function')
        problem([at, 'on', type], `The handler of "${type}" in module "${module.id}" is not a function.`);
      else handlers.push({ type, module: module.id, handler });
    }
  }

  if (issues.length > 0) {
    const head = issues[0]!.message;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ValidationError(`Invalid modules: ${head}${more}`, issues);
  }

  return Object.freeze({
    modules: ordered,
    collections: [...collections.values()].map(({ definition }) =>
      Object.freeze({ ...definition, indexes: Object.freeze(merged.get(definition.name)!) }),
    ),
    indexOwners,
    events: [...events.values()],
    permissions: [...permissions.values()],
    personalData: ordered.flatMap((m) => m.personalData ?? []),
    handlers,
    policies: [...policies.values()],
  });
}

/** Depth-first order by `requires`, reporting missing modules and cycles. */
function orderByRequires(
  byId: ReadonlyMap<string, { module: AnyModule; at: number }>,
  problem: (path: (string | number)[], message: string) => void,
): AnyModule[] {
  const ordered: AnyModule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const entry = byId.get(id)!;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id].join(' → ');
      problem([entry.at, 'requires'], `Modules require each other in a cycle: ${cycle}.`);
      return;
    }
    state.set(id, 'visiting');
    (entry.module.requires ?? []).forEach((required, i) => {
      if (!byId.has(required))
        problem(
          [entry.at, 'requires', i],
          `Module "${id}" requires module "${required}", which is not registered; add ${required}() to modules.`,
        );
      else visit(required, [...trail, id]);
    });
    state.set(id, 'done');
    ordered.push(entry.module);
  };
  for (const id of byId.keys()) visit(id, []);
  return ordered;
}
