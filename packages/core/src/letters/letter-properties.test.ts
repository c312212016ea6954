import { FrontlineError } from '@frontline/core';
import { createLetterEnvironment, type LetterEnvironment } from '@frontline/core/letters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Runs `fn`: returning (a rendered string, a registration) or throwing a FrontlineError passes; any other
 * exception (a TypeError from deep inside handlebars, a RangeError from date-fns …) fails the property.
 */
function returnsOrRefuses(fn: () => unknown): 'returned' | 'refused' {
  try {
    fn();
    return 'returned';
  } catch (error) {
    if (FrontlineError.is(error)) {
      expect(['VALIDATION', 'NOT_FOUND']).toContain(error.code);
      return 'refused';
    }
    throw error;
  }
}

/** A rendering must give a string or refuse with a FrontlineError. */
function rendersOrRefuses(fn: () => unknown): void {
  returnsOrRefuses(() => {
    const body = fn();
    if (typeof body !== 'string') throw new Error(`render returned ${typeof body}`);
  });
}

const FRAGMENTS = [
  '{{',
  '}}',
  '{{{',
  '}}}',
  '{{a}}',
  '{{{a}}}',
  '{{a.b.c}}',
  '{{this}}',
  '{{.}}',
  '{{../a}}',
  '{{@root.a}}',
  '{{@index}}',
  '{{[a b]}}',
  '{{a.[0]}}',
  '{{~a~}}',
  '{{!comment}}',
  '{{!-- }} --}}',
  '{{#if a}}',
  '{{else}}',
  '{{/if}}',
  '{{#unless a}}',
  '{{/unless}}',
  '{{#each items}}',
  '{{#each items as |x i|}}',
  '{{x.name}}',
  '{{/each}}',
  '{{#with a}}',
  '{{/with}}',
  '{{#a}}',
  '{{/a}}',
  '{{^a}}',
  '{{money fee}}',
  '{{money fee decimals=n}}',
  '{{date d}}',
  '{{date d s}}',
  '{{date d pattern=s}}',
  '{{dateTime d "short"}}',
  '{{time d}}',
  '{{number n}}',
  '{{number n decimals=n}}',
  '{{percent n decimals=2}}',
  '{{plural n one=s other="x"}}',
  '{{upper s}}',
  '{{lower (upper s)}}',
  '{{> letterhead}}',
  '{{> letterhead a}}',
  '{{> missing}}',
  '{{#> footer}}',
  '{{/footer}}',
  '{{#*inline "footer"}}',
  '{{/inline}}',
  '{{> @partial-block}}',
  '{{lookup a s}}',
  '{{log a}}',
  '{{constructor}}',
  '{{__proto__}}',
  '{{a.constructor.constructor}}',
  '{{s.length}}',
  '{{$value a}}',
  '{{* deco}}',
  '\n',
  ' ',
  '<p>',
  '"',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const templateSource = fc.oneof(
  fc.array(fragment, { maxLength: 14 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
);

const anyValue = fc.anything({
  maxDepth: 3,
  withDate: true,
  withNullPrototype: true,
  withBigInt: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
});

const moneyLike = fc.record(
  {
    amount: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 })),
    currency: fc.constantFrom('HUF', 'EUR', 'JPY', 'KWD', 'huf', 'XXX', ''),
  },
  { requiredKeys: [] },
);

const dateLike = fc.oneof(
  fc.date(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-03-02', '2026-02-30', '2026-03-02T10:00', 'tomorrow', '2026-03-29T01:30:00+02:00'),
);

const fieldValue = fc.oneof(
  anyValue,
  moneyLike,
  dateLike,
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.record({ name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }), { maxLength: 3 }),
);

const letterData = fc.oneof(
  fc.dictionary(
    fc.constantFrom('a', 'b', 'fee', 'd', 'n', 's', 'items', 'x', 'constructor', '__proto__', 'toString'),
    fieldValue,
    { maxKeys: 8 },
  ),
  fc.object({ maxDepth: 2 }),
  anyValue,
);

const renderOptions = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      locale: fc.oneof(fc.constantFrom('hu', 'en'), fc.string({ maxLength: 3 })),
      timeZone: fc.oneof(
        fc.constantFrom('Europe/Budapest', 'UTC', 'America/New_York'),
        fc.string({ maxLength: 6 }),
      ),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

function environment(): LetterEnvironment {
  const letters = createLetterEnvironment();
  letters.registerPartial({ name: 'letterhead', source: '[{{a}}]' });
  return letters;
}

describe('property: letters either render or refuse with a Frontline error', () => {
  it('register takes any source, name, locale and format without a raw exception', () => {
    fc.assert(
      fc.property(
        templateSource,
        fc.oneof(fc.constantFrom('t', 'a.b-c_d'), fc.string({ maxLength: 6 })),
        fc.oneof(fc.constantFrom('hu', 'en'), fc.string({ maxLength: 3 })),
        fc.constantFrom('html', 'text', 'pdf', undefined),
        (source, name, locale, format) => {
          const letters = environment();
          returnsOrRefuses(() => letters.register({ name, locale, source, format } as never));
          returnsOrRefuses(() => letters.registerPartial({ name, source } as never));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('render takes any registered template with any data and options without a raw exception', () => {
    fc.assert(
      fc.property(
        templateSource,
        fc.constantFrom('html', 'text') as fc.Arbitrary<'html' | 'text'>,
        letterData,
        renderOptions,
        (source, format, data, options) => {
          const letters = environment();
          if (
            returnsOrRefuses(() => letters.register({ name: 't', locale: 'hu', source, format })) ===
            'refused'
          ) {
            return;
          }
          rendersOrRefuses(() => letters.render('t', data as object, options as never));
          rendersOrRefuses(() => letters.renderLetter('t', data as object, { locale: 'en' }).body);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('helpers take any values without a raw exception', () => {
    const letters = environment();
    const helperCalls = [
      '{{money fee}}',
      '{{money fee decimals=n}}',
      '{{date d}}',
      '{{date d s}}',
      '{{date d pattern=s}}',
      '{{dateTime d}}',
      '{{time d pattern=s}}',
      '{{number n decimals=n}}',
      '{{percent n}}',
      '{{plural n one=s other=s}}',
      '{{upper s}}',
      '{{lower s}}',
      '{{a}}',
      '{{#each items}}{{name}}{{/each}}',
      '{{> letterhead}}',
    ];
    helperCalls.forEach((source, i) => {
      letters.register({ name: `h${i}`, locale: 'hu', format: i % 2 === 0 ? 'html' : 'text', source });
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: helperCalls.length - 1 }),
        fc.record(
          { a: fieldValue, fee: fieldValue, d: fieldValue, n: fieldValue, s: fieldValue, items: fieldValue },
          {
            requiredKeys: [],
          },
        ),
        fc.constantFrom('hu', 'en') as fc.Arbitrary<'hu' | 'en'>,
        (i, data, locale) => {
          rendersOrRefuses(() => letters.render(`h${i}`, data, { locale }));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('property: what must render does', () => {
  it('prints any string exactly in text, and escaped in html', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'text', locale: 'hu', format: 'text', source: '{{s}}' });
    letters.register({ name: 'html', locale: 'hu', source: '{{s}}' });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(letters.render('text', { s })).toBe(s);
        const html = letters.render('html', { s });
        expect(html).not.toMatch(/[<>"'`]/);
        const unescaped = html.replace(/&(lt|gt|quot|#x27|#x60|#x3D|amp);/g, (_, entity: string) => {
          const map: Record<string, string> = {
            lt: '<',
            gt: '>',
            quot: '"',
            '#x27': "'",
            '#x60': '`',
            '#x3D': '=',
            amp: '&',
          };
          return map[entity] ?? '';
        });
        expect(unescaped).toBe(s);
      }),
    );
  });

  it('formats any valid Money and any instant in both locales and any zone', () => {
    const letters = createLetterEnvironment();
    const source = '{{money m}} {{date at}} {{dateTime at "full"}} {{time at}} {{date day "short"}}';
    letters.register({ name: 'm', locale: 'hu', format: 'text', source });
    letters.register({ name: 'm', locale: 'en', format: 'text', source });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('HUF', 'EUR', 'USD', 'JPY', 'KWD', 'GBP'),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('hu', 'en') as fc.Arbitrary<'hu' | 'en'>,
        fc.constantFrom('Europe/Budapest', 'UTC', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'),
        (amount, currency, at, locale, timeZone) => {
          const day = at.toISOString().slice(0, 10);
          const body = letters.render('m', { m: { amount, currency }, at, day }, { locale, timeZone });
          expect(body.length).toBeGreaterThan(0);
          const year = day.slice(0, 4);
          expect(body).toContain(
            locale === 'hu' ? `${year}.${day.slice(5, 7)}.${day.slice(8, 10)}.` : `/${year}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
