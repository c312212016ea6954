import { timeKey } from '../interactions/index-keys';
import { defineCollection } from '../ports/storage';
import { type SlaPolicy, SlaPolicy as SlaPolicySchema } from './sla.schema';
import { Ticket } from './ticket.schema';

/**
 * The `tickets` collection. Its indexes serve every hot selection without a scan:
 * - `customer_opened_at` — `customerId|openedAt`: a customer's tickets in time order;
 * - `opened_at`, `resolved_at`, `closed_at` — tickets opened, resolved or closed in a period (KPIs);
 * - `status_opened_at`, `group_opened_at`, `assignee_opened_at` — `status|openedAt`, `group|openedAt`,
 *   `assigneeId|openedAt`: the inboxes of a status, a queue and an agent, oldest first and stable under paging;
 * - `sla_due_at` — the earliest due instant of a running SLA target (`dueBreaches` ranges on it);
 * - `sla_signal_at` — the earliest SLA warning, breach or escalation rule still to act on (the SLA worker).
 * @category Tickets
 */
export const Tickets = defineCollection<Ticket>({
  name: 'tickets',
  schema: Ticket,
  indexes: {
    customer_opened_at: { key: (t) => timeKey(t.customerId, t.openedAt) },
    opened_at: { key: (t) => t.openedAt.toISOString() },
    resolved_at: { key: (t) => t.resolvedAt?.toISOString() },
    closed_at: { key: (t) => t.closedAt?.toISOString() },
    status_opened_at: { key: (t) => timeKey(t.status, t.openedAt) },
    group_opened_at: { key: (t) => (t.group === null ? null : timeKey(t.group, t.openedAt)) },
    assignee_opened_at: { key: (t) => (t.assigneeId === null ? null : timeKey(t.assigneeId, t.openedAt)) },
    sla_due_at: { key: (t) => t.sla?.nextDueAt?.toISOString() },
    sla_signal_at: { key: (t) => t.sla?.nextSignalAt?.toISOString() },
  },
});

/**
 * The `sla_policies` collection: SLA policies as stored data, changed with `saveSlaPolicy`.
 * @category Tickets
 */
export const SlaPolicies = defineCollection<SlaPolicy>({ name: 'sla_policies', schema: SlaPolicySchema });
