import { z } from 'zod';
import { ForbiddenError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';

/**
 * A permission: dotted lower-case words, `area.action` (`ticket.escalate`, `customer.read_personal`).
 * @category Access
 */
export const Permission = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/,
    'A permission is dotted lower-case words, e.g. "ticket.escalate"',
  );
/** @category Access */
export type Permission = z.infer<typeof Permission>;

/**
 * Who performs a command: an agent (or a system worker) with the permissions its roles grant. Every command
 * of a Frontline service takes one; the audit log records its `id`.
 * @category Access
 */
export const Actor = z.object({
  /** The agent's id, or a worker name such as `system:sla-monitor`. */
  id: z.string().min(1).max(200),
  /** The role ids the permissions came from (for the audit trail and for authority limits). */
  roles: z.array(z.string().min(1).max(100)).default([]),
  /** Every permission the actor holds. */
  permissions: z.array(Permission),
});
/** @category Access */
export type Actor = z.output<typeof Actor>;
/** @category Access */
export type ActorInput = z.input<typeof Actor>;

/**
 * True when the actor holds the permission.
 * @category Access
 */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

/**
 * Validates the actor and throws a {@link ForbiddenError} naming the missing permission when it lacks it.
 * Returns the parsed actor.
 * @example const agent = requirePermission(input.actor, 'ticket.escalate');
 * @category Access
 */
export function requirePermission(actor: ActorInput, permissionInput: Permission): Actor {
  const parsed = parseInput(Actor, actor, 'actor');
  const permission = parseInput(Permission, permissionInput, 'permission');
  if (!hasPermission(parsed, permission)) {
    throw new ForbiddenError(`${parsed.id} lacks the permission "${permission}".`, {
      details: { actorId: parsed.id, permission, roles: parsed.roles },
    });
  }
  return parsed;
}
