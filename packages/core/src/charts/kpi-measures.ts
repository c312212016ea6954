import { z } from 'zod';
import { parseInput } from '../errors/validate';
import {
  abandonmentRate,
  answerRate,
  averageHandleTime,
  averageSpeedOfAnswer,
  customerSatisfaction,
  firstContactResolution,
  type KpiTotals,
  netPromoterScore,
  occupancy,
  ServiceLevelVariant,
  serviceLevel,
  utilisation,
} from '../kpi';
import { ThresholdSeconds } from '../kpi/kpi-options';

/**
 * A figure a report can show for a group of KPI totals: a count, a KPI of `@frontline/core/kpi`, or a survey
 * score. Rates are shares from 0 to 1 (charts draw them as percentages).
 * @category Charts
 */
export const KpiMeasure = z.enum([
  'offered',
  'answered',
  'abandoned',
  'handled',
  'answerRate',
  'abandonmentRate',
  'serviceLevel',
  'averageSpeedOfAnswer',
  'averageHandleTime',
  'occupancy',
  'utilisation',
  'firstContactResolution',
  'customerSatisfaction',
  'netPromoterScore',
]);
/** @category Charts */
export type KpiMeasure = z.infer<typeof KpiMeasure>;

/**
 * How a figure is read: `count` (a whole number), `rate` (a share from 0 to 1), `seconds`, `score` (NPS, −100
 * to 100).
 * @category Charts
 */
export type KpiMeasureUnit = 'count' | 'rate' | 'seconds' | 'score';

/**
 * The choices a report makes once for all its figures: the service-level threshold, variant and target (the
 * target line), and the short-abandon threshold for the abandonment rate and the outcome doughnut.
 * @category Charts
 */
export const KpiReportOptions = z.strictObject({
  serviceLevel: z
    .strictObject({
      thresholdSeconds: ThresholdSeconds.default(20),
      variant: ServiceLevelVariant.default('answered-and-abandoned'),
      shortAbandonSeconds: ThresholdSeconds.default(5),
      /** The target share (0–1): the target line of the service-level trend. */
      target: z.number().min(0).max(1).default(0.8),
    })
    .prefault({}),
  /** Abandoned within this many seconds: a short abandon (left out of the abandonment rate). */
  shortAbandonSeconds: ThresholdSeconds.default(5),
});
/** @category Charts */
export type KpiReportOptions = z.output<typeof KpiReportOptions>;
/** @category Charts */
export type KpiReportOptionsInput = z.input<typeof KpiReportOptions>;

/** Reads report options (defaults filled in), or throws a `ValidationError` at `at`. @internal */
export function reportOptions(
  input: unknown,
  at: readonly (string | number)[] = ['options'],
): KpiReportOptions {
  return parseInput(KpiReportOptions, input ?? {}, 'report options', at);
}

/**
 * What a figure is, for a person: its name, unit, and the formula it is computed by (the text of the
 * Definitions sheet and of the dashboard's notes), with the report's options filled in.
 * @category Charts
 */
export interface KpiMeasureDefinition {
  measure: KpiMeasure;
  label: string;
  unit: KpiMeasureUnit;
  formula: string;
}

const VARIANT_FORMULA: Record<ServiceLevelVariant, string> = {
  'answered-only': 'answered within Y s / answered',
  'answered-and-abandoned': 'answered within Y s / (answered + abandoned)',
  'short-abandons-met': '(answered within Y s + abandoned within T s) / (answered + abandoned)',
  'short-abandons-excluded': 'answered within Y s / (answered + abandoned − abandoned within T s)',
};

/**
 * The name, unit and formula of `measure` under `options` (e.g. the service level's threshold and variant).
 * @example
 * kpiMeasureDefinition('serviceLevel', { serviceLevel: { thresholdSeconds: 20 } }).formula
 * // 'answered within 20 s / (answered + abandoned), inbound contacts (variant answered-and-abandoned); target 80%'
 * @category Charts
 */
export function kpiMeasureDefinition(
  measure: KpiMeasure,
  options: KpiReportOptionsInput = {},
): KpiMeasureDefinition {
  const m = parseInput(KpiMeasure, measure, 'KPI measure', ['measure']);
  const o = reportOptions(options);
  const sl = o.serviceLevel;
  const short = o.shortAbandonSeconds;
  const defs: Record<KpiMeasure, Omit<KpiMeasureDefinition, 'measure'>> = {
    offered: { label: 'Offered', unit: 'count', formula: 'inbound contacts offered' },
    answered: { label: 'Answered', unit: 'count', formula: 'inbound contacts answered' },
    abandoned: {
      label: 'Abandoned',
      unit: 'count',
      formula: 'inbound contacts the customer gave up on before an answer',
    },
    handled: { label: 'Handled', unit: 'count', formula: 'contacts answered, inbound and outbound' },
    answerRate: { label: 'Answer rate', unit: 'rate', formula: 'inbound answered / inbound offered' },
    abandonmentRate: {
      label: 'Abandonment rate',
      unit: 'rate',
      formula:
        short === 0
          ? 'abandoned / offered (inbound)'
          : `(abandoned − abandoned within ${short} s) / (offered − abandoned within ${short} s), inbound`,
    },
    serviceLevel: {
      label: `Service level (${sl.thresholdSeconds} s)`,
      unit: 'rate',
      formula: `${VARIANT_FORMULA[sl.variant].replaceAll('Y s', `${sl.thresholdSeconds} s`).replaceAll('T s', `${sl.shortAbandonSeconds} s`)}, inbound contacts (variant ${sl.variant}); target ${Math.round(sl.target * 1000) / 10}%`,
    },
    averageSpeedOfAnswer: {
      label: 'ASA',
      unit: 'seconds',
      formula: 'Σ wait of answered inbound contacts / answered (seconds)',
    },
    averageHandleTime: {
      label: 'AHT',
      unit: 'seconds',
      formula: '(talk + hold + wrap-up) / handled, both directions (seconds)',
    },
    occupancy: {
      label: 'Occupancy',
      unit: 'rate',
      formula: '(on call + wrap-up) / (on call + wrap-up + available), agent state time',
    },
    utilisation: {
      label: 'Utilisation',
      unit: 'rate',
      formula: '(on call + wrap-up) / (available + on call + wrap-up + break), agent state time',
    },
    firstContactResolution: {
      label: 'First-contact resolution',
      unit: 'rate',
      formula:
        'resolved inbound answered contacts of known customers with no re-contact within the window / (counted − pending)',
    },
    customerSatisfaction: {
      label: 'CSAT (top-2-box)',
      unit: 'rate',
      formula: 'survey answers of 4 or 5 / answers (scale 1–5)',
    },
    netPromoterScore: {
      label: 'NPS',
      unit: 'score',
      formula: '100 × (promoters 9–10 − detractors 0–6) / responses (scale 0–10)',
    },
  };
  return { measure: m, ...defs[m] };
}

/**
 * The value of `measure` for `totals` under the report's options: a count, a share from 0 to 1, seconds or a
 * score; `null` when the KPI is undefined for these totals (nothing offered, nothing handled, …).
 * @example
 * kpiMeasureValue(totals, 'averageHandleTime') // 312.5
 * @category Charts
 */
export function kpiMeasureValue(
  totals: KpiTotals,
  measure: KpiMeasure,
  options: KpiReportOptionsInput = {},
): number | null {
  return measureValue(
    totals,
    parseInput(KpiMeasure, measure, 'KPI measure', ['measure']),
    reportOptions(options),
  );
}

/** {@link kpiMeasureValue} for checked input. @internal */
export function measureValue(totals: KpiTotals, measure: KpiMeasure, o: KpiReportOptions): number | null {
  const c = totals.contacts;
  switch (measure) {
    case 'offered':
      return c.offered;
    case 'answered':
      return c.answered;
    case 'abandoned':
      return c.abandoned;
    case 'handled':
      return c.handled;
    case 'answerRate':
      return answerRate(totals);
    case 'abandonmentRate':
      return abandonmentRate(totals, { shortAbandonSeconds: o.shortAbandonSeconds });
    case 'serviceLevel':
      return serviceLevel(totals, {
        thresholdSeconds: o.serviceLevel.thresholdSeconds,
        variant: o.serviceLevel.variant,
        shortAbandonSeconds: o.serviceLevel.shortAbandonSeconds,
      });
    case 'averageSpeedOfAnswer':
      return averageSpeedOfAnswer(totals);
    case 'averageHandleTime':
      return averageHandleTime(totals);
    case 'occupancy':
      return occupancy(totals);
    case 'utilisation':
      return utilisation(totals);
    case 'firstContactResolution':
      return firstContactResolution(totals).rate;
    case 'customerSatisfaction':
      return customerSatisfaction(totals).topTwoBox;
    case 'netPromoterScore':
      return netPromoterScore(totals).score;
  }
}
