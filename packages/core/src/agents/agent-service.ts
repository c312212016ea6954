import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput, requirePermission } from '../kernel/actor';
import type { Store, Stored } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import { actorFor } from './actor-for';
import { Agent, AgentCollection } from './agent.schema';
import {
  AcknowledgeNoticeInput,
  ActorForAgentInput,
  ActorOnlyInput,
  AgentRefInput,
  ChangeAgentStateInput,
  CreateAgentInput,
  DefineRoleInput,
  PublishNoticeInput,
  StateLogInput,
  UpdateAgentInput,
} from './agent-inputs';
import { type AgentSession, AgentSessionCollection, sessionEndKey } from './agent-session';
import {
  acknowledgementId,
  audienceKey,
  EVERYONE,
  type Notice,
  type NoticeAcknowledgement,
  NoticeAcknowledgementCollection,
  NoticeCollection,
} from './notice';
import { Permissions } from './permissions';
import { BuiltInRoles, type Role, RoleCollection } from './role';
import { nextAgentState, type SessionCommand } from './session-machine';
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
  /** Creates an agent (`agent.manage`); every role id must name a role. Emits `agent.created`. */
  createAgent(input: z.input<typeof CreateAgentInput>): Promise<AgentCommandResult>;
  /**
   * Changes an agent (`agent.manage`) against `expectedVersion`. Deactivating logs out its open session
   * (refused while it is on a call). Emits `agent.updated` (and `agent.logged_out`).
   */
  updateAgent(input: z.input<typeof UpdateAgentInput>): Promise<AgentCommandResult>;
  /** An agent, to itself or to `agent.manage`. */
  getAgent(input: z.input<typeof AgentRefInput>): Promise<{ agent: Agent; version: number }>;
  /** Adds or changes a host role (`agent.manage`); built-in ids are refused. Emits `role.defined`. */
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
   * an `InvalidTransitionError`. Emits `agent.logged_in`.
   */
  login(input: z.input<typeof AgentRefInput>): Promise<LoginResult>;
  /** Moves the agent's open session by a command of the state machine. Emits `agent.state_changed`. */
  changeAgentState(input: z.input<typeof ChangeAgentStateInput>): Promise<SessionCommandResult>;
  /** Closes the agent's open session (`logout`). Emits `agent.logged_out`. */
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
  /** Publishes a notice (`notice.publish`) to roles (or everyone). Emits `notice.published`. */
  publishNotice(input: z.input<typeof PublishNoticeInput>): Promise<NoticeCommandResult>;
  /** The valid notices for the agent's roles it has not acknowledged, mandatory first, then oldest first. */
  pendingNotices(input: z.input<typeof AgentRefInput>): Promise<Notice[]>;
  /** The acting agent acknowledges a notice, with the time. Emits `notice.acknowledged`. */
  acknowledgeNotice(input: z.input<typeof AcknowledgeNoticeInput>): Promise<AcknowledgeNoticeResult>;
}

const hasFunction = (name: string) => (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[name] === 'function';

const AgentServiceDeps = z.object({
  store: z.custom<ServiceDeps['store']>(hasFunction('transaction'), 'store must be a Frontline Store'),
  clock: z.custom<ServiceDeps['clock']>(hasFunction('now'), 'clock must have now()'),
  ids: z.custom<ServiceDeps['ids']>(hasFunction('next'), 'ids must have next()'),
});

function requireSelfOr(actorInput: ActorInput, agentId: string, permission: string): Actor {
  const actor = parseInput(Actor, actorInput, 'actor');
  return actor.id === agentId ? actor : requirePermission(actor, permission);
}

async function collect<T>(rows: AsyncIterable<Stored<T>>): Promise<Stored<T>[]> {
  const out: Stored<T>[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function loadAgent(tx: Store, agentId: string): Promise<Stored<Agent>> {
  const found = await tx.repository(AgentCollection).find(agentId);
  if (!found) throw new NotFoundError('agent', agentId);
  return found;
}

async function hostRoles(tx: Store): Promise<Role[]> {
  return (await collect(tx.repository(RoleCollection).scan())).map((r) => r.data);
}

/** Refuses role ids that name no role, with the path of each. */
async function requireKnownRoles(
  tx: Store,
  roleIds: readonly string[],
  path: string,
  what: string,
): Promise<void> {
  const known = new Set([...BuiltInRoles, ...(await hostRoles(tx))].map((r) => r.id));
  const issues = roleIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: [path, i], message: `Unknown role "${id}"`, code: 'custom' }],
  );
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid ${what}: ${path}.${issues[0]!.path[1]}: ${issues[0]!.message}`,
      issues,
    );
  }
}

async function openSession(tx: Store, agentId: string): Promise<Stored<AgentSession> | undefined> {
  const [row] = await collect(
    tx.repository(AgentSessionCollection).query({ index: 'open_agent', equals: agentId, limit: 1 }),
  );
  return row;
}

async function pendingNoticesFor(tx: Store, agent: Agent, now: Date): Promise<Notice[]> {
  const candidates = new Map<string, Notice>();
  for (const role of [...agent.roleIds, EVERYONE]) {
    const rows = tx
      .repository(NoticeCollection)
      .query({ index: 'audience', from: audienceKey(role, now), to: `${role}|~` });
    for await (const row of rows) {
      const n = row.data;
      const valid = n.publishedAt <= now && (n.validUntil === undefined || n.validUntil > now);
      if (valid) candidates.set(n.id, n);
    }
  }
  if (candidates.size === 0) return [];
  const oldest = Math.min(...[...candidates.values()].map((n) => n.publishedAt.getTime()));
  const acks = tx.repository(NoticeAcknowledgementCollection).query({
    index: 'agent_at',
    from: `${agent.id}|${new Date(oldest).toISOString()}`,
    to: `${agent.id}|~`,
  });
  for await (const ack of acks) candidates.delete(ack.data.noticeId);
  return [...candidates.values()].sort(
    (a, b) =>
      Number(b.mandatory) - Number(a.mandatory) ||
      a.publishedAt.getTime() - b.publishedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

const agentEvent = (type: string, agentId: string, payload: Record<string, unknown>): DomainEvent => ({
  type,
  entityType: 'agent',
  entityId: agentId,
  payload: payload as DomainEvent['payload'],
});

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
  parseInput(AgentServiceDeps, deps, 'agent service ports');
  const { store, clock, ids } = deps;

  async function moveSession(
    tx: Store,
    actorId: string,
    session: Stored<AgentSession>,
    command: Exclude<SessionCommand, 'login'>,
    now: Date,
  ): Promise<SessionCommandResult> {
    const from = session.data.state;
    const to = nextAgentState(from, command, {
      unreadMandatoryNotices: session.data.unreadMandatoryNotices.length,
    });
    const next: AgentSession = {
      ...session.data,
      state: to,
      log: [...session.data.log, { state: to, at: now, command }],
      ...(to === 'logged_out' ? { logoutAt: now } : {}),
    };
    const saved = await tx.repository(AgentSessionCollection).update(next, session.version);
    const type = to === 'logged_out' ? 'agent.logged_out' : 'agent.state_changed';
    const events = [agentEvent(type, next.agentId, { sessionId: next.id, from, to, command })];
    await recordEvents(tx, clock, actorId, events);
    return { session: saved.data, version: saved.version, events };
  }

  async function changeAgentState(raw: z.input<typeof ChangeAgentStateInput>): Promise<SessionCommandResult> {
    const input = parseInput(ChangeAgentStateInput, raw, 'agent state change');
    const actor = requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
    const now = clock.now();
    return store.transaction(async (tx) => {
      const session = await openSession(tx, input.agentId);
      if (!session) throw new InvalidTransitionError('agent_session', 'logged_out', input.command);
      return moveSession(tx, actor.id, session, input.command, now);
    });
  }

  return {
    async createAgent(raw) {
      const input = parseInput(CreateAgentInput, raw, 'agent');
      const actor = requirePermission(input.actor, Permissions.agentManage);
      const now = clock.now();
      return store.transaction(async (tx) => {
        await requireKnownRoles(tx, input.roleIds, 'roleIds', 'agent');
        const agent: Agent = {
          id: input.id ?? ids.next(),
          name: input.name,
          email: input.email,
          roleIds: input.roleIds,
          active: input.active,
          createdAt: now,
          updatedAt: now,
        };
        const saved = await tx.repository(AgentCollection).insert(agent);
        const events = [
          agentEvent('agent.created', agent.id, { roleIds: agent.roleIds, active: agent.active }),
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { agent: saved.data, version: saved.version, events };
      });
    },

    async updateAgent(raw) {
      const input = parseInput(UpdateAgentInput, raw, 'agent update');
      const actor = requirePermission(input.actor, Permissions.agentManage);
      const now = clock.now();
      return store.transaction(async (tx) => {
        const current = await loadAgent(tx, input.agentId);
        if (current.version !== input.expectedVersion) {
          throw new ConflictError(
            `agent "${input.agentId}" has changed (version ${current.version}, expected ${input.expectedVersion}).`,
            {
              details: {
                entity: 'agent',
                id: input.agentId,
                expectedVersion: input.expectedVersion,
                actualVersion: current.version,
              },
            },
          );
        }
        if (input.changes.roleIds)
          await requireKnownRoles(tx, input.changes.roleIds, 'changes.roleIds', 'agent update');
        const next = parseInput(Agent, { ...current.data, ...input.changes, updatedAt: now }, 'agent');
        const before: Record<string, unknown> = current.data;
        const after: Record<string, unknown> = next;
        const fields = Object.keys(input.changes)
          .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
          .sort();
        if (fields.length === 0) return { agent: current.data, version: current.version, events: [] };
        const saved = await tx.repository(AgentCollection).update(next, current.version);
        const events: DomainEvent[] = [agentEvent('agent.updated', next.id, { fields })];
        await recordEvents(tx, clock, actor.id, events);
        if (current.data.active && !next.active) {
          const session = await openSession(tx, next.id);
          if (session) events.push(...(await moveSession(tx, actor.id, session, 'logout', now)).events);
        }
        return { agent: saved.data, version: saved.version, events };
      });
    },

    async getAgent(raw) {
      const input = parseInput(AgentRefInput, raw, 'agent query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentManage);
      const found = await loadAgent(store, input.agentId);
      return { agent: found.data, version: found.version };
    },

    async defineRole(raw) {
      const input = parseInput(DefineRoleInput, raw, 'role');
      const actor = requirePermission(input.actor, Permissions.agentManage);
      if (BuiltInRoles.some((r) => r.id === input.id)) {
        throw new ConflictError(`"${input.id}" is a built-in role and cannot be redefined.`, {
          details: { entity: 'role', id: input.id },
        });
      }
      const now = clock.now();
      return store.transaction(async (tx) => {
        const roles = tx.repository(RoleCollection);
        const base = {
          id: input.id,
          name: input.name,
          ...(input.description === undefined ? {} : { description: input.description }),
          permissions: input.permissions,
          builtIn: false,
          updatedAt: now,
        };
        let saved: Stored<Role>;
        if (input.expectedVersion === undefined) {
          saved = await roles.insert({ ...base, createdAt: now });
        } else {
          const current = await roles.find(input.id);
          if (!current) throw new NotFoundError('role', input.id);
          saved = await roles.update(
            { ...base, createdAt: current.data.createdAt ?? now },
            input.expectedVersion,
          );
        }
        const events = [
          {
            type: 'role.defined',
            entityType: 'role',
            entityId: input.id,
            payload: { permissions: input.permissions },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { role: saved.data, version: saved.version, events };
      });
    },

    async listRoles(raw) {
      parseInput(ActorOnlyInput, raw, 'role query');
      const host = (await hostRoles(store)).sort((a, b) => a.id.localeCompare(b.id));
      return [...BuiltInRoles, ...host];
    },

    async actorForAgent(raw) {
      const input = parseInput(ActorForAgentInput, raw, 'agent');
      const agent = await loadAgent(store, input.agentId);
      return actorFor(agent.data, await hostRoles(store));
    },

    async login(raw) {
      const input = parseInput(AgentRefInput, raw, 'login');
      const actor = parseInput(Actor, input.actor, 'actor');
      if (actor.id !== input.agentId) {
        throw new ForbiddenError(
          `${actor.id} cannot log in as agent "${input.agentId}"; an agent logs in only as itself.`,
          {
            details: { actorId: actor.id, agentId: input.agentId },
          },
        );
      }
      const now = clock.now();
      return store.transaction(async (tx) => {
        const agent = await loadAgent(tx, input.agentId);
        if (!agent.data.active) {
          throw new ForbiddenError(`Agent "${input.agentId}" is inactive and cannot log in.`, {
            details: { agentId: input.agentId },
          });
        }
        const open = await openSession(tx, input.agentId);
        const state = nextAgentState(open?.data.state ?? 'logged_out', 'login');
        const pendingNotices = await pendingNoticesFor(tx, agent.data, now);
        const session: AgentSession = {
          id: ids.next(),
          agentId: input.agentId,
          state,
          loginAt: now,
          log: [{ state, at: now, command: 'login' }],
          unreadMandatoryNotices: pendingNotices.filter((n) => n.mandatory).map((n) => n.id),
        };
        const saved = await tx.repository(AgentSessionCollection).insert(session);
        const events = [
          agentEvent('agent.logged_in', input.agentId, {
            sessionId: session.id,
            pendingNotices: pendingNotices.length,
            unreadMandatoryNotices: session.unreadMandatoryNotices,
          }),
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { session: saved.data, version: saved.version, pendingNotices, events };
      });
    },

    changeAgentState,

    async logout(raw) {
      const input = parseInput(AgentRefInput, raw, 'logout');
      return changeAgentState({ actor: input.actor, agentId: input.agentId, command: 'logout' });
    },

    async getCurrentSession(raw) {
      const input = parseInput(AgentRefInput, raw, 'session query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const row = await openSession(store, input.agentId);
      return row ? { session: row.data, version: row.version } : null;
    },

    async getStateLog(raw) {
      const input = parseInput(StateLogInput, raw, 'state log query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const rows = store.repository(AgentSessionCollection).query({
        index: 'agent_ended',
        from: sessionEndKey(input.agentId, input.from),
        to: `${input.agentId}|~`,
      });
      const log: StateChange[] = [];
      for await (const row of rows) {
        if (row.data.loginAt.getTime() >= input.to.getTime()) continue;
        log.push(...row.data.log);
      }
      return log.sort((a, b) => a.at.getTime() - b.at.getTime());
    },

    async publishNotice(raw) {
      const input = parseInput(PublishNoticeInput, raw, 'notice');
      const actor = requirePermission(input.actor, Permissions.noticePublish);
      const now = clock.now();
      if (input.validUntil !== undefined && input.validUntil <= now) {
        throw new ValidationError(
          'Invalid notice: validUntil: A notice must be valid for some time after now',
          [
            {
              path: ['validUntil'],
              message: 'A notice must be valid for some time after now',
              code: 'custom',
            },
          ],
        );
      }
      return store.transaction(async (tx) => {
        await requireKnownRoles(tx, input.audienceRoleIds, 'audienceRoleIds', 'notice');
        const notice: Notice = {
          id: ids.next(),
          title: input.title,
          body: input.body,
          audienceRoleIds: input.audienceRoleIds,
          mandatory: input.mandatory,
          publishedAt: now,
          publishedBy: actor.id,
          ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
        };
        const saved = await tx.repository(NoticeCollection).insert(notice);
        const events = [
          {
            type: 'notice.published',
            entityType: 'notice',
            entityId: notice.id,
            payload: { audienceRoleIds: notice.audienceRoleIds, mandatory: notice.mandatory },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { notice: saved.data, events };
      });
    },

    async pendingNotices(raw) {
      const input = parseInput(AgentRefInput, raw, 'notice query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const agent = await loadAgent(store, input.agentId);
      return pendingNoticesFor(store, agent.data, clock.now());
    },

    async acknowledgeNotice(raw) {
      const input = parseInput(AcknowledgeNoticeInput, raw, 'notice acknowledgement');
      const actor = parseInput(Actor, input.actor, 'actor');
      const now = clock.now();
      return store.transaction(async (tx) => {
        await loadAgent(tx, actor.id);
        if (!(await tx.repository(NoticeCollection).find(input.noticeId))) {
          throw new NotFoundError('notice', input.noticeId);
        }
        const acks = tx.repository(NoticeAcknowledgementCollection);
        const id = acknowledgementId(input.noticeId, actor.id);
        const existing = await acks.find(id);
        if (existing) return { acknowledgement: existing.data, events: [] };
        const saved = await acks.insert({ id, noticeId: input.noticeId, agentId: actor.id, at: now });
        const session = await openSession(tx, actor.id);
        if (session?.data.unreadMandatoryNotices.includes(input.noticeId)) {
          const unread = session.data.unreadMandatoryNotices.filter((n) => n !== input.noticeId);
          await tx
            .repository(AgentSessionCollection)
            .update({ ...session.data, unreadMandatoryNotices: unread }, session.version);
        }
        const events = [
          {
            type: 'notice.acknowledged',
            entityType: 'notice',
            entityId: input.noticeId,
            payload: { agentId: actor.id },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { acknowledgement: saved.data, events };
      });
    },
  };
}
