import type { z } from 'zod';
import type { Permission } from '../kernel/actor';
import { type AggregateCommand, type CommandResult, runCommand } from '../kit/command-runner';
import type { Complaint } from './complaint.schema';
import { Complaints } from './complaint-collections';
import type { ComplaintContext } from './complaint-context';
import type { ComplaintCommandResult } from './complaint-service-types';

/** One command on one complaint: its input names the complaint by `complaintId`. Internal. */
export interface ComplaintCommandSpec<S extends z.ZodType<{ complaintId: string }>, X> {
  readonly name: string;
  readonly input: S;
  readonly permission: Permission | null;
  /** Decisions for a lost race, when the command also writes a shared ledger (see `LEDGER_ATTEMPTS`). */
  readonly attempts?: number;
  readonly execute: AggregateCommand<Complaint, S, X>['execute'];
}

/**
 * Runs a complaint command on the kit's runner: validate → authorize → load with version → decide → save
 * with the expected version → audit → events, in one unit of work; a lost race (on the complaint, or on a
 * compensation ledger written in the same unit of work) is re-decided as the runner's policy says.
 */
export function runComplaintCommand<S extends z.ZodType<{ complaintId: string }>, X = undefined>(
  ctx: ComplaintContext,
  spec: ComplaintCommandSpec<S, X>,
  raw: unknown,
): Promise<CommandResult<Complaint, X>> {
  return runCommand(
    ctx.deps,
    {
      ...spec,
      collection: Complaints,
      id: (input) => input.complaintId,
      updatedAt: (c) => c.updatedAt,
    },
    raw,
  );
}

/** What a complaint command returns: the complaint as saved and the events it recorded. */
export const commandResult = (r: CommandResult<Complaint, unknown>): ComplaintCommandResult => ({
  complaint: r.entity,
  version: r.version,
  events: [...r.events],
});
