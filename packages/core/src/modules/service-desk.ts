import { AgentCollection } from '../agents/agent.schema';
import { AGENT_EVENTS } from '../agents/agent-events';
import { type AgentService, createAgentService } from '../agents/agent-service';
import { AgentSessionCollection } from '../agents/agent-session';
import { NoticeAcknowledgementCollection, NoticeCollection } from '../agents/notice';
import { describePermissions, Permissions as P } from '../agents/permissions';
import { RoleCollection } from '../agents/role';
import { ConsentCollection, CustomerCollection } from '../customers/customer-collections';
import { CUSTOMER_EVENTS } from '../customers/customer-events';
import { type CustomerService, createCustomerService } from '../customers/customer-service';
import { HUNGARIAN_PUBLIC_HOLIDAY_RULES, HUNGARIAN_SWAP_DECREES } from '../data/hungarian-holidays';
import { Interactions } from '../interactions/interaction-collection';
import { INTERACTION_EVENTS } from '../interactions/interaction-events';
import { interactionPersonalData } from '../interactions/interaction-personal-data';
import { createInteractionService, type InteractionService } from '../interactions/interaction-service';
import { defineModule } from '../kit/define-module';
import { KnowledgeArticles, KnowledgeVotes } from '../knowledge/article.schema';
import { KnowledgeArticleRedacted, knowledgePersonalDataWith } from '../knowledge/article-personal-data';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base';
import { KNOWLEDGE_EVENTS } from '../knowledge/knowledge-events';
import type { KnowledgeSearch } from '../knowledge/knowledge-search-engine';
import { SlaPolicies, Tickets } from '../tickets/ticket-collections';
import { TICKET_EVENTS } from '../tickets/ticket-events';
import { ticketPersonalData } from '../tickets/ticket-personal-data';
import {
  createTicketService,
  type TicketService,
  type TicketServiceOptions,
} from '../tickets/ticket-service';

/**
 * The service desk's choices: the SLA policy of tickets opened without one, the reopen window and the actor id
 * the SLA worker records (see `TicketServiceOptions`).
 * @category Modules
 */
export type ServiceDeskOptions = Pick<
  TicketServiceOptions,
  'defaultSlaPolicyId' | 'reopenWindowMs' | 'slaWorkerId'
> & {
  /**
   * The knowledge base's search engine: `miniSearchKnowledgeSearch()` (in memory, the default, for a small base)
   * or `postgresKnowledgeSearch()` of `@frontline/postgres` (full-text search in the database, for a large one).
   */
  readonly knowledgeSearch?: KnowledgeSearch;
};

/**
 * The services of the service-desk module, on the composition root as `frontline.serviceDesk`.
 * @category Modules
 */
export interface ServiceDeskServices {
  readonly customers: CustomerService;
  readonly agents: AgentService;
  readonly interactions: InteractionService;
  readonly tickets: TicketService;
  readonly knowledge: KnowledgeBase;
}

/**
 * The service-desk module (CS-1 … CS-5): customers and consents, agents and their sessions, documented
 * contacts, tickets with SLAs and L1→L2 escalation, and the knowledge base. Other modules reach it through
 * `deps.serviceDesk` and extend its collections by key (`serviceDesk.customers`, `serviceDesk.tickets` …).
 * Customer erasure and export reach the personal-data sources of every registered module.
 * @example
 * const frontline = await createFrontline({ store, modules: [serviceDesk({ defaultSlaPolicyId: 'hotline' })] });
 * await frontline.serviceDesk.tickets.openTicket({ actor, customerId, subject: 'No dial tone' });
 * @category Modules
 */
export const serviceDesk = ({ knowledgeSearch, ...options }: ServiceDeskOptions = {}) =>
  defineModule({
    id: 'serviceDesk',
    collections: {
      customers: CustomerCollection,
      consents: ConsentCollection,
      agents: AgentCollection,
      roles: RoleCollection,
      agentSessions: AgentSessionCollection,
      notices: NoticeCollection,
      noticeAcknowledgements: NoticeAcknowledgementCollection,
      interactions: Interactions,
      tickets: Tickets,
      slaPolicies: SlaPolicies,
      knowledgeArticles: KnowledgeArticles,
      knowledgeVotes: KnowledgeVotes,
    },
    permissions: describePermissions([
      P.customerRead,
      P.customerReadPersonal,
      P.customerWrite,
      P.consentWrite,
      P.customerExport,
      P.customerErase,
      P.interactionWrite,
      P.ticketRead,
      P.ticketWrite,
      P.ticketEscalate,
      P.ticketWorkL2,
      P.ticketSupervise,
      P.knowledgeRead,
      P.knowledgeWrite,
      P.knowledgePublish,
      P.agentManage,
      P.agentControlSessions,
      P.noticePublish,
    ]),
    events: [
      ...CUSTOMER_EVENTS,
      ...TICKET_EVENTS,
      ...AGENT_EVENTS,
      ...INTERACTION_EVENTS,
      ...KNOWLEDGE_EVENTS,
      KnowledgeArticleRedacted,
    ],
    personalData: [interactionPersonalData, ticketPersonalData, knowledgePersonalDataWith(knowledgeSearch)],
    policies: [
      {
        id: 'hu.public_holidays',
        description:
          'Hungarian public holidays as rules (any year from 2013) and the decreed working-day swaps as data; the SLA calendars refer to them.',
        source:
          'Mt. (2012. évi I. törvény) 102. § (1) and the yearly decrees on the working days around public holidays (Magyar Közlöny); public law, free of copyright (Szjt. 1. § (4)).',
        data: { rules: HUNGARIAN_PUBLIC_HOLIDAY_RULES, swaps: HUNGARIAN_SWAP_DECREES },
      },
    ],
    services: ({ store, clock, ids, personalData }): ServiceDeskServices => ({
      customers: createCustomerService({ store, clock, ids, personalDataSources: personalData }),
      agents: createAgentService({ store, clock, ids }),
      interactions: createInteractionService({ store, clock, ids }),
      tickets: createTicketService({ store, clock, ids, ...options }),
      knowledge: createKnowledgeBase({
        store,
        clock,
        ids,
        ...(knowledgeSearch === undefined ? {} : { search: knowledgeSearch }),
      }),
    }),
  });
