import { readFileSync } from 'node:fs';
import { FrontlineError } from '@frontline/core';
import { renderDashboardHtml } from '@frontline/core/charts/html';
import { describe, expect, it } from 'vitest';
import { contactsFromCsv, lineOf, parseCsv } from './contacts-csv';
import { weeklyReport } from './weekly-report';

const options = { serviceLevel: { thresholdSeconds: 20, target: 0.8 } } as const;
const generatedAt = new Date('2026-03-09T07:00:00Z');

describe('contacts from a CSV export', () => {
  it('reads quoted cells and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"x, ""y""",\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', ''],
    ]);
  });

  it('names the CSV line and column of a bad value', () => {
    const csv = [
      'id,channel,offered_at,answered_at,ended_at,talk_s',
      'c1,phone,2026-03-02T08:00:00Z,2026-03-02T08:00:10Z,2026-03-02T08:05:00Z,200',
      'c2,phone,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T08:59:00Z,',
    ].join('\n');
    try {
      weeklyReport({ contacts: contactsFromCsv(csv), timeZone: 'Europe/Budapest', options, generatedAt });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      const [issue] = (error as FrontlineError).details.issues as { path: (string | number)[] }[];
      expect(lineOf(issue!.path)).toBe('line 3, column ended_at');
    }
  });
});

describe('the weekly report of the sample export', () => {
  const contacts = contactsFromCsv(readFileSync(new URL('../data/contacts.csv', import.meta.url), 'utf8'));
  const report = weeklyReport({ contacts, timeZone: 'Europe/Budapest', options, generatedAt });

  it('covers every contact, day by day', () => {
    expect(report.summary).toMatchObject({ contacts: contacts.length, days: 6 });
    const [days] = report.tables;
    expect(days!.rows.map((r) => r.label)).toEqual([
      'Mon 2 Mar',
      'Tue 3 Mar',
      'Wed 4 Mar',
      'Thu 5 Mar',
      'Fri 6 Mar',
      'Sat 7 Mar',
    ]);
    expect(days!.total?.values[0]).toBe(contacts.length);
    expect(report.dashboard.title).toBe('Contact centre — 2 March 2026 to 7 March 2026');
  });

  it('makes a dashboard with a canvas per chart', () => {
    const html = renderDashboardHtml(report.dashboard);
    expect(html.match(/<canvas /g)).toHaveLength(6);
  });
});
