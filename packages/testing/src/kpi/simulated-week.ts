/**
 * A simulated week of a small contact centre for report tests, benchmarks and the demo: inbound calls over three
 * queues and six agents, Monday to Saturday in Budapest, waits and patience drawn from a seeded PRNG (same
 * seed, same week), with agent sessions and surveys. Rows are KPI rows (`@frontline/core/kpi`).
 */
import type { KpiAgentSessionInput, KpiContactInput, KpiSurveyInput } from '@frontline/core/kpi';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rows of a simulated week, as `kpiPartialOf` takes them, and the week's bounds. */
export interface SimulatedWeek {
  contacts: KpiContactInput[];
  sessions: KpiAgentSessionInput[];
  surveys: KpiSurveyInput[];
  /** The week's Monday 00:00 and the next Monday 00:00 in Budapest. */
  from: Date;
  to: Date;
}

/** The agents who take the simulated calls. */
export const AGENTS = ['anna', 'bence', 'csilla', 'daniel', 'eszter', 'ferenc'] as const;
/** The queues the simulated calls come in on. */
export const QUEUES = ['billing', 'technical', 'sales'] as const;

/** Calls an hour by local hour of day (8:00–18:00), before the day's factor. */
const HOURLY = [14, 22, 26, 24, 18, 16, 20, 18, 12, 8];
/** Monday is busiest, Saturday half a day. */
const DAY_FACTOR = [1.3, 1.1, 1, 1, 0.9, 0.4];

/**
 * The week from Monday 2 March 2026 (Budapest, UTC+1), about 1,000 calls: answered ones with talk, hold and
 * wrap-up time, resolution and escalation, abandoned ones when the caller's patience ran out first (Wednesday
 * afternoon is understaffed), a survey after about one answered call in five, and each agent's day of states.
 * @example
 * const { contacts, sessions, surveys } = simulatedWeek(); // the same rows on every run
 */
export function simulatedWeek(seed = 20260302): SimulatedWeek {
  const random = seededRandom(seed);
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const from = new Date('2026-03-01T23:00:00Z');
  const contacts: KpiContactInput[] = [];
  const surveys: KpiSurveyInput[] = [];
  const sessions: KpiAgentSessionInput[] = [];
  // Agents' slowness: some take longer per call.
  const pace: Record<string, number> = {
    anna: 0.9,
    bence: 1.2,
    csilla: 1,
    daniel: 1.05,
    eszter: 0.85,
    ferenc: 1.15,
  };
  let n = 0;
  for (let day = 0; day < DAY_FACTOR.length; day += 1) {
    const dayStart = from.getTime() + day * 86_400_000;
    const busy: Record<string, { onCall: number; wrapUp: number }> = {};
    for (const agent of AGENTS) busy[agent] = { onCall: 0, wrapUp: 0 };
    // Wednesday afternoon is understaffed: waits grow, service level drops below target.
    for (let hour = 0; hour < HOURLY.length; hour += 1) {
      const calls = Math.round((HOURLY[hour] ?? 10) * (DAY_FACTOR[day] ?? 1) * (0.8 + 0.4 * random()));
      const meanWait = day === 2 && hour >= 4 ? 70 : 14;
      for (let c = 0; c < calls; c += 1) {
        n += 1;
        const offered = dayStart + (8 + hour) * 3_600_000 + Math.floor(random() * 3_600_000);
        const wait = exp(meanWait);
        const patience = exp(110);
        const queue = pick(QUEUES);
        const customerId = `cust-${Math.floor(random() * 4000)}`;
        const id = `call-${n}`;
        if (patience < wait) {
          const abandonedAt = new Date(offered + Math.round(patience * 1000));
          contacts.push({
            id,
            customerId,
            channel: 'phone',
            queue,
            offeredAt: new Date(offered),
            abandonedAt,
            endedAt: abandonedAt,
          });
          continue;
        }
        const agent = pick(AGENTS);
        const answeredAt = offered + Math.round(wait * 1000);
        const talkMs = Math.round((90 + exp(180)) * (pace[agent] ?? 1) * 1000);
        const holdMs = random() < 0.25 ? Math.round(exp(40) * 1000) : 0;
        const wrapUpMs = Math.round((20 + exp(25)) * 1000);
        const resolved = random() < 0.78;
        const escalated = !resolved && random() < 0.5;
        busy[agent]!.onCall += talkMs + holdMs;
        busy[agent]!.wrapUp += wrapUpMs;
        contacts.push({
          id,
          customerId,
          channel: 'phone',
          queue,
          agentId: agent,
          category: queue,
          offeredAt: new Date(offered),
          answeredAt: new Date(answeredAt),
          endedAt: new Date(answeredAt + talkMs + holdMs),
          talkMs,
          holdMs,
          wrapUpMs,
          resolved,
          escalated,
        });
        if (random() < 0.2) {
          const happy = resolved ? 0.8 : 0.35;
          surveys.push({
            id: `survey-${n}`,
            answeredAt: new Date(answeredAt + talkMs + holdMs + 60_000),
            agentId: agent,
            queue,
            channel: 'phone',
            csat: random() < happy ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3),
            nps: random() < happy ? 8 + Math.floor(random() * 3) : Math.floor(random() * 8),
          });
        }
      }
    }
    const shiftMs = (day === 5 ? 5 : 10) * 3_600_000;
    for (const agent of AGENTS) {
      const b = busy[agent]!;
      const breakMs = Math.min(45 * 60_000, Math.max(0, shiftMs - b.onCall - b.wrapUp));
      sessions.push({
        agentId: agent,
        from: new Date(dayStart + 8 * 3_600_000),
        to: new Date(dayStart + 8 * 3_600_000 + Math.max(shiftMs, b.onCall + b.wrapUp + breakMs)),
        onCallMs: b.onCall,
        wrapUpMs: b.wrapUp,
        breakMs,
        availableMs: Math.max(0, shiftMs - b.onCall - b.wrapUp - breakMs),
      });
    }
  }
  return { contacts, sessions, surveys, from, to: new Date(from.getTime() + 7 * 86_400_000) };
}
