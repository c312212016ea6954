import type { z } from 'zod';
import { ConflictError, ForbiddenError, FrontlineError, StorageError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput, hasPermission, type Permission, requirePermission } from '../kernel/actor';
import type { CollectionDefinition, Store, Stored } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';

/** How many times a command without `expectedVersion` is re-run after losing a race (the first run included). */
export const COMMAND_ATTEMPTS = 3;

/**
 * What a command's `execute` sees: the validated input, the authorized actor, the entity as loaded (with its
 * version), the time of the command (never before the entity's last change) and the unit of work.
 * @category Kit
 */
export interface CommandContext<T, I> {
  readonly input: I;
  readonly actor: Actor;
  readonly current: Stored<T>;
  readonly at: Date;
  readonly tx: Store;
  /** What the command's `prepare` step returned (`undefined` without one). */
  readonly prepared: unknown;
}

/**
 * What a command decided: the entity to save and the events to record. No events means nothing changed: the
 * entity is not saved and nothing is audited (an idempotent repeat).
 * @category Kit
 */
export interface CommandOutcome<T, X = unknown> {
  readonly entity: T;
  readonly events: readonly DomainEvent[];
  /** Anything else the command returns beside the saved entity (an evaluation, a rendered letter …). */
  readonly extra?: X;
}

/**
 * One command on one aggregate, as data for {@link runCommand}.
 * @category Kit
 */
export interface AggregateCommand<T extends { id: string }, S extends z.ZodType, X = unknown> {
  /** What the input is, for messages (`"ticket escalation"`). */
  readonly name: string;
  /** The input schema; it must hold `actor` (and, optionally, `expectedVersion`). Use strict objects. */
  readonly input: S;
  readonly collection: CollectionDefinition<T>;
  /**
   * The id of the aggregate the input names; an aggregate found by another key (an agent's open session) is
   * looked up here, inside the unit of work.
   */
  readonly id: (input: z.output<S>, tx: Store) => string | Promise<string>;
  /**
   * The permission checked before anything is read (a list: any one of them); the machine row may ask for more
   * inside `execute`.
   */
  readonly permission: Permission | readonly Permission[] | null;
  /** When the aggregate records its last change, so a command's time never runs backwards. */
  readonly updatedAt?: (entity: T) => Date;
  /**
   * How many times the command is decided when it keeps losing races (no `expectedVersion`), the first run
   * included; default {@link COMMAND_ATTEMPTS}. Raise it only for a command whose unit of work also writes an
   * aggregate many commands share (a customer's compensation ledger): each lost race there means another
   * command committed, so N concurrent writers need up to N attempts to all get through.
   */
  readonly attempts?: number;
  /**
   * Runs after authorization and before the unit of work: the place to call another module's services (they
   * open their own unit of work — calling them inside this one would wait for it forever on a single-connection
   * store). Its result is `prepared` in `execute`.
   */
  readonly prepare?: (input: z.output<S>, actor: Actor) => Promise<unknown>;
  readonly execute: (
    context: CommandContext<T, z.output<S>>,
  ) => Promise<CommandOutcome<T, X>> | CommandOutcome<T, X>;
}

/**
 * What {@link runCommand} returns: the entity as saved, its version, the events recorded with it and the
 * command's extra result.
 * @category Kit
 */
export interface CommandResult<T, X = unknown> {
  readonly entity: T;
  readonly version: number;
  readonly events: readonly DomainEvent[];
  readonly extra: X | undefined;
}

/** Validates the actor and checks it holds the permission (or one of the list), else `FORBIDDEN`. */
export function authorize(
  actorInput: ActorInput,
  permission: Permission | readonly Permission[] | null,
): Actor {
  if (permission === null) return parseInput(Actor, actorInput, 'actor');
  if (typeof permission === 'string') return requirePermission(actorInput, permission);
  const actor = parseInput(Actor, actorInput, 'actor');
  if (permission.some((p) => hasPermission(actor, p))) return actor;
  throw new ForbiddenError(`${actor.id} lacks the permission "${permission.join('" or "')}".`, {
    details: { actorId: actor.id, permission: permission.join(' | '), roles: actor.roles },
  });
}

/** A lost race on a version (not a taken unique key or a business rule that answers CONFLICT). */
const isVersionConflict = (error: unknown): error is FrontlineError =>
  FrontlineError.is(error, 'CONFLICT') && error.details.expectedVersion !== undefined;

/**
 * A transaction the database aborted before it committed — for a concurrent one (serialization failure, deadlock)
 * or because its connection was lost — is safe to redo (`details.retryable`; an adapter never marks a commit whose
 * outcome is unknown).
 */
export const isRetryable = (error: unknown): error is FrontlineError =>
  FrontlineError.is(error) && error.details.retryable === true;

/** A short, growing, jittered pause before a retry, so a burst of failures does not retry in lockstep. */
export const retryPause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.random() * 20));

/**
 * The one command runner: validate the input (zod) → authorize the actor → in one unit of work: load the
 * aggregate with its version → let the command decide (usually through its machine) → save with the expected
 * version → append the audit entries → enqueue the typed events.
 *
 * **Version conflicts, one policy.** A caller that sends `expectedVersion` decided on what it saw: a
 * mismatch (now, or a concurrent writer at save) fails with `CONFLICT` and nothing is stored — reload and
 * ask again. A caller that sends none asks for the command on the current state: on a concurrent change the
 * runner reloads and decides again, up to {@link COMMAND_ATTEMPTS} times (or the command's `attempts`), then fails with `CONFLICT`
 * (`details.attempts`). A transaction the database aborted before it committed (`details.retryable`: a
 * serialization failure, a deadlock, a lost connection) is redone after a short jittered pause, within the same
 * attempts, whichever the caller sent; a commit whose outcome is unknown is never redone. Either way a failed
 * command leaves storage as it was.
 * @category Kit
 */
export async function runCommand<T extends { id: string }, S extends z.ZodType, X = unknown>(
  deps: ServiceDeps,
  command: AggregateCommand<T, S, X>,
  raw: unknown,
): Promise<CommandResult<T, X>> {
  const input = parseInput(command.input, raw, command.name) as z.output<S> & {
    actor: ActorInput;
    expectedVersion?: number;
  };
  const actor = authorize(input.actor, command.permission);
  const prepared = await command.prepare?.(input, actor);
  const expected = input.expectedVersion;
  const attempts = command.attempts ?? COMMAND_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const repo = tx.repository(command.collection);
        const current = await repo.get(await command.id(input, tx));
        if (expected !== undefined && current.version !== expected) {
          throw new ConflictError(
            `${command.name}: the ${command.collection.name} "${current.data.id}" changed (version ${current.version}, not ${expected}). Reload it and try again.`,
            { details: { id: current.data.id, expectedVersion: expected, actualVersion: current.version } },
          );
        }
        const now = deps.clock.now();
        const last = command.updatedAt?.(current.data);
        const at = last !== undefined && last > now ? last : now;
        const outcome = await command.execute({ input, actor, current, at, tx, prepared });
        if (outcome.events.length === 0) {
          return { entity: current.data, version: current.version, events: [], extra: outcome.extra };
        }
        const saved = await repo.update(outcome.entity, current.version);
        await recordEvents(tx, deps.clock, actor.id, outcome.events);
        return { entity: saved.data, version: saved.version, events: outcome.events, extra: outcome.extra };
      });
    } catch (error) {
      const aborted = isRetryable(error);
      const lostRace = aborted || (isVersionConflict(error) && expected === undefined);
      if (!lostRace) throw error;
      if (attempt >= attempts) {
        const options = { details: { ...error.details, attempts }, cause: error };
        const message = `${error.message} Gave up after ${attempts} attempts.`;
        throw FrontlineError.is(error, 'CONFLICT')
          ? new ConflictError(message, options)
          : new StorageError(message, options);
      }
      if (aborted) await retryPause(attempt);
    }
  }
}

/**
 * What a creation decided: the new aggregate and its events, or the aggregate that already stands for this
 * request (`existing`: returned as it is, nothing stored or audited).
 * @category Kit
 */
export type CreateOutcome<T, X = unknown> =
  | CommandOutcome<T, X>
  | { readonly existing: Stored<T>; readonly extra?: X };

/**
 * A command that creates an aggregate, as data for {@link runCreate}.
 * @category Kit
 */
export interface CreateCommand<T extends { id: string }, S extends z.ZodType, X = unknown> {
  readonly name: string;
  readonly input: S;
  readonly collection: CollectionDefinition<T>;
  readonly permission: Permission | readonly Permission[] | null;
  /** As {@link AggregateCommand.prepare}: other modules' services are called here, before the unit of work. */
  readonly prepare?: (input: z.output<S>, actor: Actor) => Promise<unknown>;
  /** Builds the aggregate, or names the one that exists already (an idempotent repeat: nothing is written). */
  readonly create: (
    context: Omit<CommandContext<T, z.output<S>>, 'current'>,
  ) => Promise<CreateOutcome<T, X>> | CreateOutcome<T, X>;
}

/**
 * The runner for creations: validate → authorize → in one unit of work: build the aggregate → insert it (a taken
 * id or unique key is a `CONFLICT`, never retried) → audit → typed events. A transaction the database aborted
 * before it committed (`details.retryable`) is redone, as in {@link runCommand}.
 * @category Kit
 */
export async function runCreate<T extends { id: string }, S extends z.ZodType, X = unknown>(
  deps: ServiceDeps,
  command: CreateCommand<T, S, X>,
  raw: unknown,
): Promise<CommandResult<T, X>> {
  const input = parseInput(command.input, raw, command.name) as z.output<S> & { actor: ActorInput };
  const actor = authorize(input.actor, command.permission);
  const prepared = await command.prepare?.(input, actor);
  const attempts = COMMAND_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const outcome = await command.create({ input, actor, at: deps.clock.now(), tx, prepared });
        if ('existing' in outcome) {
          const { existing } = outcome;
          return { entity: existing.data, version: existing.version, events: [], extra: outcome.extra };
        }
        const saved = await tx.repository(command.collection).insert(outcome.entity);
        await recordEvents(tx, deps.clock, actor.id, outcome.events);
        return { entity: saved.data, version: saved.version, events: outcome.events, extra: outcome.extra };
      });
    } catch (error) {
      // a transaction the database aborted before it committed stored nothing: build and insert again
      if (!isRetryable(error) || attempt >= attempts) throw error;
      await retryPause(attempt);
    }
  }
}
