import type { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { Actor } from '../kernel/actor';
import { ServicePorts } from '../kit/service-ports';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import type { Agent } from './agent.schema';
import { createAgent, defineRole, updateAgent } from './agent-commands';
import type {
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
import { AgentRefInput as AgentRefInputSchema } from './agent-inputs';
import { type AgentView, agentQueries } from './agent-queries';
import type { AgentSession } from './agent-session';
import type { Notice, NoticeAcknowledgement } from './notice';
import { acknowledgeNotice, publishNotice } from './notice-commands';
import type { Role } from './role';
import { changeAgentState, login } from './session-commands';
import type { StateChange } from './time-in-states';

/**
 * What an agent command returns: the agent, its version and the events recorded.
 * @category Agents
 */
export interface AgentCommandResult {
  readonly agent: Agent;
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

/**
 * What `defineRole` returns.
 * @category Agents
 */
export interface RoleCommandResult {
  readonly role: Role;
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

/**
 * What a session command returns: the session after it, its version and the events.
 * @category Agents
 */
export interface SessionCommandResult {
  readonly session: AgentSession;
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

/**
 * What `login` returns: the new session and the notices the agent must read now (mandatory ones first).
 * @category Agents
 */
export interface LoginResult extends SessionCommandResult {
  readonly pendingNotices: readonly Notice[];
}

/**
 * What `publishNotice` returns.
 * @category Agents
 */
export interface NoticeCommandResult {
  readonly notice: Notice;
  readonly events: readonly DomainEvent[];
}

/**
 * What `acknowledgeNotice` returns; acknowledging twice keeps the first time and records nothing new.
 * @category Agents
 */
export interface AcknowledgeNoticeResult {
  readonly acknowledgement: NoticeAcknowledgement;
  readonly events: readonly DomainEvent[];
}

/**
 * The agent service (CS-6): agents and roles, the actor an agent acts as, agent sessions through the state
 * machine `AgentSessionTransitions`, and system notices read at login.
 *
 * Commands validate input, check permission, run in one transaction with their audit entries and outbox
 * messages (payloads hold ids, never names or e-mails), and store nothing when they fail. Session rules: an
 * agent logs in only as itself; its own session it may move itself, another's needs
 * `agent.control_sessions`. Acknowledging a notice is always the agent's own act.
 * @category Agents
 */
export interface AgentService {
  /** Creates an agent (`agent.manage`); every role id must name a role. Emits `agent.created.v1`. */
  createAgent(input: z.input<typeof CreateAgentInput>): Promise<AgentCommandResult>;
  /**
   * Changes an agent (`agent.manage`) against `expectedVersion`. Deactivating logs out its open session
   * (refused while it is on a call). Emits `agent.updated.v1` (and `agent.logged_out.v1`).
   */
  updateAgent(input: z.input<typeof UpdateAgentInput>): Promise<AgentCommandResult>;
  /**
   * An agent, to itself, to `agent.manage` or to `agent.control_sessions` (see `AgentReadPolicy`: the e-mail is
   * masked for the latter).
   */
  getAgent(input: z.input<typeof AgentRefInput>): Promise<{ agent: AgentView; version: number }>;
  /** Adds or changes a host role (`agent.manage`); built-in ids are refused. Emits `role.defined.v1`. */
  defineRole(input: z.input<typeof DefineRoleInput>): Promise<RoleCommandResult>;
  /** Every role, built-in first, then the host's by id. */
  listRoles(input: z.input<typeof ActorOnlyInput>): Promise<Role[]>;
  /**
   * The actor a stored agent acts as (see `actorFor`), for the host to call once it has authenticated the
   * agent. An inactive agent is a `ForbiddenError`.
   */
  actorForAgent(input: z.input<typeof ActorForAgentInput>): Promise<Actor>;
  /**
   * Opens a session (`logged_out → available`) for an active agent acting as itself, and returns the notices it
   * must read; until the mandatory ones are acknowledged, `take_call` is refused. A second open session is
   * an `InvalidTransitionError`. Emits `agent.logged_in.v1`.
   */
  login(input: z.input<typeof AgentRefInput>): Promise<LoginResult>;
  /** Moves the agent's open session by a command of the state machine. Emits `agent.state_changed.v1`. */
  changeAgentState(input: z.input<typeof ChangeAgentStateInput>): Promise<SessionCommandResult>;
  /** Closes the agent's open session (`logout`). Emits `agent.logged_out.v1`. */
  logout(input: z.input<typeof AgentRefInput>): Promise<SessionCommandResult>;
  /** The agent's open session, or `null` when logged out. */
  getCurrentSession(
    input: z.input<typeof AgentRefInput>,
  ): Promise<{ session: AgentSession; version: number } | null>;
  /**
   * The state changes of every session of the agent that overlaps `[from, to)`, oldest first — the input of
   * `timeInStates`.
   */
  getStateLog(input: z.input<typeof StateLogInput>): Promise<StateChange[]>;
  /**
   * Every agent's sessions that overlap `[from, to)` (`agent.control_sessions` or `agent.manage`), open ones
   * included — the occupancy rows of the KPI calculators (see `agentSessionRows`). A session that ended more than
   * a week after `to` is not looked for.
   */
  sessionsInPeriod(input: z.input<typeof SessionsInPeriodInput>): AsyncIterable<AgentSession>;
  /** Publishes a notice (`notice.publish`) to roles (or everyone). Emits `notice.published.v1`. */
  publishNotice(input: z.input<typeof PublishNoticeInput>): Promise<NoticeCommandResult>;
  /** The valid notices for the agent's roles it has not acknowledged, mandatory first, then oldest first. */
  pendingNotices(input: z.input<typeof AgentRefInput>): Promise<Notice[]>;
  /** The acting agent acknowledges a notice, with the time. Emits `notice.acknowledged.v1`. */
  acknowledgeNotice(input: z.input<typeof AcknowledgeNoticeInput>): Promise<AcknowledgeNoticeResult>;
}

/**
 * Creates the agent service on the given ports.
 * @example
 * const agents = createAgentService({ store, clock, ids });
 * await agents.createAgent({ actor: admin, name: 'Nagy Péter', email: 'peter.nagy@example.hu', roleIds: ['operator_l1'] });
 * const actor = await agents.actorForAgent({ agentId });          // after the host authenticated the agent
 * const { pendingNotices } = await agents.login({ actor, agentId });
 * await agents.changeAgentState({ actor, agentId, command: 'start_break' });
 * @category Agents
 */
export function createAgentService(deps: ServiceDeps): AgentService {
  parseInput(ServicePorts, deps, 'agent service ports');
  const session = ({
    entity,
    version,
    events,
  }: {
    entity: AgentSession;
    version: number;
    events: readonly DomainEvent[];
  }) => ({
    session: entity,
    version,
    events,
  });
  return {
    createAgent: async (raw) => {
      const { entity, version, events } = await createAgent(deps, raw);
      return { agent: entity, version, events };
    },
    updateAgent: async (raw) => {
      const { entity, version, events } = await updateAgent(deps, raw);
      return { agent: entity, version, events };
    },
    defineRole: async (raw) => {
      const { entity, version, events } = await defineRole(deps, raw);
      return { role: entity, version, events };
    },
    login: async (raw) => {
      const result = await login(deps, raw);
      return { ...session(result), pendingNotices: result.extra ?? [] };
    },
    changeAgentState: async (raw) => session(await changeAgentState(deps, raw)),
    logout: async (raw) => {
      const input = parseInput(AgentRefInputSchema, raw, 'logout');
      return session(await changeAgentState(deps, { ...input, command: 'logout' }));
    },
    publishNotice: async (raw) => {
      const { entity, events } = await publishNotice(deps, raw);
      return { notice: entity, events };
    },
    acknowledgeNotice: async (raw) => {
      const { entity, events } = await acknowledgeNotice(deps, raw);
      return { acknowledgement: entity, events };
    },
    ...agentQueries(deps.store, deps.clock),
  };
}
