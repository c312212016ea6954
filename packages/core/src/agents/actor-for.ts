import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Actor } from '../kernel/actor';
import { Agent, type AgentInput } from './agent.schema';
import { BuiltInRoles, Role, type RoleInput } from './role';

const ActorForInput = z.object({ agent: Agent, roles: z.array(Role).max(1000) });

/**
 * The kernel {@link Actor} an agent acts as: its id, its role ids and the union of their permissions.
 * `roles` are the host's roles; the built-in ones ({@link BuiltInRoles}) are always known. An inactive agent
 * is a `ForbiddenError`; a role id that names no role is a `ValidationError` (a permission silently lost is
 * worse than a loud failure).
 * @example
 * const actor = actorFor(agent, hostRoles);
 * await customers.getCustomer({ actor, customerId });
 * @category Agents
 */
export function actorFor(agent: AgentInput, roles: readonly RoleInput[] = []): Actor {
  const input = parseInput(ActorForInput, { agent, roles }, 'agent and roles');
  if (!input.agent.active) {
    throw new ForbiddenError(`Agent "${input.agent.id}" is inactive.`, {
      details: { agentId: input.agent.id },
    });
  }
  const known = new Map<string, Role>();
  for (const role of [...BuiltInRoles, ...input.roles]) known.set(role.id, role);
  const permissions = new Set<string>();
  input.agent.roleIds.forEach((id, i) => {
    const role = known.get(id);
    if (!role) {
      throw new ValidationError(`Invalid agent: roleIds.${i}: unknown role "${id}"`, [
        { path: ['agent', 'roleIds', i], message: `Unknown role "${id}"`, code: 'custom' },
      ]);
    }
    for (const p of role.permissions) permissions.add(p);
  });
  return { id: input.agent.id, roles: [...input.agent.roleIds], permissions: [...permissions].sort() };
}
