import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { addDuration, emptyHistogram } from './duration-histogram';
import { mergeRuns } from './first-contact-runs';
import { checkedContact } from './kpi-contact-check';
import { groupKeyer, type KpiDimensionValues } from './kpi-group-key';
import {
  type ContactRun,
  emptyFirstContactState,
  emptyKpiTotals,
  type KpiGroupKey,
  type KpiPartial,
  type KpiTotals,
} from './kpi-partial';
import { periodOf } from './kpi-period';
import { KpiAgentSession, KpiContact, KpiSurvey, KpiTicket } from './kpi-rows.schema';

/** A group of the partial being built: its id and its totals, found by the row's period and values. */
interface Slot {
  id: string;
  totals: KpiTotals;
}
/** The groups of one period, found by their dimension values one after another (`by` order). */
type Level = Map<string | null, Level | Slot>;
interface PeriodSlots {
  start: number;
  end: number;
  /** ISO start and end, as group keys hold them; `null` without a period dimension. */
  key: { start: string; end: string } | null;
  groups: Level;
}

/**
 * Builds a partial row by row — the one pass behind `kpiPartialOf` and `kpiPartialOfStream`. Each row is
 * validated (a bad row is a `ValidationError` whose path starts with its list and index) and added to its group;
 * groups are found through maps by period and dimension values, so a row costs no key string.
 *
 * First-contact runs are kept per customer (see `kpiPartialOf`). With `ordered`, contacts must come in time order
 * (by `offeredAt`; an earlier one is a `ValidationError`), and the runs are settled as the stream goes: when the
 * first contact at `T` arrives, every contact before `T` is in, so the partial is settled through `T − 1 ms`
 * exactly as `settleFirstContacts` would — pending contacts whose window has passed are met, and customers whose
 * last run ended a window or more before are dropped. The state is then the customers of the last window only.
 * @internal
 */
export class KpiAccumulator {
  private readonly windowMs: number;
  /**
   * Per customer, runs by start: the partial's first-contact state, in a Map while rows come (hundreds of
   * thousands of customers come and go: a Map inserts and deletes without the object's dictionary costs), written
   * into the partial by `finish`.
   */
  private readonly runs: Map<string, ContactRun[]>;
  /**
   * With `ordered`: the customers in the order of their contacts, one entry a contact (`touched[i]` at
   * `touchedAt[i]`), from `head` on — a queue that `settleThrough` reads from the front.
   */
  private touched: string[] = [];
  private touchedAt: number[] = [];
  private head = 0;
  private readonly periods = new Map<number, PeriodSlots>();
  private current: PeriodSlots | undefined;
  private lastOffered = Number.NEGATIVE_INFINITY;
  private asOf: number | null = null;
  private backlogKeyOf: ReturnType<typeof groupKeyer> | undefined;

  constructor(
    private readonly partial: KpiPartial,
    private readonly ordered = false,
  ) {
    this.windowMs = partial.grouping.recontactWindowHours * 3_600_000;
    this.runs = new Map(Object.entries(partial.firstContact));
  }

  contact(input: unknown, index: number): void {
    const c = checkedContact(input) ?? parseInput(KpiContact, input, 'KPI contact', ['contacts', index]);
    const offered = c.offeredAt.getTime();
    if (this.ordered && offered !== this.lastOffered) {
      if (offered < this.lastOffered) {
        const message = `Out of time order: offered before the contact before it (${new Date(this.lastOffered).toISOString()}), but the rows were said to be ordered`;
        throw new ValidationError(`Invalid KPI contact: contacts.${index}.offeredAt: ${message}`, [
          { path: ['contacts', index, 'offeredAt'], message, code: 'custom' },
        ]);
      }
      this.settleThrough(offered - 1);
    }
    this.lastOffered = offered;
    const slot = this.slot(offered, {
      agent: c.agentId,
      queue: c.queue,
      channel: c.channel,
      category: c.category,
    });
    const totals = slot.totals;
    const t = totals.contacts;
    const inbound = c.direction === 'inbound';
    if (inbound) t.offered += 1;
    if (c.answeredAt !== null) {
      const answered = c.answeredAt.getTime();
      if (inbound) {
        t.answered += 1;
        addDuration(t.answeredWait, answered - offered);
      }
      t.handled += 1;
      t.talkMs += c.talkMs ?? c.endedAt.getTime() - answered - c.holdMs;
      t.holdMs += c.holdMs;
      t.wrapUpMs += c.wrapUpMs;
      if (c.resolved) t.resolved += 1;
      if (c.escalated) t.escalated += 1;
      if (c.resolved && !c.escalated) t.resolvedWithoutEscalation += 1;
    } else if (c.abandonedAt !== null) {
      t.abandoned += 1;
      addDuration(t.abandonedWait, c.abandonedAt.getTime() - offered);
    }
    if (inbound && c.customerId !== null) {
      const eligible = c.answeredAt !== null;
      const pending = eligible && c.resolved;
      if (eligible) totals.firstContact.eligible += 1;
      if (pending) totals.firstContact.pending += 1;
      this.addToRuns(c.customerId, offered, pending ? slot.id : null);
    }
  }

  session(input: unknown, index: number): void {
    const s = parseInput(KpiAgentSession, input, 'KPI agent session', ['sessions', index]);
    const a = this.slot(s.from.getTime(), {
      agent: s.agentId,
      queue: s.queue,
      channel: s.channel,
      category: null,
    }).totals.agents;
    a.availableMs += s.availableMs;
    a.onCallMs += s.onCallMs;
    a.wrapUpMs += s.wrapUpMs;
    a.breakMs += s.breakMs;
  }

  /** Takes the backlog snapshot of the tickets added after this at `value` (checked, path `backlogAsOf`). */
  backlogAsOf(value: unknown): void {
    this.asOf = parseInput(Instant, value, 'backlog instant', ['backlogAsOf']).getTime();
    this.partial.backlog.asOf = new Date(this.asOf).toISOString();
  }

  ticket(input: unknown, index: number): void {
    const t = parseInput(KpiTicket, input, 'KPI ticket', ['tickets', index]);
    const values = { agent: t.agentId, queue: t.queue, channel: t.channel, category: t.category };
    const opened = t.openedAt.getTime();
    const resolved = t.resolvedAt?.getTime() ?? null;
    const closed = t.closedAt?.getTime() ?? null;
    this.slot(opened, values).totals.tickets.opened += 1;
    if (resolved !== null) {
      const tickets = this.slot(resolved, values).totals.tickets;
      tickets.resolved += 1;
      if (t.escalated) tickets.resolvedEscalated += 1;
    }
    if (closed !== null) this.slot(closed, values).totals.tickets.closed += 1;
    const asOf = this.asOf;
    if (asOf !== null && isOpenAt(asOf, opened, resolved, closed)) {
      // A snapshot at a period's end belongs to that period: [start, end) holds asOf − 1 ms.
      this.backlogKeyOf ??= groupKeyer(this.partial.grouping);
      const { id, key } = this.backlogKeyOf(asOf - 1, values);
      let group = this.partial.backlog.groups[id];
      if (group === undefined) {
        group = { key, count: 0, age: emptyHistogram() };
        this.partial.backlog.groups[id] = group;
      }
      group.count += 1;
      addDuration(group.age, asOf - opened);
    }
  }

  survey(input: unknown, index: number): void {
    const s = parseInput(KpiSurvey, input, 'KPI survey', ['surveys', index]);
    const surveys = this.slot(s.answeredAt.getTime(), {
      agent: s.agentId,
      queue: s.queue,
      channel: s.channel,
      category: s.category,
    }).totals.surveys;
    if (s.csat !== null) surveys.csat[s.csat - 1] = (surveys.csat[s.csat - 1] ?? 0) + 1;
    if (s.nps !== null) surveys.nps[s.nps] = (surveys.nps[s.nps] ?? 0) + 1;
    if (s.ces !== null) surveys.ces[s.ces - 1] = (surveys.ces[s.ces - 1] ?? 0) + 1;
  }

  /** The partial of the rows added (the accumulator is done with it). */
  finish(): KpiPartial {
    const state = emptyFirstContactState();
    for (const [customer, runs] of this.runs) state[customer] = runs;
    this.partial.firstContact = state;
    return this.partial;
  }

  /** The group of a row at `ms` with these dimension values, created on first use. */
  private slot(ms: number, values: KpiDimensionValues): Slot {
    const g = this.partial.grouping;
    let period = this.current;
    if (period === undefined || ms < period.start || ms >= period.end) period = this.periodAt(ms);
    const by = g.by;
    let level = period.groups;
    for (let d = 0; d < by.length - 1; d++) {
      const value = values[by[d] as keyof KpiDimensionValues];
      let next = level.get(value) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = by.length === 0 ? null : values[by[by.length - 1] as keyof KpiDimensionValues];
    let slot = level.get(value) as Slot | undefined;
    if (slot === undefined) {
      const key: KpiGroupKey = {};
      const parts: (string | null)[] = [];
      if (period.key !== null) {
        key.period = { start: period.key.start, end: period.key.end };
        parts.push(period.key.start);
      }
      for (const dim of by) {
        key[dim] = values[dim];
        parts.push(values[dim]);
      }
      const id = JSON.stringify(parts);
      let group = this.partial.groups[id];
      if (group === undefined) {
        group = { key, totals: emptyKpiTotals() };
        this.partial.groups[id] = group;
      }
      slot = { id, totals: group.totals };
      level.set(value, slot);
    }
    return slot;
  }

  private periodAt(ms: number): PeriodSlots {
    const g = this.partial.grouping;
    let period: PeriodSlots | undefined;
    if (g.period === null) {
      period = this.periods.get(0);
      if (period === undefined) {
        period = { start: -Infinity, end: Infinity, key: null, groups: new Map() };
        this.periods.set(0, period);
      }
    } else {
      const { start, end } = periodOf(ms, g.period, g.timeZone);
      period = this.periods.get(start.getTime());
      if (period === undefined) {
        period = {
          start: start.getTime(),
          end: end.getTime(),
          key: { start: start.toISOString(), end: end.toISOString() },
          groups: new Map(),
        };
        this.periods.set(period.start, period);
      }
    }
    this.current = period;
    return period;
  }

  /**
   * Adds an inbound contact of a known customer at `at` to the customer's runs; `pendingId` is its group when it
   * is resolved (its verdict open). Same result as `addContactToRuns` with a run `{ at, at, [pendingId] }`, in
   * place: in time order only the last run changes.
   */
  private addToRuns(customer: string, at: number, pendingId: string | null): void {
    const pending = pendingId === null ? [] : [pendingId];
    if (this.ordered) {
      this.touched.push(customer);
      this.touchedAt.push(at);
    }
    let runs = this.runs.get(customer);
    if (runs === undefined) {
      this.runs.set(customer, [{ start: at, end: at, pending }]);
      return;
    }
    const last = runs[runs.length - 1] as ContactRun;
    if (at - last.end > this.windowMs) {
      if (this.ordered) {
        // every contact before `at` is in, and these runs ended more than a window before it
        this.settleRuns(runs);
        runs.length = 0;
      }
      runs.push({ start: at, end: at, pending });
    } else if (at > last.end) {
      for (const id of last.pending) this.recontacted(id);
      last.end = at;
      last.pending = pending;
    } else if (at === last.end) {
      if (pendingId !== null) {
        last.pending.push(pendingId);
        last.pending.sort();
      }
    } else if (at >= last.start) {
      // inside the last run, before its end: its end re-contacts this one
      if (pendingId !== null) this.recontacted(pendingId);
    } else {
      runs = mergeRuns(runs, [{ start: at, end: at, pending }], this.windowMs, (id) => this.recontacted(id));
      this.runs.set(customer, runs);
    }
  }

  /** Settles (like `settleFirstContacts`) every customer whose last contact was a window or more before `through`. */
  private settleThrough(through: number): void {
    const { touched, touchedAt, windowMs } = this;
    let head = this.head;
    while (head < touched.length && (touchedAt[head] as number) + windowMs <= through) {
      const customer = touched[head] as string;
      const runs = this.runs.get(customer);
      // an entry of a customer's last contact (not an earlier one) settles the customer
      if (runs !== undefined && (runs[runs.length - 1] as ContactRun).end === touchedAt[head]) {
        this.settleRuns(runs);
        this.runs.delete(customer);
      }
      head += 1;
    }
    if (head > 65_536 && head * 2 > touched.length) {
      this.touched = touched.slice(head);
      this.touchedAt = touchedAt.slice(head);
      head = 0;
    }
    this.head = head;
  }

  /** The pending contacts of runs whose window has passed without a re-contact: met. */
  private settleRuns(runs: readonly ContactRun[]): void {
    for (const run of runs) {
      for (const id of run.pending) {
        const fc = this.partial.groups[id]?.totals.firstContact;
        if (fc) {
          fc.pending -= 1;
          fc.met += 1;
        }
      }
    }
  }

  /** A pending first contact of group `id` was followed by a re-contact: no longer pending, not met. */
  private recontacted(id: string): void {
    const group = this.partial.groups[id];
    if (group !== undefined) group.totals.firstContact.pending -= 1;
  }
}

function isOpenAt(asOf: number, opened: number, resolved: number | null, closed: number | null): boolean {
  return opened <= asOf && (resolved === null || resolved > asOf) && (closed === null || closed > asOf);
}
