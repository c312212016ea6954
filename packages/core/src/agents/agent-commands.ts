import type { z } from 'zod';
import { ConflictError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import { Agent, AgentCollection } from './agent.schema';
import { AgentCreated, AgentUpdated, RoleDefined } from './agent-events';
import { CreateAgentInput, DefineRoleInput, UpdateAgentInput } from './agent-inputs';
import { openSession, requireKnownRoles } from './agent-lookups';
import { AgentSessionCollection } from './agent-session';
import { Permissions } from './permissions';
import { BuiltInRoles, type Role, RoleCollection } from './role';
import { sessionStep } from './session-commands';

const aboutAgent = (id: string) => ({ entityType: 'agent', entityId: id });

/** Creates an agent; every role id must name a role. */
export function createAgent(deps: ServiceDeps, raw: unknown) {
  return runCreate(
    deps,
    {
      name: 'agent',
      input: CreateAgentInput,
      collection: AgentCollection,
      permission: Permissions.agentManage,
      create: async ({ input, at, tx }) => {
        await requireKnownRoles(tx, input.roleIds, 'roleIds', 'agent');
        const agent: Agent = {
          id: input.id ?? deps.ids.next(),
          name: input.name,
          email: input.email,
          roleIds: input.roleIds,
          active: input.active,
          createdAt: at,
          updatedAt: at,
        };
        const event = emit(AgentCreated, aboutAgent(agent.id), {
          roleIds: agent.roleIds,
          active: agent.active,
        });
        return { entity: agent, events: [event] };
      },
    },
    raw,
  );
}

/** Changes an agent against its version; deactivating it logs its open session out in the same unit of work. */
export function updateAgent(deps: ServiceDeps, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'agent update',
      input: UpdateAgentInput,
      collection: AgentCollection,
      id: (input) => input.agentId,
      permission: Permissions.agentManage,
      updatedAt: (a) => a.updatedAt,
      execute: async ({ input, current, at, tx }) => {
        if (input.changes.roleIds) {
          await requireKnownRoles(tx, input.changes.roleIds, 'changes.roleIds', 'agent update');
        }
        const next = parseInput(Agent, { ...current.data, ...input.changes, updatedAt: at }, 'agent');
        const before: Record<string, unknown> = current.data;
        const after: Record<string, unknown> = next;
        const fields = Object.keys(input.changes)
          .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
          .sort();
        if (fields.length === 0) return { entity: current.data, events: [] };
        const events: DomainEvent[] = [emit(AgentUpdated, aboutAgent(next.id), { fields })];
        if (current.data.active && !next.active) {
          const session = await openSession(tx, next.id);
          if (session) {
            const step = sessionStep(session.data, 'logout', at);
            await tx.repository(AgentSessionCollection).update(step.session, session.version);
            events.push(step.event);
          }
        }
        return { entity: next, events };
      },
    },
    raw,
  );
}

/** Adds a host role (no `expectedVersion`) or changes one (with it); built-in ids are refused. */
export function defineRole(deps: ServiceDeps, raw: unknown) {
  const build = (input: z.output<typeof DefineRoleInput>, at: Date, createdAt: Date): Role => ({
    id: input.id,
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    permissions: input.permissions,
    builtIn: false,
    createdAt,
    updatedAt: at,
  });
  const refuseBuiltIn = (id: string) => {
    if (BuiltInRoles.some((r) => r.id === id)) {
      throw new ConflictError(`"${id}" is a built-in role and cannot be redefined.`, {
        details: { entity: 'role', id },
      });
    }
  };
  const event = (role: Role) =>
    emit(RoleDefined, { entityType: 'role', entityId: role.id }, { permissions: role.permissions });
  const common = {
    name: 'role',
    input: DefineRoleInput,
    collection: RoleCollection,
    permission: Permissions.agentManage,
  };
  const isChange =
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { expectedVersion?: unknown }).expectedVersion !== undefined;
  if (!isChange) {
    return runCreate(
      deps,
      {
        ...common,
        create: ({ input, at }) => {
          refuseBuiltIn(input.id);
          const role = build(input, at, at);
          return { entity: role, events: [event(role)] };
        },
      },
      raw,
    );
  }
  return runCommand(
    deps,
    {
      ...common,
      id: (input) => {
        refuseBuiltIn(input.id);
        return input.id;
      },
      execute: ({ input, current, at }) => {
        const role = build(input, at, current.data.createdAt ?? at);
        return { entity: role, events: [event(role)] };
      },
    },
    raw,
  );
}
