import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Average handle time (AHT, átlagos kezelési idő), in seconds: `(talk + hold + wrap-up) / handled` over every
 * answered contact, inbound or outbound. `null` when nothing was handled.
 * @example
 * averageHandleTime(totals) // 312
 * @category KPIs
 */
export function averageHandleTime(totals: KpiTotals): number | null {
  const c = totals.contacts;
  return ratio((c.talkMs + c.holdMs + c.wrapUpMs) / 1000, c.handled);
}
