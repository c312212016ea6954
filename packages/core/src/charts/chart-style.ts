import type { KpiMeasureUnit } from './kpi-measures';

/** A colour-blind-safe palette (Okabe–Ito, then greys), one colour per series in order. @internal */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#7F7F7F',
  '#B3B3B3',
] as const;

/** The colour of the `index`th series. @internal */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#7F7F7F';
}

/** The target line's colour. @internal */
export const TARGET_COLOR = '#D55E00';

/**
 * A figure as a chart draws it: rates as percentages, everything rounded to a tenth, `null` kept (a gap).
 * @internal
 */
export function chartValue(unit: KpiMeasureUnit, value: number | null): number | null {
  if (value === null) return null;
  const scaled = unit === 'rate' ? value * 100 : value;
  return Math.round(scaled * 10) / 10;
}

/** The axis title of a unit. @internal */
export function unitTitle(unit: KpiMeasureUnit): string {
  switch (unit) {
    case 'rate':
      return '%';
    case 'seconds':
      return 'seconds';
    case 'count':
      return 'contacts';
    case 'score':
      return 'score';
  }
}

/** The value axis of a unit: percentages from 0 to 100, scores from −100 to 100, others from 0. @internal */
export function valueAxis(unit: KpiMeasureUnit, position: 'left' | 'right' = 'left') {
  const base = {
    type: 'linear' as const,
    position,
    title: { display: true, text: unitTitle(unit) },
  };
  if (unit === 'rate') return { ...base, min: 0, max: 100 };
  if (unit === 'score') return { ...base, min: -100, max: 100 };
  return { ...base, beginAtZero: true, ...(unit === 'count' ? { ticks: { precision: 0 } } : {}) };
}
