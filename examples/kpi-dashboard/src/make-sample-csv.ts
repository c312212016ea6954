/**
 * Writes data/contacts.csv: a made-up week (Monday 2 – Saturday 7 March 2026, Budapest) of inbound calls and
 * chats over three queues and six agents, from a seeded PRNG (the same file every time). Wednesday afternoon
 * is understaffed, so the service level misses its target there.
 *
 *   npm run sample -w @frontline/example-kpi-dashboard
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '@frontline/testing/kpi';
import { COLUMNS } from './contacts-csv';

const random = seededRandom(20260302);
const exp = (mean: number) => -Math.log(1 - random()) * mean;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const agents = ['anna', 'bence', 'csilla', 'daniel', 'eszter', 'ferenc'];
const pace: Record<string, number> = {
  anna: 0.9,
  bence: 1.2,
  csilla: 1,
  daniel: 1.05,
  eszter: 0.85,
  ferenc: 1.15,
};
const queues = ['billing', 'technical', 'sales'];
const hourly = [14, 22, 26, 24, 18, 16, 20, 18, 12, 8]; // 8:00–18:00
const dayFactor = [1.3, 1.1, 1, 1, 0.9, 0.4]; // Monday … Saturday
const monday = Date.parse('2026-03-01T23:00:00Z'); // 00:00 in Budapest (UTC+1)
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const lines = [COLUMNS.join(',')];
let n = 0;
for (let day = 0; day < dayFactor.length; day += 1) {
  for (let hour = 0; hour < hourly.length; hour += 1) {
    const calls = Math.round(hourly[hour]! * dayFactor[day]! * (0.8 + 0.4 * random()));
    const meanWait = day === 2 && hour >= 4 ? 70 : 14;
    for (let c = 0; c < calls; c += 1) {
      n += 1;
      const offered = monday + day * 86_400_000 + (8 + hour) * 3_600_000 + Math.floor(random() * 3600) * 1000;
      const wait = exp(meanWait);
      const patience = exp(110);
      const queue = pick(queues);
      const channel = random() < 0.15 ? 'chat' : 'phone';
      const row: Record<(typeof COLUMNS)[number], string> = {
        id: `contact-${n}`,
        customer_id: `cust-${Math.floor(random() * 4000)}`,
        channel,
        direction: 'inbound',
        queue,
        agent_id: '',
        category: '',
        offered_at: iso(offered),
        answered_at: '',
        abandoned_at: '',
        ended_at: '',
        talk_s: '',
        hold_s: '',
        wrap_up_s: '',
        resolved: 'false',
        escalated: 'false',
      };
      if (patience < wait) {
        row.abandoned_at = row.ended_at = iso(offered + Math.round(patience) * 1000);
      } else {
        const agent = pick(agents);
        const answered = offered + Math.round(wait) * 1000;
        const talk = Math.round((90 + exp(180)) * pace[agent]!);
        const hold = random() < 0.25 ? Math.round(exp(40)) : 0;
        const resolved = random() < 0.78;
        Object.assign(row, {
          agent_id: agent,
          category: queue,
          answered_at: iso(answered),
          ended_at: iso(answered + (talk + hold) * 1000),
          talk_s: String(talk),
          hold_s: String(hold),
          wrap_up_s: String(Math.round(20 + exp(25))),
          resolved: String(resolved),
          escalated: String(!resolved && random() < 0.5),
        });
      }
      lines.push(COLUMNS.map((column) => row[column]).join(','));
    }
  }
}
const path = resolve(import.meta.dirname, '..', 'data', 'contacts.csv');
writeFileSync(path, `${lines.join('\n')}\n`);
console.log(`${n} contacts written to ${path}`);
