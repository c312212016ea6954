import { Permissions } from '../agents/permissions';
import { NotFoundError } from '../errors/frontline-error';
import { runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { Store } from '../ports/storage';
import { compileCompensationRules } from './compensation-rules';
import { ComplaintRuleSets, type StoredCompensationRuleSet } from './complaint-collections';
import type { ComplaintContext } from './complaint-context';
import { ComplaintRulesSaved } from './complaint-events';
import { SaveRuleSetInput } from './complaint-inputs';
import type { ComplaintService } from './complaint-service-types';

/** A stored version of a rule set: `version`, or the latest (one descending range on `rule_set_version`). */
export async function loadRuleSet(
  store: Store,
  ruleSetId: string,
  version?: number,
): Promise<StoredCompensationRuleSet> {
  const repo = store.repository(ComplaintRuleSets);
  if (version !== undefined) return (await repo.get(`${ruleSetId}@${version}`)).data;
  for await (const row of repo.query({
    index: 'rule_set_version',
    from: `${ruleSetId}|`,
    to: `${ruleSetId}}`,
    order: 'desc',
    limit: 1,
  })) {
    return row.data;
  }
  throw new NotFoundError('compensation rule set', ruleSetId);
}

/** `saveRuleSet`: a new, immutable version of a compensation rule set (a taken version is a `CONFLICT`). */
export function saveRuleSetCommand(ctx: ComplaintContext): ComplaintService['saveRuleSet'] {
  return async (raw) => {
    const result = await runCreate(
      ctx.deps,
      {
        name: 'rule set',
        input: SaveRuleSetInput,
        collection: ComplaintRuleSets,
        permission: Permissions.complaintApprove,
        create: ({ input, actor, at }) => {
          const ruleSet = compileCompensationRules(input.ruleSet).ruleSet;
          const id = `${ruleSet.id}@${ruleSet.version}`;
          return {
            entity: {
              id,
              ruleSetId: ruleSet.id,
              version: ruleSet.version,
              ruleSet,
              savedAt: at,
              savedBy: actor.id,
            },
            events: [
              emit(
                ComplaintRulesSaved,
                { entityType: 'complaint_rule_set', entityId: id },
                { ruleSetId: ruleSet.id, version: ruleSet.version, rules: ruleSet.rules.length },
              ),
            ],
          };
        },
      },
      raw,
    );
    return { ruleSet: result.entity.ruleSet, events: [...result.events] };
  };
}
