import { FrontlineError, type ValidationError } from '@frontline/core';
import { createLetterEnvironment, LETTER_DATE_PATTERNS, LETTER_HELPERS } from '@frontline/core/letters';
import { describe, expect, it } from 'vitest';

const NBSP = '\u00a0';

/** Renders a one-off text template in both locales with the same data. */
function render(
  source: string,
  data: object,
  options: { timeZone?: string } = {},
): { hu: string; en: string } {
  const letters = createLetterEnvironment();
  letters.register({ name: 't', locale: 'hu', format: 'text', source });
  letters.register({ name: 't', locale: 'en', format: 'text', source });
  return {
    hu: letters.render('t', data, { locale: 'hu', ...options }),
    en: letters.render('t', data, { locale: 'en', ...options }),
  };
}

function helperError(source: string, data: object): ValidationError {
  const letters = createLetterEnvironment();
  letters.register({ name: 'notice', locale: 'hu', format: 'text', source });
  try {
    letters.render('notice', data);
  } catch (error) {
    if (FrontlineError.is(error, 'VALIDATION')) return error as ValidationError;
    throw error;
  }
  throw new Error('Expected a ValidationError');
}

describe('date helpers', () => {
  const day = { d: '2026-03-02' };

  it('prints the Hungarian official date forms and the British ones', () => {
    expect(render('{{date d}}|{{date d "short"}}|{{date d "long"}}|{{date d "full"}}', day)).toEqual({
      hu: '2026. március 2.|2026.03.02.|2026. március 2.|2026. március 2., hétfő',
      en: '2 March 2026|02/03/2026|2 March 2026|Monday, 2 March 2026',
    });
  });

  it('documents its presets as data', () => {
    expect(LETTER_DATE_PATTERNS.hu.date.long).toBe('yyyy. MMMM d.');
    expect(LETTER_DATE_PATTERNS.en.time).toBe('HH:mm');
  });

  it('takes a raw date-fns pattern, with quoted text', () => {
    expect(render(`{{date d pattern="yyyy. MMMM"}}|{{date d pattern="EEEE 'the' do"}}`, day)).toEqual({
      hu: '2026. március|hétfő the 2.',
      en: '2026. March|Monday the 2nd',
    });
  });

  it('prints an instant on the wall clock of the zone (Europe/Budapest by default)', () => {
    const at = { at: new Date('2026-03-01T23:30:00Z') };
    const source = '{{date at}}|{{dateTime at}}|{{time at}}|{{dateTime at "short"}}';
    expect(render(source, at)).toEqual({
      hu: '2026. március 2.|2026. március 2. 0:30|0:30|2026.03.02. 0:30',
      en: '2 March 2026|2 March 2026, 00:30|00:30|02/03/2026, 00:30',
    });
    expect(render(source, at, { timeZone: 'UTC' }).hu).toBe(
      '2026. március 1.|2026. március 1. 23:30|23:30|2026.03.01. 23:30',
    );
    expect(render('{{dateTime at}}', at, { timeZone: 'America/New_York' }).en).toBe('1 March 2026, 18:30');
  });

  it('follows summer time and reads ISO strings with an offset', () => {
    const data = { before: '2026-03-29T00:30:00Z', after: '2026-03-29T01:30:00+00:00' };
    expect(render('{{time before}} {{time after}}', data).hu).toBe('1:30 3:30');
  });

  it('never shifts a calendar date, whatever the zone', () => {
    expect(render('{{date d}}', { d: '2026-01-01' }, { timeZone: 'Pacific/Kiritimati' }).hu).toBe(
      '2026. január 1.',
    );
    expect(render('{{date d}}', { d: '2026-01-01' }, { timeZone: 'Pacific/Pago_Pago' }).en).toBe(
      '1 January 2026',
    );
  });

  it('refuses what is not a date, naming the helper, the template and the line', () => {
    const error = helperError('Határidő:\n{{date deadline}}', { deadline: 20260302 });
    expect(error.message).toMatch(
      /^Letter template "notice" \(hu\), line 2, column 1: {{date}} takes a calendar date \(YYYY-MM-DD\) or an instant/,
    );
    expect(error.details).toMatchObject({ helper: 'date', template: 'notice', locale: 'hu', line: 2 });
    expect(error.issues[0]?.path).toEqual([0]);
    expect(helperError('{{date d}}', { d: '2026-02-30' }).details.helper).toBe('date');
    expect(helperError('{{date d}}', { d: new Date(Number.NaN) }).details.helper).toBe('date');
    expect(helperError('{{date d}}', { d: '2026-03-02T10:00:00' }).message).toMatch(/{{date}} takes/);
    expect(helperError('{{time d}}', { d: '2026-03-02' }).message).toMatch(/{{time}} takes an instant/);
    expect(helperError('{{dateTime d}}', { d: '2026-03-02' }).details.helper).toBe('dateTime');
  });

  it('refuses bad styles and patterns', () => {
    expect(helperError('{{date d "medium"}}', { d: '2026-03-02' }).message).toMatch(/argument 2/);
    expect(helperError('{{date d pattern="YYYY"}}', { d: '2026-03-02' }).message).toMatch(/Use yyyy/);
    expect(helperError('{{date d pattern="DD.MM"}}', { d: '2026-03-02' }).issues[0]?.path).toEqual([
      'pattern',
    ]);
    expect(helperError('{{date d pattern="jjj"}}', { d: '2026-03-02' }).message).toMatch(
      /{{date}} takes .*unescaped latin alphabet character `j`/,
    );
    expect(helperError('{{date d "short" pattern="yyyy"}}', { d: '2026-03-02' }).message).toMatch(
      /style or a pattern, not both/,
    );
    expect(helperError('{{date d format="yyyy"}}', { d: '2026-03-02' }).message).toMatch(/option/);
  });
});

describe('money, number and percent', () => {
  it('prints forints the Hungarian way and HUF the British way', () => {
    const data = {
      small: { amount: 199_000, currency: 'HUF' },
      large: { amount: 1_999_000, currency: 'HUF' },
    };
    expect(render('{{money small}}|{{money large}}', data)).toEqual({
      hu: `1990${NBSP}Ft|19${NBSP}990${NBSP}Ft`,
      en: `HUF${NBSP}1,990|HUF${NBSP}19,990`,
    });
  });

  it('prints other currencies with their minor units, and decimals= on request', () => {
    const data = { eur: { amount: 1250, currency: 'EUR' }, huf: { amount: 199_050, currency: 'HUF' } };
    expect(render('{{money eur}}|{{money huf decimals=2}}|{{money eur decimals=0}}', data)).toEqual({
      hu: `12,50${NBSP}EUR|1990,50${NBSP}Ft|13${NBSP}EUR`,
      en: `€12.50|HUF${NBSP}1,990.50|€13`,
    });
  });

  it('refuses what is not Money, naming the bad field', () => {
    const error = helperError('{{money fee}}', { fee: { amount: 19.9, currency: 'HUF' } });
    expect(error.message).toMatch(
      /^Letter template "notice" \(hu\), line 1, column 1: {{money}} takes an amount of money/,
    );
    expect(error.issues[0]?.path).toEqual([0, 'amount']);
    expect(helperError('{{money fee}}', { fee: '1990 Ft' }).message).toMatch(/argument 1: Invalid input/);
    expect(helperError('{{money fee}}', { fee: { amount: 1, currency: 'XXX1' } }).issues[0]?.path).toEqual([
      0,
      'currency',
    ]);
    expect(helperError('{{money fee fee}}', { fee: { amount: 1, currency: 'HUF' } }).details.helper).toBe(
      'money',
    );
  });

  it('formats numbers and percentages by locale', () => {
    const data = { n: 12_345.6, small: 1234.5, r: 0.255 };
    expect(
      render('{{number n}}|{{number small decimals=2}}|{{percent r}}|{{percent r decimals=1}}', data),
    ).toEqual({
      hu: `12${NBSP}345,6|1234,50|26%|25,5%`,
      en: '12,345.6|1,234.50|26%|25.5%',
    });
  });

  it('refuses non-numbers and bad options', () => {
    expect(helperError('{{number n}}', { n: '12' }).details.helper).toBe('number');
    expect(helperError('{{percent n}}', { n: null }).message).toMatch(/"n" is null/);
    expect(helperError('{{number n decimals=-1}}', { n: 1 }).issues[0]?.path).toEqual(['decimals']);
    expect(helperError('{{number n decimal=1}}', { n: 1 }).message).toMatch(/option/);
  });
});

describe('plural', () => {
  const source = '{{n}} {{plural n one="day" other="days"}}';

  it('chooses the English form by Intl.PluralRules', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'p', locale: 'en', format: 'text', source });
    expect([0, 1, 2, 30].map((n) => letters.render('p', { n }, { locale: 'en' }))).toEqual([
      '0 days',
      '1 day',
      '2 days',
      '30 days',
    ]);
  });

  it('leaves Hungarian nouns singular after numerals, and still picks forms where a word changes', () => {
    const letters = createLetterEnvironment();
    letters.register({
      name: 'p',
      locale: 'hu',
      format: 'text',
      source: '{{n}} nap – {{plural n one="a tétel" other="a tételek"}}',
    });
    expect([1, 3].map((n) => letters.render('p', { n }))).toEqual(['1 nap – a tétel', '3 nap – a tételek']);
  });

  it('falls back to other for a category without a form, and needs other', () => {
    expect(render('{{plural n one="x" few="y" other="z"}}', { n: 3 })).toEqual({ hu: 'z', en: 'z' });
    expect(helperError('{{plural n one="nap"}}', { n: 2 }).issues[0]?.path).toEqual(['other']);
    expect(helperError('{{plural n one="a" ohter="b"}}', { n: 2 }).message).toMatch(/option/);
    expect(helperError('{{plural n other="a"}}', { n: 'két' }).details.helper).toBe('plural');
  });
});

describe('upper and lower', () => {
  it('changes case with the locale', () => {
    expect(render('{{upper s}}|{{lower t}}', { s: 'árvíztűrő tükörfúrógép', t: 'ŐSZ' })).toEqual({
      hu: 'ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP|ősz',
      en: 'ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP|ősz',
    });
    expect(helperError('{{upper s}}', { s: 42 }).message).toMatch(/{{upper}} takes text/);
  });

  it('are part of the documented helper list, which has no default helper', () => {
    expect([...LETTER_HELPERS].sort()).toEqual(
      ['date', 'dateTime', 'lower', 'money', 'number', 'percent', 'plural', 'time', 'upper'].sort(),
    );
    expect(LETTER_HELPERS).not.toContain('default');
  });
});

describe('helpers inside partials and subexpressions', () => {
  it('name the partial and the template when they fail', () => {
    const letters = createLetterEnvironment();
    letters.registerPartial({ name: 'fee', locale: 'hu', source: 'Díj: {{money fee}}' });
    letters.register({ name: 'n', locale: 'hu', format: 'text', source: 'x\n{{> fee}}' });
    expect(letters.render('n', { fee: { amount: 100, currency: 'HUF' } })).toBe(`x\nDíj: 1${NBSP}Ft`);
    try {
      letters.render('n', { fee: 100 });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect((error as Error).message).toMatch(
        /^Letter partial "fee" \(hu\), line 1, column 6 \(rendering letter template "n" \(hu\)\): {{money}}/,
      );
    }
  });

  it('compose as subexpressions', () => {
    expect(render('{{upper (date d)}}', { d: '2026-03-02' })).toEqual({
      hu: '2026. MÁRCIUS 2.',
      en: '2 MARCH 2026',
    });
  });
});
