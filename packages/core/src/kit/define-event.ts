import { z } from 'zod';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { DomainEvent } from '../services/domain-events';

/** `area.fact.vN`: lower-case dotted past tense with a version suffix. */
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.v[1-9][0-9]*$/;

/**
 * A typed, versioned event: its name (`complaint.decided.v1`), what it means, and the zod schema of its
 * payload. A breaking change to the payload is a new version (`.v2`) declared beside the old one, so
 * subscribers migrate when they choose.
 * @category Kit
 */
export interface EventDefinition<T extends string = string, P extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly description: string;
  readonly payload: P;
}

/**
 * One entry of the event catalogue a composition root exports: the event, the module that declares it and
 * its payload as JSON Schema (for hosts in other languages, webhooks and docs).
 * @category Kit
 */
export interface EventCatalogueEntry {
  readonly type: string;
  readonly module: string;
  readonly description: string;
  readonly payloadSchema: unknown;
}

/**
 * Declares a typed, versioned event. The name is checked here: dotted lower-case ending in a version
 * (`ticket.escalated.v1`); a bad name fails at definition time.
 * @example
 * export const ComplaintDecided = defineEvent({
 *   type: 'complaint.decided.v1',
 *   description: 'A complaint was decided; the compensation granted, if any, is in the payload.',
 *   payload: z.object({ complaintId: z.string(), granted: Money.nullable() }),
 * });
 * @category Kit
 */
export function defineEvent<const T extends string, P extends z.ZodType>(
  definition: EventDefinition<T, P>,
): EventDefinition<T, P> {
  if (!EVENT_TYPE.test(definition.type)) {
    throw new FrontlineError(
      'VALIDATION',
      `Event type "${definition.type}" must be dotted lower-case with a version suffix, such as "ticket.escalated.v1".`,
      { details: { issues: [{ path: ['type'], message: 'Expected area.fact.vN', code: 'invalid_format' }] } },
    );
  }
  return Object.freeze({ ...definition });
}

/** The JSON Schema of an event's payload, or `null` when the schema cannot be expressed in JSON Schema. */
export function payloadJsonSchema(event: EventDefinition): unknown {
  try {
    return z.toJSONSchema(event.payload, { unrepresentable: 'any', io: 'input' });
  } catch {
    return null;
  }
}

/**
 * Builds the `DomainEvent` a command records for a typed event: the payload is validated against the event's
 * schema (a command that would announce a malformed event fails before anything is stored) and its JSON form is
 * what the audit entry and the outbox message carry.
 * @example
 * emit(TicketEscalated, { entityType: 'ticket', entityId: t.id }, { from: 'open', to: 'escalated', reason });
 * @category Kit
 */
export function emit<P extends z.ZodType>(
  event: EventDefinition<string, P>,
  about: { readonly entityType: string; readonly entityId: string; readonly dedupeKey?: string },
  payload: z.input<P>,
): DomainEvent {
  const parsed = parseInput(event.payload, payload, `${event.type} payload`);
  return {
    type: event.type,
    entityType: about.entityType,
    entityId: about.entityId,
    payload: JSON.parse(JSON.stringify(parsed ?? null)),
    ...(about.dedupeKey === undefined ? {} : { dedupeKey: about.dedupeKey }),
  };
}
