import { z } from 'zod';
import { Actor, Permission } from '../kernel/actor';
import { EmailAddress } from '../kernel/email';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { RoleId } from './role';
import { SessionCommand } from './session-machine';

const RoleIds = z
  .array(RoleId)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'Role ids repeat');

/**
 * Input of `createAgent` (`agent.manage`).
 * @category Agents
 */
export const CreateAgentInput = z.strictObject({
  actor: Actor,
  id: EntityId.optional(),
  name: z.string().trim().min(1).max(200),
  email: EmailAddress,
  roleIds: RoleIds,
  active: z.boolean().default(true),
});
/** @category Agents */
export type CreateAgentInput = z.input<typeof CreateAgentInput>;

/**
 * Input of `updateAgent` (`agent.manage`): the changes and the version they were made against.
 * Deactivating an agent logs out its open session.
 * @category Agents
 */
export const UpdateAgentInput = z.strictObject({
  actor: Actor,
  agentId: EntityId,
  expectedVersion: z.number().int().min(1),
  changes: z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: EmailAddress.optional(),
    roleIds: RoleIds.optional(),
    active: z.boolean().optional(),
  }),
});
/** @category Agents */
export type UpdateAgentInput = z.input<typeof UpdateAgentInput>;

/**
 * Input of `defineRole` (`agent.manage`): a host role, new (no `expectedVersion`) or changed (with it).
 * @category Agents
 */
export const DefineRoleInput = z.strictObject({
  actor: Actor,
  id: RoleId,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(1000).optional(),
  permissions: z
    .array(Permission)
    .max(200)
    .refine((ps) => new Set(ps).size === ps.length, 'Permissions repeat'),
  expectedVersion: z.number().int().min(1).optional(),
});
/** @category Agents */
export type DefineRoleInput = z.input<typeof DefineRoleInput>;

/**
 * Input of the queries and commands about one agent.
 * @category Agents
 */
export const AgentRefInput = z.strictObject({ actor: Actor, agentId: EntityId });
/** @category Agents */
export type AgentRefInput = z.input<typeof AgentRefInput>;

/**
 * Input of `listRoles`: any valid actor may read the roles.
 * @category Agents
 */
export const ActorOnlyInput = z.strictObject({ actor: Actor });
/** @category Agents */
export type ActorOnlyInput = z.input<typeof ActorOnlyInput>;

/**
 * Input of `actorForAgent`: the agent the host has authenticated.
 * @category Agents
 */
export const ActorForAgentInput = z.strictObject({ agentId: EntityId });
/** @category Agents */
export type ActorForAgentInput = z.input<typeof ActorForAgentInput>;

/**
 * Input of `changeAgentState`: any command but `login` (which opens a session, see `login`).
 * @category Agents
 */
export const ChangeAgentStateInput = z.strictObject({
  actor: Actor,
  agentId: EntityId,
  command: SessionCommand.exclude(['login']),
});
/** @category Agents */
export type ChangeAgentStateInput = z.input<typeof ChangeAgentStateInput>;

/**
 * Input of `getStateLog`: the agent and the period `[from, to)`.
 * @category Agents
 */
export const StateLogInput = z
  .strictObject({ actor: Actor, agentId: EntityId, from: Instant, to: Instant })
  .refine((p) => p.from.getTime() <= p.to.getTime(), {
    message: 'The period ends before it starts',
    path: ['to'],
  });
/** @category Agents */
export type StateLogInput = z.input<typeof StateLogInput>;

/**
 * Input of `sessionsInPeriod`: every agent's sessions that overlap `[from, to)`.
 * @category Agents
 */
export const SessionsInPeriodInput = z
  .strictObject({ actor: Actor, from: Instant, to: Instant })
  .refine((p) => p.from.getTime() <= p.to.getTime(), {
    message: 'The period ends before it starts',
    path: ['to'],
  });
/** @category Agents */
export type SessionsInPeriodInput = z.input<typeof SessionsInPeriodInput>;

/**
 * Input of `publishNotice` (`notice.publish`). An empty `audienceRoleIds` addresses everyone.
 * @category Agents
 */
export const PublishNoticeInput = z.strictObject({
  actor: Actor,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  audienceRoleIds: RoleIds.default([]),
  mandatory: z.boolean().default(false),
  validUntil: Instant.optional(),
});
/** @category Agents */
export type PublishNoticeInput = z.input<typeof PublishNoticeInput>;

/**
 * Input of `acknowledgeNotice`: the acting agent acknowledges, for itself only.
 * @category Agents
 */
export const AcknowledgeNoticeInput = z.strictObject({ actor: Actor, noticeId: EntityId });
/** @category Agents */
export type AcknowledgeNoticeInput = z.input<typeof AcknowledgeNoticeInput>;
