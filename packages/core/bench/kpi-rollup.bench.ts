/**
 * Issue 11: a year's dashboard from daily roll-ups against recomputing it from the interactions. 1,000,000
 * contacts over 365 days (quick: 30,000; fixtures/kpi-contacts.ts), the KPI set of fixtures/kpi-sql.ts on every
 * local day × queue group of the year (1,460 groups), first contacts settled through the end.
 *
 * Candidates: the 365 daily partials as a roll-up table holds them — JSON strings, each `kpiPartialOf` of one
 * local day's contacts, unsettled, built in setup — read back with `JSON.parse` + `parseKpiPartial` (checked, as
 * for anything from storage), merged pairwise as a balanced tree with `mergeKpiPartials` (any order and tree
 * shape give the same partial), settled with `settleFirstContacts`, then the calculators; and the same without
 * `parseKpiPartial` (a store the host trusts), to show what checking costs.
 * Baseline: recomputing from the year's rows — `kpiPartialOf` over the whole array (every row validated), the
 * same settle and calculators. Fair: both end in the same figures (setup checks they are equal, group by group)
 * and neither touches storage; the roll-up side pays for parsing its JSON.
 */
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import {
  emptyKpiPartial,
  type KpiPartial,
  kpiPartialOf,
  mergeKpiPartials,
  parseKpiPartial,
  settleFirstContacts,
} from '../src/kpi';
import { contactArray } from './fixtures/kpi-contacts';
import { DAY_BY_QUEUE, sdkKpis } from './fixtures/kpi-sql';

const COUNT = benchSize(1_000_000, 30_000);
const rowsOptions = { count: COUNT, days: 365 };
const END = { completeThrough: new Date('2027-03-10T00:00:00Z') };
const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' });

/** Merges pairwise, level by level: log₂(n) levels, each touching every partial's state once. */
function mergeAll(partials: KpiPartial[]): KpiPartial {
  let level = partials;
  while (level.length > 1) {
    const next: KpiPartial[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const [a, b] = [level[i] as KpiPartial, level[i + 1]];
      next.push(b === undefined ? a : mergeKpiPartials(a, b));
    }
    level = next;
  }
  return level[0] ?? emptyKpiPartial(DAY_BY_QUEUE);
}

function rollupCase(): BenchCase {
  let stored: string[] = [];
  const fromRollups = (parse: (json: unknown) => KpiPartial) => () =>
    sdkKpis(settleFirstContacts(mergeAll(stored.map((s) => parse(JSON.parse(s)))), END));
  const recompute = () =>
    sdkKpis(settleFirstContacts(kpiPartialOf({ contacts: contactArray(rowsOptions) }, DAY_BY_QUEUE), END));
  return {
    name: `A year's KPI set by day × queue: 365 daily roll-ups vs recomputing ${COUNT.toLocaleString('en-US')} contacts`,
    itemsPerOp: COUNT,
    unit: 'contact',
    iterations: 3,
    time: 0,
    setup: () => {
      const days = new Map<string, (typeof rows)[number][]>();
      const rows = contactArray(rowsOptions);
      for (const row of rows) {
        const day = localDay.format(new Date(row.offeredAt));
        let list = days.get(day);
        if (list === undefined) {
          list = [];
          days.set(day, list);
        }
        list.push(row);
      }
      stored = [...days.values()].map((list) =>
        JSON.stringify(kpiPartialOf({ contacts: list }, DAY_BY_QUEUE)),
      );
      const mb = stored.reduce((n, s) => n + s.length, 0) / 1024 / 1024;
      console.error(`  ${stored.length} daily roll-ups, ${mb.toFixed(1)} MB of JSON`);
      const [a, b] = [JSON.stringify(fromRollups(parseKpiPartial)()), JSON.stringify(recompute())];
      if (a !== b) throw new Error('The KPI set from roll-ups differs from the one recomputed from the rows');
    },
    teardown: () => {
      stored = [];
    },
    baseline: { name: 'recompute: kpiPartialOf over the year + settle + calculators', fn: recompute },
    candidates: [
      {
        name: 'roll-ups: JSON.parse + parseKpiPartial + mergeKpiPartials + settle + calculators',
        fn: fromRollups(parseKpiPartial),
      },
      {
        name: 'roll-ups, trusted store: JSON.parse + merge + settle + calculators',
        fn: fromRollups((json) => json as KpiPartial),
      },
    ],
  };
}

export default defineBenchSuite({ name: 'core', cases: () => [rollupCase()] });
