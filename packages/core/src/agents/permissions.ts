/**
 * The permissions Frontline's own services check. Hosts may add their own (any dotted name, see
 * `Permission`); these are the ones the SDK knows.
 * @category Access
 */
export const Permissions = {
  /** See a customer's record, personal fields masked. */
  customerRead: 'customer.read',
  /** See personal fields (phone, e-mail, address, birth date) unmasked. */
  customerReadPersonal: 'customer.read_personal',
  /** Register and change customers and their contact points. */
  customerWrite: 'customer.write',
  /** Record or withdraw consents. */
  consentWrite: 'consent.write',
  /** Export everything held on a data subject (GDPR Art. 15/20). */
  customerExport: 'customer.export',
  /** Erase or anonymise a data subject (GDPR Art. 17). */
  customerErase: 'customer.erase',
  /** Document contacts (calls, e-mails, chats …) and their feedback. */
  interactionWrite: 'interaction.write',
  /** See tickets, their SLA clocks and history; subject, description and reasons masked (see `TicketReadPolicy`). */
  ticketRead: 'ticket.read',
  /** Open tickets and work on them at first level. */
  ticketWrite: 'ticket.write',
  /** Escalate a ticket to second level. */
  ticketEscalate: 'ticket.escalate',
  /** Work on escalated (L2) tickets. */
  ticketWorkL2: 'ticket.work_l2',
  /** Close tickets, change SLA policies and escalation rules. */
  ticketSupervise: 'ticket.supervise',
  /** Search and read knowledge-base articles. */
  knowledgeRead: 'knowledge.read',
  /** Draft knowledge-base articles. */
  knowledgeWrite: 'knowledge.write',
  /** Review and publish knowledge-base articles. */
  knowledgePublish: 'knowledge.publish',
  /** Manage agents, roles and sessions of others. */
  agentManage: 'agent.manage',
  /**
   * Change another agent's session state: a supervisor ending a forgotten session at closing, the telephony
   * integration putting an agent on a call. Less than `agent.manage`: it cannot create agents or grant roles.
   */
  agentControlSessions: 'agent.control_sessions',
  /** Publish system notices agents must read. */
  noticePublish: 'notice.publish',
  /** Take in and work on complaints. */
  complaintWrite: 'complaint.write',
  /** Approve compensation above another agent's authority. */
  complaintApprove: 'complaint.approve',
  /** Manage registry, filing and disposal. */
  recordsManage: 'records.manage',
  /** Read the contact centre's KPIs (per queue, channel, category and period; agents merged). */
  kpiRead: 'kpi.read',
  /** See KPIs per agent (a team leader; agents' figures are about persons). */
  kpiReadAgents: 'kpi.read_agents',
  /** Refresh and rebuild the stored KPI roll-ups. */
  kpiManage: 'kpi.manage',
} as const;

/** @category Access */
export type KnownPermission = (typeof Permissions)[keyof typeof Permissions];

/**
 * What each permission Frontline knows allows, for a host's role editor and for the modules' declarations.
 * @category Access
 */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<KnownPermission, string>> = Object.freeze({
  'customer.read': "See a customer's record, personal fields masked.",
  'customer.read_personal': 'See personal fields (phone, e-mail, address, birth date) unmasked.',
  'customer.write': 'Register and change customers and their contact points.',
  'consent.write': 'Record or withdraw consents.',
  'customer.export': 'Export everything held on a data subject (GDPR Art. 15/20).',
  'customer.erase': 'Erase or anonymise a data subject (GDPR Art. 17).',
  'interaction.write': 'Document contacts (calls, e-mails, chats …) and their feedback.',
  'ticket.read': 'See tickets, SLA clocks and history; free texts masked without customer.read_personal.',
  'ticket.write': 'Open tickets and work on them at first level.',
  'ticket.escalate': 'Escalate a ticket to second level.',
  'ticket.work_l2': 'Work on escalated (L2) tickets.',
  'ticket.supervise': 'Close tickets, change SLA policies and escalation rules.',
  'knowledge.read': 'Search and read knowledge-base articles.',
  'knowledge.write': 'Draft knowledge-base articles.',
  'knowledge.publish': 'Review and publish knowledge-base articles.',
  'agent.manage': 'Manage agents, roles and sessions of others.',
  'agent.control_sessions': "Change another agent's session state (less than agent.manage).",
  'notice.publish': 'Publish system notices agents must read.',
  'complaint.write': 'Take in and work on complaints.',
  'complaint.approve': "Approve compensation above another agent's authority.",
  'records.manage': 'Manage registry, filing and disposal.',
  'kpi.read': "Read the contact centre's KPIs per queue, channel, category and period (agents merged).",
  'kpi.read_agents': 'See KPIs per agent.',
  'kpi.manage': 'Refresh and rebuild the stored KPI roll-ups.',
});

/** The descriptions of `names`, for a module's `permissions` declaration. */
export function describePermissions(names: readonly KnownPermission[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, PERMISSION_DESCRIPTIONS[name]]));
}
