import type { z } from 'zod';
import type { Actor, Permission } from '../kernel/actor';
import { type AggregateCommand, type CommandResult, runCommand } from '../kit/command-runner';
import type { Customer } from './customer.schema';
import { CustomerCollection } from './customer-collections';
import { viewFor } from './customer-read-policy';
import type { CustomerCommandResult } from './customer-results';
import type { CustomerContext } from './customer-support';

/** One command on one customer: its input names the customer by `customerId`. Internal. */
export interface CustomerCommandSpec<S extends z.ZodType<{ customerId: string }>, X> {
  readonly name: string;
  readonly input: S;
  readonly permission: Permission;
  readonly execute: AggregateCommand<Customer, S, X>['execute'];
}

/** What a customer command ran as: who ran it (to mask the result for) and the command's own extra result. */
export interface Ran<X> {
  readonly actor: Actor;
  readonly value: X | undefined;
}

/**
 * Runs a customer command on the kit's runner: validate → authorize → load with version → decide → save with
 * the expected version (a stale `expectedVersion` is `CONFLICT`; without one a lost race is decided again) →
 * audit → typed events, in one unit of work. The actor rides along in `extra` so the result is masked for it.
 */
export function runCustomerCommand<S extends z.ZodType<{ customerId: string }>, X = undefined>(
  ctx: CustomerContext,
  spec: CustomerCommandSpec<S, X>,
  raw: unknown,
): Promise<CommandResult<Customer, Ran<X>>> {
  return runCommand(
    ctx.deps,
    {
      name: spec.name,
      input: spec.input,
      permission: spec.permission,
      collection: CustomerCollection,
      id: (input) => input.customerId,
      updatedAt: (c) => c.updatedAt,
      execute: async (context) => {
        const outcome = await spec.execute(context);
        return { ...outcome, extra: { actor: context.actor, value: outcome.extra } };
      },
    },
    raw,
  );
}

/** What a customer command returns: the customer as its actor may see it, its version and the events. */
export const customerResult = (r: CommandResult<Customer, Ran<unknown>>): CustomerCommandResult => ({
  customer: viewFor(r.entity, r.extra!.actor),
  version: r.version,
  events: [...r.events],
});
