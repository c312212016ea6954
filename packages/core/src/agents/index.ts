/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * @module
 */
export { actorFor } from './actor-for';
export { Agent, type AgentInput } from './agent.schema';
export {
  AGENT_EVENTS,
  AgentCreated,
  AgentLoggedIn,
  AgentLoggedOut,
  AgentStateChanged,
  AgentUpdated,
  NoticeAcknowledged,
  NoticePublished,
  RoleDefined,
} from './agent-events';
export {
  AcknowledgeNoticeInput,
  ActorForAgentInput,
  ActorOnlyInput,
  AgentRefInput,
  ChangeAgentStateInput,
  CreateAgentInput,
  DefineRoleInput,
  PublishNoticeInput,
  SessionsInPeriodInput,
  StateLogInput,
  UpdateAgentInput,
} from './agent-inputs';
export { AgentReadPolicy, type AgentView } from './agent-queries';
export {
  type AcknowledgeNoticeResult,
  type AgentCommandResult,
  type AgentService,
  createAgentService,
  type LoginResult,
  type NoticeCommandResult,
  type RoleCommandResult,
  type SessionCommandResult,
} from './agent-service';
export { AgentSession } from './agent-session';
export {
  Notice,
  NoticeAcknowledgement,
} from './notice';
export {
  describePermissions,
  type KnownPermission,
  PERMISSION_DESCRIPTIONS,
  Permissions,
} from './permissions';
export { BuiltInRoles, Role, RoleId, type RoleInput } from './role';
export {
  AgentSessionTransitions,
  AgentState,
  agentSessionMachine,
  availableSessionCommands,
  nextAgentState,
  SessionCommand,
  SessionGuard,
  SessionGuardContext,
  type SessionTransition,
} from './session-machine';
export { StateChange, type TimeInStates, timeInStates } from './time-in-states';
