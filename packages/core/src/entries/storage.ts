/**
 * `@frontline/core/storage` — the storage internals of the bounded contexts: each module's collection
 * definitions (names, schemas, indexes). For adapter authors, migrations and diagnostics; an app goes through
 * the modules' services, never through these (the services validate, authorize, audit and announce).
 * @module
 */

export { AgentCollection } from '../agents/agent.schema';
export { AgentSessionCollection } from '../agents/agent-session';
export { NoticeAcknowledgementCollection, NoticeCollection } from '../agents/notice';
export { RoleCollection } from '../agents/role';
export { SealedAuditValues } from '../audit/sealed-values';
export {
  ComplaintCompensationLedgers,
  ComplaintRuleSets,
  Complaints,
} from '../complaints/complaint-collections';
export { ConsentCollection, CustomerCollection } from '../customers/customer-collections';
export { Interactions } from '../interactions/interaction-collection';
export { KnowledgeArticles, KnowledgeVotes } from '../knowledge/article.schema';
export { SlaPolicies, Tickets } from '../tickets/ticket-collections';
