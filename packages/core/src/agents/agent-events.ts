import { z } from 'zod';
import { Permission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { defineEvent } from '../kit/define-event';
import { RoleId } from './role';
import { AgentState, SessionCommand } from './session-machine';

const RoleIds = z.array(RoleId).max(50);
const SessionMove = z.object({
  sessionId: EntityId,
  from: AgentState,
  to: AgentState,
  command: SessionCommand,
});

/**
 * An agent was created, with its roles. No name or e-mail: the payload holds ids only.
 * @category Agents
 */
export const AgentCreated = defineEvent({
  type: 'agent.created.v1',
  description: 'An agent was created with these roles; active says whether it may log in.',
  payload: z.object({ roleIds: RoleIds, active: z.boolean() }),
});

/**
 * An agent's record changed: the names of the fields that changed (never their values).
 * @category Agents
 */
export const AgentUpdated = defineEvent({
  type: 'agent.updated.v1',
  description: 'Fields of an agent changed; the payload names them, not their values.',
  payload: z.object({ fields: z.array(z.string()).min(1) }),
});

/**
 * An agent opened a session, with how many notices it must read and which mandatory ones block calls.
 * @category Agents
 */
export const AgentLoggedIn = defineEvent({
  type: 'agent.logged_in.v1',
  description:
    'An agent logged in; the mandatory notices listed must be acknowledged before it takes a call.',
  payload: z.object({
    sessionId: EntityId,
    pendingNotices: z.int().min(0),
    unreadMandatoryNotices: z.array(EntityId),
  }),
});

/**
 * An agent's session moved by a command of the session machine (not the logout).
 * @category Agents
 */
export const AgentStateChanged = defineEvent({
  type: 'agent.state_changed.v1',
  description: "An agent's session moved from one state to another by a command.",
  payload: SessionMove,
});

/**
 * An agent's session closed (by the agent, a supervisor, or its deactivation).
 * @category Agents
 */
export const AgentLoggedOut = defineEvent({
  type: 'agent.logged_out.v1',
  description: "An agent's open session was closed.",
  payload: SessionMove,
});

/**
 * A host role was defined or changed, with its permissions.
 * @category Agents
 */
export const RoleDefined = defineEvent({
  type: 'role.defined.v1',
  description: 'A host role was added or changed; the payload lists its permissions.',
  payload: z.object({ permissions: z.array(Permission) }),
});

/**
 * A system notice was published to roles (empty: everyone). No title or body in the payload.
 * @category Agents
 */
export const NoticePublished = defineEvent({
  type: 'notice.published.v1',
  description: 'A system notice was published to these roles (none: everyone).',
  payload: z.object({ audienceRoleIds: RoleIds, mandatory: z.boolean() }),
});

/**
 * An agent acknowledged a notice.
 * @category Agents
 */
export const NoticeAcknowledged = defineEvent({
  type: 'notice.acknowledged.v1',
  description: 'An agent acknowledged that it read a notice.',
  payload: z.object({ agentId: EntityId }),
});

/**
 * Every event the agents area records, for the module's catalogue.
 * @category Agents
 */
export const AGENT_EVENTS = Object.freeze([
  AgentCreated,
  AgentUpdated,
  AgentLoggedIn,
  AgentStateChanged,
  AgentLoggedOut,
  RoleDefined,
  NoticePublished,
  NoticeAcknowledged,
] as const);
