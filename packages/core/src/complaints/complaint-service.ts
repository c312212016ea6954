import { sendAnswerCommand } from './complaint-answer';
import { workflowCommands } from './complaint-commands';
import { complaintContext } from './complaint-context';
import { checkDeadlinesCommand } from './complaint-deadlines';
import { decisionCommands } from './complaint-decisions';
import { receiveComplaintCommand } from './complaint-intake';
import { complaintQueries } from './complaint-queries';
import { saveRuleSetCommand } from './complaint-rule-sets';
import type { ComplaintService, ComplaintServiceOptions } from './complaint-service-types';

export type {
  ComplaintCaseFile,
  ComplaintCommandResult,
  ComplaintDeadlineReport,
  ComplaintDecisionResult,
  ComplaintDue,
  ComplaintService,
  ComplaintServiceOptions,
} from './complaint-service-types';

/**
 * Creates the complaint service over the store, clock and id ports, a letter environment and the policy data.
 * Every command runs on the kit's command runner and the complaint machine; every read takes its actor and
 * goes through `ComplaintReadPolicy`.
 * @example
 * import { createLetterEnvironment } from '@frontline/core/letters';
 * const complaints = createComplaintService({ store, clock, ids, letters: createLetterEnvironment(), office, authority });
 * await complaints.saveRuleSet({ actor: supervisor, ruleSet });
 * const { complaint } = await complaints.receiveComplaint({ actor: agent, customerId, channel: 'phone', … });
 * const inbox = await complaints.complaintInbox({ actor: agent, dueBefore: friday, limit: 20 });
 * @category Complaints
 */
export function createComplaintService(options: ComplaintServiceOptions): ComplaintService {
  const ctx = complaintContext(options);
  return {
    receiveComplaint: receiveComplaintCommand(ctx),
    ...workflowCommands(ctx),
    ...decisionCommands(ctx),
    sendAnswer: sendAnswerCommand(ctx),
    checkDeadlines: checkDeadlinesCommand(ctx),
    saveRuleSet: saveRuleSetCommand(ctx),
    ...complaintQueries(ctx),
  };
}
