/**
 * The demo's data and console helpers: the caller, the complaint office, the authority matrix and the
 * compensation rules (inline: the demo depends on no other example, and on the testing package only for the
 * simulated KPI week of `@frontline/testing/kpi`).
 */

import { formatMoney, type Money, money } from '@frontline/core';
import type { AuthorityMatrix, CompensationRuleSetInput, ComplaintOffice } from '@frontline/core/complaints';

export const CALLER_PHONE = '06 30 123 4567';
export const CALLER_ADDRESS = {
  lines: ['Király utca 12.'],
  locality: 'Pécs',
  postalCode: '7621',
  region: 'Baranya',
  country: 'HU',
};
export const ZONE = 'Europe/Budapest';

export const at = (d: Date | null | undefined) =>
  d
    ? new Intl.DateTimeFormat('hu-HU', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' }).format(d)
    : '—';
export const short = (id: string) => id.slice(-8);
export const say = (line = '') => console.log(line);

export const huf = (forint: number) => money(forint * 100, 'HUF');
export const ft = (m: Money) => formatMoney(m, 'hu');
/** A letter's HTML as console text: line breaks kept, tags dropped, blank lines trimmed, at most 25 lines. */
export const letterText = (html: string) =>
  html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .slice(0, 25);

// ── complaint handling data (inline: the demo depends on neither another example nor the testing subpath) ──
export const COMPLAINT_OFFICE: ComplaintOffice = {
  name: 'Példa Távközlési Zrt.',
  address: { postalCode: '1051', city: 'Budapest', street: 'Nádor utca 5.' },
  phone: '+36 1 234 5678',
  email: 'panasz@pelda.hu',
};
/** Who may grant how much on their own: above the limit, a second person with more authority approves. */
export const AUTHORITY: AuthorityMatrix = {
  currency: 'HUF',
  limits: [
    { role: 'operator_l1', kind: 'credit', max: huf(5_000) },
    { role: 'operator_l1', kind: 'refund', max: huf(5_000) },
    { role: 'supervisor', kind: 'credit', max: huf(50_000) },
    { role: 'supervisor', kind: 'refund', max: huf(50_000) },
  ],
};
/** Version 1 of the demo's compensation rules; versions are immutable, so it is saved only when missing. */
export const RULES: CompensationRuleSetInput = {
  id: 'quickstart_compensation',
  version: 1,
  currency: 'HUF',
  rules: [
    {
      id: 'outage_long',
      description: 'Egy napnál hosszabb hiba: 1 000 Ft megkezdett óránként, legfeljebb 60 000 Ft',
      when: { categories: ['network_outage'], minOutageHours: 24 },
      kind: 'credit',
      award: { basis: 'per_outage_hour', amount: huf(1_000) },
      max: huf(60_000),
    },
    {
      id: 'billing_error',
      description: 'Hibás számla: a vitatott összeg 100%-a vissza, legfeljebb 50 000 Ft',
      when: { categories: ['billing'], minAmountInDispute: huf(1) },
      kind: 'refund',
      award: { basis: 'percent_of_dispute', percent: 100 },
      max: huf(50_000),
    },
    {
      id: 'apology',
      description: 'Egyébként bocsánatkérés',
      kind: 'apology_only',
      award: { basis: 'fixed', amount: huf(0) },
    },
  ],
  caps: [{ id: 'yearly', perCustomer: huf(1_000_000), windowDays: 365 }],
};
