/**
 * The demo's step 11: today's figures read from the `kpis()` module's stored daily roll-up — kept up to date in
 * the units of work that recorded the calls and worked the tickets above, so the read merges one stored partial
 * instead of reading every contact.
 */
import { type Actor, Permissions } from '@frontline/core';
import { answerRate, averageHandleTime, kpiTotals } from '@frontline/core/kpi';
import type { KpiRollupService } from '@frontline/core/service-desk';

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Prints today's KPIs (`today` is the local date, `YYYY-MM-DD`) as read by a team lead. */
export async function printTodaysKpis(input: {
  kpis: KpiRollupService;
  lead: Actor;
  today: string;
  say: (line?: string) => void;
}): Promise<void> {
  const { kpis, lead, today, say } = input;
  const teamLead = {
    ...lead,
    permissions: [...lead.permissions, Permissions.kpiRead, Permissions.kpiReadAgents],
  };
  const rollup = await kpis.rollup({ actor: teamLead, from: today, to: today, period: null });
  const { totals, backlog } = kpiTotals(rollup.partial);
  const aht = averageHandleTime(totals);
  say(
    `11. Today's KPIs from the stored roll-up (${today}): ${totals.contacts.offered} call(s) offered, answer rate ${pct(answerRate(totals))}, AHT ${aht === null ? '—' : `${Math.round(aht)} s`}, tickets opened ${totals.tickets.opened} / resolved ${totals.tickets.resolved}, open now ${backlog?.count ?? 0}`,
  );
}
