import { InteractionChannel, InteractionDirection } from '../interactions/interaction.schema';
import { KpiContact } from './kpi-rows.schema';

// The rules of `KpiContact` (kpi-rows.schema.ts) and of the schemas it uses (EntityId, QueueName, AgentId,
// TicketCategory, Instant), for the common shape only; kpi-contact-check.test.ts checks that this agrees with
// the schema on generated good and bad rows.
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const CATEGORY = /^[a-z][a-z0-9_.-]{0,63}$/;
const CHANNELS: ReadonlySet<unknown> = new Set(InteractionChannel.options);
const DIRECTIONS: ReadonlySet<unknown> = new Set(InteractionDirection.options);
const KEYS: ReadonlySet<string> = new Set(Object.keys(KpiContact.shape));
const MAX_DURATION_MS = 86_400_000;
/** Returned by a field check when the row needs the schema (to be refused with its issues, or parsed). */
const NO = Symbol('no');

const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const id = (v: unknown) => (typeof v === 'string' && ID.test(v) ? v : NO);
const nullable = <T>(v: unknown, check: (v: unknown) => T | typeof NO) =>
  v === undefined || v === null ? null : check(v);
const trimmed = (max: number) => (v: unknown) => {
  if (typeof v !== 'string') return NO;
  const t = v.trim();
  return t.length >= 1 && t.length <= max ? t : NO;
};
const queueName = trimmed(100);
const agentName = trimmed(200);
const category = (v: unknown) => (typeof v === 'string' && CATEGORY.test(v) ? v : NO);
const instant = (v: unknown) => (isDate(v) ? v : NO);
const duration = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_DURATION_MS ? v : NO;
const flag = (v: unknown) => (v === undefined ? false : typeof v === 'boolean' ? v : NO);

/**
 * The `KpiContact` of a row in the shape hosts usually pass (instants as `Date`s), checked by hand without the
 * schema — or `undefined` when the row is anything else (ISO strings, a bad field, an unknown key), which the
 * caller then parses with `KpiContact` to get its value or its issues. Never accepts a row the schema refuses,
 * and gives what the schema gives for the rows it accepts. The KPI passes read millions of rows, and this is
 * several times faster than the schema.
 * @internal
 */
export function checkedContact(input: unknown): KpiContact | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const r = input as Record<string, unknown>;
  for (const key in r) if (!KEYS.has(key)) return undefined;
  const c = {
    id: id(r.id),
    customerId: nullable(r.customerId, id),
    channel: CHANNELS.has(r.channel) ? (r.channel as KpiContact['channel']) : NO,
    direction:
      r.direction === undefined
        ? 'inbound'
        : DIRECTIONS.has(r.direction)
          ? (r.direction as KpiContact['direction'])
          : NO,
    queue: nullable(r.queue, queueName),
    agentId: nullable(r.agentId, agentName),
    category: nullable(r.category, category),
    offeredAt: instant(r.offeredAt),
    answeredAt: nullable(r.answeredAt, instant),
    abandonedAt: nullable(r.abandonedAt, instant),
    endedAt: instant(r.endedAt),
    talkMs: nullable(r.talkMs, duration),
    holdMs: r.holdMs === undefined ? 0 : duration(r.holdMs),
    wrapUpMs: r.wrapUpMs === undefined ? 0 : duration(r.wrapUpMs),
    escalated: flag(r.escalated),
    resolved: flag(r.resolved),
  };
  for (const key in c) if (c[key as keyof typeof c] === NO) return undefined;
  const contact = c as KpiContact;
  return consistent(contact) ? contact : undefined;
}

/** The cross-field rules of `KpiContact` (its `superRefine`): true when none is broken. */
function consistent(c: KpiContact): boolean {
  const offered = c.offeredAt.getTime();
  const answered = c.answeredAt?.getTime() ?? null;
  const abandoned = c.abandonedAt?.getTime() ?? null;
  const ended = c.endedAt.getTime();
  if (answered !== null && (answered < offered || abandoned !== null)) return false;
  if (abandoned !== null && (abandoned < offered || c.direction !== 'inbound')) return false;
  if (ended < (answered ?? abandoned ?? offered)) return false;
  if (answered === null) return (c.talkMs ?? 0) + c.holdMs === 0 && !c.resolved && !c.escalated;
  return (c.talkMs ?? 0) + c.holdMs <= ended - answered;
}
