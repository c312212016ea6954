import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { type CommandResult, runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent } from '../services/domain-events';
import type { SlaPolicy } from './sla.schema';
import { SlaPolicies } from './ticket-collections';
import type { TicketContext } from './ticket-context';
import { SlaPolicySaved } from './ticket-events';
import { SaveSlaPolicyInput } from './ticket-inputs';

/**
 * What `saveSlaPolicy` returns: the policy as stored, its version and the event recorded.
 * @category Tickets
 */
export interface SlaPolicySaveResult {
  policy: SlaPolicy;
  version: number;
  events: DomainEvent[];
}

const saved = (policy: SlaPolicy, version: number) =>
  emit(
    SlaPolicySaved,
    { entityType: 'sla_policy', entityId: policy.id },
    { version, targetRows: policy.targets.length, rules: policy.escalationRules.length },
  );

const result = (r: CommandResult<SlaPolicy>): SlaPolicySaveResult => ({
  policy: r.entity,
  version: r.version,
  events: [...r.events],
});

/**
 * `saveSlaPolicy` (internal): a new policy on `runCreate`, a change of a stored one on `runCommand` (retried on a
 * concurrent change, so the last save wins whole). Two first saves of one id racing: the second is a `CONFLICT`.
 * Needs `ticket.supervise`.
 */
export function saveSlaPolicy(ctx: TicketContext): (raw: unknown) => Promise<SlaPolicySaveResult> {
  const common = {
    name: 'SLA policy',
    input: SaveSlaPolicyInput,
    collection: SlaPolicies,
    permission: Permissions.ticketSupervise,
  } as const;
  return async (raw) => {
    const { policy } = parseInput(SaveSlaPolicyInput, raw, common.name);
    const exists = (await ctx.deps.store.repository(SlaPolicies).find(policy.id)) !== undefined;
    if (!exists) {
      return result(
        await runCreate(
          ctx.deps,
          { ...common, create: ({ input }) => ({ entity: input.policy, events: [saved(input.policy, 1)] }) },
          raw,
        ),
      );
    }
    return result(
      await runCommand(
        ctx.deps,
        {
          ...common,
          id: (input) => input.policy.id,
          execute: ({ input, current }) => ({
            entity: input.policy,
            events: [saved(input.policy, current.version + 1)],
          }),
        },
        raw,
      ),
    );
  };
}
