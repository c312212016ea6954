import type { z } from 'zod';
import { FrontlineError, InvalidTransitionError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';

/**
 * A condition a transition may need besides the state: what it requires, for people, and the test, for the
 * machine.
 * @category Kit
 */
export interface MachineGuard<Context> {
  readonly description: string;
  readonly test: (context: Context) => boolean;
}

/**
 * One row of a transition table: in `from`, `command` leads to `to` when every guard holds, for an actor with
 * `permission` (`null`: any identified actor). A machine's rows may carry more fields (a ticket row names the
 * tier it moves to).
 * @category Kit
 */
export interface MachineTransition<
  S extends string = string,
  C extends string = string,
  G extends string = string,
> {
  readonly from: S;
  readonly command: C;
  readonly to: S;
  readonly guards: readonly G[];
  readonly permission: string | null;
}

/**
 * What {@link defineMachine} takes: the states and commands as zod enums, the guard context schema, the guards
 * by name and the table.
 * @category Kit
 */
export interface MachineDefinition<
  S extends string,
  C extends string,
  G extends string,
  Ctx extends z.ZodType,
  R extends MachineTransition<S, C, G>,
> {
  /** The machine's name, used in errors (`ticket`, `complaint`, `agent_session` …). */
  readonly name: string;
  readonly states: z.ZodType<S> & { readonly options: readonly S[] };
  readonly commands: z.ZodType<C> & { readonly options: readonly C[] };
  /** The schema of what the guards look at; validated before any guard runs. */
  readonly context: Ctx;
  readonly guards: { readonly [K in G]: MachineGuard<z.output<Ctx>> };
  readonly transitions: readonly R[];
}

/**
 * A machine as plain data, for a host to draw or explain: no functions, JSON-serialisable.
 * @category Kit
 */
export interface MachineDescription {
  readonly name: string;
  readonly states: readonly string[];
  readonly commands: readonly string[];
  readonly guards: readonly { readonly name: string; readonly description: string }[];
  readonly transitions: readonly MachineTransition[];
}

/**
 * A state machine made by {@link defineMachine}: the table as data and the one engine that reads it.
 * @category Kit
 */
export interface Machine<
  S extends string,
  C extends string,
  G extends string,
  Ctx extends z.ZodType,
  R extends MachineTransition<S, C, G>,
> {
  readonly name: string;
  readonly states: readonly S[];
  readonly commands: readonly C[];
  readonly guards: { readonly [K in G]: MachineGuard<z.output<Ctx>> };
  /** Every allowed `state × command → state`, frozen, in table order. */
  readonly transitions: readonly R[];
  /**
   * The row for `command` in `state`: the first whose guards all hold. Throws an `InvalidTransitionError`
   * naming the machine, state and command when the table has no such row, or when every row's guards fail
   * (`details.failedGuards` then lists `name: description` of each failed guard, `details.context` what they
   * looked at).
   */
  decide(state: S, command: C, context: z.input<Ctx>): R;
  /** True when {@link Machine.decide} would return a row (no error thrown for a refused command). */
  can(state: S, command: C, context: z.input<Ctx>): boolean;
  /** The commands allowed in `state` under `context`, once each, in table order — the buttons a UI shows. */
  available(state: S, context: z.input<Ctx>): C[];
  /** The table as plain data. */
  describe(): MachineDescription;
  /** The table as a Mermaid `stateDiagram-v2`, guards and permissions on the edge labels. */
  toMermaid(): string;
}

function checkTable(definition: {
  readonly name: string;
  readonly states: { readonly options: readonly string[] };
  readonly commands: { readonly options: readonly string[] };
  readonly guards: object;
  readonly transitions: readonly MachineTransition[];
}): void {
  const states = new Set<string>(definition.states.options);
  const commands = new Set<string>(definition.commands.options);
  const problems: string[] = [];
  definition.transitions.forEach((row, i) => {
    if (!states.has(row.from)) problems.push(`row ${i}: unknown state "${row.from}"`);
    if (!states.has(row.to)) problems.push(`row ${i}: unknown state "${row.to}"`);
    if (!commands.has(row.command)) problems.push(`row ${i}: unknown command "${row.command}"`);
    for (const g of row.guards) {
      if (!Object.hasOwn(definition.guards, g)) problems.push(`row ${i}: unknown guard "${g}"`);
    }
  });
  if (problems.length > 0) {
    throw new FrontlineError(
      'VALIDATION',
      `Machine "${definition.name}" has an invalid table: ${problems.join('; ')}.`,
      {
        details: { machine: definition.name, problems },
      },
    );
  }
}

/**
 * Defines a state machine as data — states, commands, guards with descriptions, and the transition table — and
 * returns the one engine every Frontline machine runs on. The table is checked once, here: a row naming an
 * unknown state, command or guard fails at definition time, not at the first command.
 * @example
 * const door = defineMachine({
 *   name: 'door',
 *   states: z.enum(['open', 'closed']),
 *   commands: z.enum(['open', 'close']),
 *   context: z.object({ locked: z.boolean() }),
 *   guards: { unlocked: { description: 'the door is not locked', test: (c) => !c.locked } },
 *   transitions: [
 *     { from: 'closed', command: 'open', to: 'open', guards: ['unlocked'], permission: null },
 *     { from: 'open', command: 'close', to: 'closed', guards: [], permission: null },
 *   ],
 * });
 * door.decide('closed', 'open', { locked: false }).to // 'open'
 * @category Kit
 */
export function defineMachine<
  S extends string,
  C extends string,
  G extends string,
  Ctx extends z.ZodType,
  R extends MachineTransition<S, C, G>,
>(definition: MachineDefinition<S, C, G, Ctx, R>): Machine<S, C, G, Ctx, R> {
  checkTable(definition);
  const { name, guards } = definition;
  const transitions: readonly R[] = Object.freeze(
    definition.transitions.map((row) =>
      Object.isFrozen(row) && Object.isFrozen(row.guards)
        ? row
        : Object.freeze({ ...row, guards: Object.freeze([...row.guards]) }),
    ),
  );
  const failed = (row: R, context: z.output<Ctx>): G[] => row.guards.filter((g) => !guards[g].test(context));
  const parse = (state: unknown, command: unknown, context: unknown) => ({
    from: parseInput(definition.states, state, `${name} state`),
    cmd: parseInput(definition.commands, command, `${name} command`),
    ctx: parseInput(definition.context, context, `${name} guard context`) as z.output<Ctx>,
  });

  const machine: Machine<S, C, G, Ctx, R> = {
    name,
    states: Object.freeze([...definition.states.options]),
    commands: Object.freeze([...definition.commands.options]),
    guards,
    transitions,
    decide(state, command, context) {
      const { from, cmd, ctx } = parse(state, command, context);
      const candidates = transitions.filter((t) => t.from === from && t.command === cmd);
      const failedGuards: string[] = [];
      for (const candidate of candidates) {
        const bad = failed(candidate, ctx);
        if (bad.length === 0) return candidate;
        failedGuards.push(...bad.map((g) => `${g}: ${guards[g].description}`));
      }
      throw new InvalidTransitionError(name, from, cmd, {
        details: candidates.length === 0 ? {} : { failedGuards: [...new Set(failedGuards)], context: ctx },
      });
    },
    can(state, command, context) {
      try {
        machine.decide(state, command, context);
        return true;
      } catch (error) {
        if (FrontlineError.is(error, 'INVALID_TRANSITION')) return false;
        throw error;
      }
    },
    available(state, context) {
      const from = parseInput(definition.states, state, `${name} state`);
      const ctx = parseInput(definition.context, context, `${name} guard context`) as z.output<Ctx>;
      const allowed = transitions.filter((t) => t.from === from && failed(t, ctx).length === 0);
      return [...new Set(allowed.map((t) => t.command))];
    },
    describe() {
      return {
        name,
        states: machine.states,
        commands: machine.commands,
        guards: (Object.keys(guards) as G[]).map((g) => ({ name: g, description: guards[g].description })),
        transitions: transitions.map(({ from, command, to, guards: g, permission }) => ({
          from,
          command,
          to,
          guards: g,
          permission,
        })),
      };
    },
    toMermaid() {
      const edges = transitions.map((t) => {
        const when = t.guards.length > 0 ? ` [${t.guards.join(', ')}]` : '';
        const who = t.permission ? ` (${t.permission})` : '';
        return `  ${t.from} --> ${t.to} : ${t.command}${when}${who}`;
      });
      return ['stateDiagram-v2', ...edges].join('\n');
    },
  };
  return Object.freeze(machine);
}
