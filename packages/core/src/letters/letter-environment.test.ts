import { FrontlineError, NotFoundError, ValidationError } from '@frontline/core';
import { createLetterEnvironment, type LetterEnvironment } from '@frontline/core/letters';
import { describe, expect, it } from 'vitest';

const NBSP = '\u00a0';

/** Runs `fn`, expects a Frontline error, and returns it for closer checks. */
function failure(fn: () => unknown): FrontlineError {
  try {
    fn();
  } catch (error) {
    if (FrontlineError.is(error)) return error;
    throw new Error(`Expected a FrontlineError, got ${String(error)}`);
  }
  throw new Error('Expected a FrontlineError, but nothing was thrown');
}

function validation(fn: () => unknown): ValidationError {
  const error = failure(fn);
  expect(error.code).toBe('VALIDATION');
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const sample = {
  customer: { name: 'Kovács Anna', address: { city: 'Budapest' } },
  dueDate: '2026-03-02',
  sentAt: new Date('2026-03-01T23:30:00Z'),
  fee: { amount: 199_000, currency: 'HUF' },
  days: 3,
};

function sampleEnvironment(): LetterEnvironment {
  const letters = createLetterEnvironment();
  letters.register({
    name: 'reminder',
    locale: 'hu',
    format: 'text',
    subject: 'Emlékeztető – {{customer.name}}',
    source:
      'Tisztelt {{customer.name}}!\n' +
      'Kérjük, {{date dueDate}} napjáig fizesse be a {{money fee}} díjat ({{days}} nap van hátra).\n' +
      'Kelt: {{dateTime sentAt}}',
  });
  letters.register({
    name: 'reminder',
    locale: 'en',
    format: 'text',
    subject: 'Reminder – {{customer.name}}',
    source:
      'Dear {{customer.name}},\n' +
      'Please pay the fee of {{money fee}} by {{date dueDate}} ({{days}} {{plural days one="day" other="days"}} left).\n' +
      'Sent: {{dateTime sentAt}}',
  });
  return letters;
}

describe('rendering a sample letter', () => {
  it('writes Hungarian: official date, forints, the Budapest wall clock', () => {
    const letter = sampleEnvironment().renderLetter('reminder', sample, { locale: 'hu' });
    expect(letter).toEqual({
      name: 'reminder',
      locale: 'hu',
      requestedLocale: 'hu',
      format: 'text',
      subject: 'Emlékeztető – Kovács Anna',
      body:
        'Tisztelt Kovács Anna!\n' +
        `Kérjük, 2026. március 2. napjáig fizesse be a 1990${NBSP}Ft díjat (3 nap van hátra).\n` +
        'Kelt: 2026. március 2. 0:30',
    });
  });

  it('writes English: British date, HUF with grouping, plural by Intl rules', () => {
    const body = sampleEnvironment().render('reminder', sample, { locale: 'en' });
    expect(body).toBe(
      'Dear Kovács Anna,\n' +
        `Please pay the fee of HUF${NBSP}1,990 by 2 March 2026 (3 days left).\n` +
        'Sent: 2 March 2026, 00:30',
    );
  });

  it('uses the environment default locale when none is asked for', () => {
    expect(sampleEnvironment().renderLetter('reminder', sample).locale).toBe('hu');
    const english = createLetterEnvironment({ defaultLocale: 'en' });
    english.register({ name: 'x', locale: 'en', source: 'Hello' });
    expect(english.renderLetter('x', {})).toMatchObject({
      locale: 'en',
      requestedLocale: 'en',
      body: 'Hello',
    });
  });

  it('collapses the subject to one line, so data cannot add header lines', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 's', locale: 'hu', subject: '  Ügy:\n {{title}}  ', source: 'x' });
    expect(letters.renderLetter('s', { title: 'a\r\nBcc: x@example.com' }).subject).toBe(
      'Ügy: a Bcc: x@example.com',
    );
    expect(letters.renderLetter('s', { title: 'a' })).toHaveProperty('format', 'html');
  });
});

describe('the documented example', () => {
  it('renders as the TSDoc of createLetterEnvironment says', () => {
    const letters = createLetterEnvironment();
    letters.register({
      name: 'payment-reminder',
      locale: 'hu',
      format: 'text',
      subject: 'Fizetési emlékeztető',
      source: 'Tisztelt {{customer.name}}!\n{{date dueDate}} napjáig kérjük befizetni: {{money amount}}.',
    });
    expect(
      letters.render('payment-reminder', {
        customer: { name: 'Kovács Anna' },
        dueDate: '2026-03-02',
        amount: { amount: 1_999_000, currency: 'HUF' },
      }),
    ).toBe(`Tisztelt Kovács Anna!\n2026. március 2. napjáig kérjük befizetni: 19${NBSP}990${NBSP}Ft.`);
  });
});

describe('locale fallback', () => {
  it('falls back to the default locale and says so', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'only-hu', locale: 'hu', format: 'text', source: '{{date d}}' });
    expect(letters.renderLetter('only-hu', { d: '2026-03-02' }, { locale: 'en' })).toEqual({
      name: 'only-hu',
      locale: 'hu',
      requestedLocale: 'en',
      format: 'text',
      body: '2026. március 2.',
    });
  });

  it('prefers the requested locale when it exists', () => {
    expect(sampleEnvironment().renderLetter('reminder', sample, { locale: 'en' }).locale).toBe('en');
  });

  it('is a NotFoundError naming the template and the locales tried', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'only-hu', locale: 'hu', source: 'x' });
    const english = createLetterEnvironment({ defaultLocale: 'en' });
    english.register({ name: 'only-hu', locale: 'hu', source: 'x' });
    const error = failure(() => english.render('only-hu', {}));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Letter template "only-hu" was not found for locale en.');
    expect(error.details).toMatchObject({ entity: 'Letter template', id: 'only-hu', localesTried: ['en'] });
    const none = failure(() => letters.render('missing', {}, { locale: 'en' }));
    expect(none.message).toBe('Letter template "missing" was not found for locale en or hu.');
    expect(none.details.localesTried).toEqual(['en', 'hu']);
  });
});

describe('missing data is an error, never a blank', () => {
  const letters = createLetterEnvironment();
  letters.register({
    name: 'address',
    locale: 'hu',
    format: 'text',
    source: 'Címzett: {{customer.name}}\nVáros: {{customer.address.city}}',
  });

  it('names the missing variable, the template and the line', () => {
    const error = validation(() => letters.render('address', { customer: { address: { city: 'Pécs' } } }));
    expect(error.issues).toEqual([
      { path: ['customer', 'name'], message: 'customer.name is missing', code: 'invalid_type' },
    ]);
    expect(error.message).toContain('Letter template "address" (hu), line 1');
    expect(error.message).toContain('"customer.name" is missing');
    expect(error.details).toMatchObject({
      template: 'address',
      locale: 'hu',
      line: 1,
      expression: 'customer.name',
    });
  });

  it('names the full path of a nested variable and the link that is missing', () => {
    const error = validation(() => letters.render('address', { customer: { name: 'Anna' } }));
    expect(error.issues[0]?.path).toEqual(['customer', 'address', 'city']);
    expect(error.message).toContain('line 2');
    expect(error.message).toContain('"customer.address.city" is missing: "customer.address" is missing');
    expect(error.details).toMatchObject({ missing: 'customer.address', expression: 'customer.address.city' });
    const rootless = validation(() => letters.render('address', {}));
    expect(rootless.message).toContain('"customer" is missing');
    expect(rootless.issues[0]?.path).toEqual(['customer', 'name']);
  });

  it('treats null as missing', () => {
    const error = validation(() =>
      letters.render('address', { customer: { name: 'Anna', address: { city: null } } }),
    );
    expect(error.issues[0]).toMatchObject({
      path: ['customer', 'address', 'city'],
      message: 'customer.address.city is null',
    });
  });

  it('prints an empty string that was passed on purpose', () => {
    expect(letters.render('address', { customer: { name: '', address: { city: 'Pécs' } } })).toBe(
      'Címzett: \nVáros: Pécs',
    );
  });

  it('lets #if make optional data explicit, and #each/#with test presence too', () => {
    const optional = createLetterEnvironment();
    optional.register({
      name: 'o',
      locale: 'hu',
      format: 'text',
      source:
        '{{#if customer.title}}{{customer.title}} {{/if}}{{customer.name}}' +
        '{{#each items}}, {{name}}{{else}} (nincs tétel){{/each}}' +
        '{{#with agent}} – {{name}}{{/with}}{{#unless vip}}.{{/unless}}',
    });
    expect(optional.render('o', { customer: { name: 'Anna' } })).toBe('Anna (nincs tétel).');
    expect(
      optional.render('o', {
        customer: { name: 'Anna', title: 'dr.' },
        items: [{ name: 'a' }, { name: 'b' }],
        agent: { name: 'Béla' },
        vip: true,
      }),
    ).toBe('dr. Anna, a, b – Béla');
    const inner = validation(() => optional.render('o', { customer: { name: 'A' }, items: [{}] }));
    expect(inner.issues[0]?.path).toEqual(['name']);
  });

  it('checks paths passed to helpers and partials, and block parameters and @data', () => {
    const paths = createLetterEnvironment();
    paths.register({ name: 'fee', locale: 'hu', format: 'text', source: 'Díj: {{money order.total}}' });
    const error = validation(() => paths.render('fee', { order: {} }));
    expect(error.issues[0]?.path).toEqual(['order', 'total']);
    expect(error.message).toContain('"order.total" is missing');

    paths.register({
      name: 'list',
      locale: 'hu',
      format: 'text',
      source: '{{#each rows as |row i|}}{{i}}:{{row.label}}/{{@root.unit}};{{/each}}',
    });
    expect(paths.render('list', { rows: [{ label: 'a' }, { label: 'b' }], unit: 'db' })).toBe(
      '0:a/db;1:b/db;',
    );
    expect(validation(() => paths.render('list', { rows: [{ label: 'a' }] })).issues[0]?.path).toEqual([
      '@root',
      'unit',
    ]);
  });

  it('refuses to print values that are not text or whole numbers, with a hint', () => {
    const print = createLetterEnvironment();
    print.register({ name: 'p', locale: 'hu', format: 'text', source: '{{v}}' });
    expect(print.render('p', { v: 42 })).toBe('42');
    expect(validation(() => print.render('p', { v: true })).message).toContain('test it with {{#if}}');
    expect(validation(() => print.render('p', { v: 1.5 })).message).toContain('{{number}}');
    expect(validation(() => print.render('p', { v: new Date(0) })).message).toContain('{{date}}');
    expect(validation(() => print.render('p', { v: [1] })).message).toContain('{{#each}}');
    expect(validation(() => print.render('p', { v: { amount: 1, currency: 'HUF' } })).message).toContain(
      '{{money}}',
    );
    expect(validation(() => print.render('p', { v: { a: 1 } })).message).toContain('an object');
  });

  it('does not read inherited properties (constructor, toString) as data', () => {
    const proto = createLetterEnvironment();
    proto.register({ name: 'p', locale: 'hu', format: 'text', source: '{{constructor}}{{v.toString}}' });
    expect(validation(() => proto.render('p', { v: 'x' })).issues[0]?.path).toEqual(['constructor']);
  });
});

describe('parsing and checking templates at registration', () => {
  const letters = createLetterEnvironment();

  it('reports a syntax error with the template and the line', () => {
    const error = validation(() =>
      letters.register({
        name: 'broken',
        locale: 'hu',
        source: 'Tisztelt Ügyfél!\n\nÖsszeg: {{money fee}\n',
      }),
    );
    expect(error.message).toMatch(
      /^Letter template "broken" \(hu\) does not parse at line 3: .*got 'INVALID'/,
    );
    expect(error.message).toContain('in "Összeg: {{money fee}"');
    expect(error.details).toMatchObject({ template: 'broken', locale: 'hu', line: 3 });
    expect(error.issues[0]?.path).toEqual(['source']);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports a mismatched block with its line', () => {
    const error = validation(() =>
      letters.register({ name: 'broken', locale: 'en', source: 'a\n{{#if x}}\nb\n{{/each}}' }),
    );
    expect(error.message).toBe(
      'Letter template "broken" (en) does not parse at line 2: if doesn\'t match each in "{{#if x}}"',
    );
  });

  it('refuses unknown helpers, misused helpers, computed partials and decorators, with the line', () => {
    const cases: [string, RegExp][] = [
      ['x\n{{shout name}}', /line 2, column 1: Unknown helper "shout"/],
      ['{{default name "–"}}', /Unknown helper "default"/],
      ['{{lookup labels status}}', /Unknown helper "lookup"/],
      ['{{log name}}', /Unknown helper "log"/],
      ['{{if a}}', /"if" is a block helper/],
      ['{{upper (if a)}}', /"if" is a block helper/],
      ['{{#money fee}}x{{/money}}', /"money" is not a block helper/],
      ['{{money}}', /"money" is a helper and needs a value .*{{this\.money}}/],
      ['{{#if}}x{{/if}}', /{{#if}} takes exactly one value/],
      ['{{#if a b}}x{{/if}}', /{{#if}} takes exactly one value/],
      ['{{"text"}}', /not a literal/],
      ['{{> (whichPartial)}}', /called by its name, not computed/],
      ['{{> "not valid"}}', /"not valid" is not a valid partial name/],
      ['{{> letterhead a b}}', /at most one context value/],
      ['{{* decorate}}', /not supported/],
      ['{{$value x}}', /Unknown helper "\$value"/],
      ['{{#each xs as |$value|}}{{/each}}', /reserved/],
    ];
    for (const [source, message] of cases) {
      const error = validation(() => letters.register({ name: 'bad', locale: 'hu', source }));
      expect(error.message, source).toMatch(message);
      expect(error.issues[0]?.path, source).toEqual(['source']);
    }
  });

  it('lets a block parameter shadow a helper name', () => {
    letters.register({
      name: 'shadow',
      locale: 'hu',
      format: 'text',
      source: '{{#each xs as |date|}}{{date}} {{/each}}{{this.money}}',
    });
    expect(letters.render('shadow', { xs: ['a', 'b'], money: 'sok' })).toBe('a b sok');
  });

  it('validates the input with zod and names the bad field', () => {
    const error = validation(() =>
      letters.register({ name: 'Bad name!', locale: 'de' as 'hu', source: '', format: 'pdf' as 'html' }),
    );
    expect(error.issues.map((issue) => issue.path[0]).sort()).toEqual(['format', 'locale', 'name', 'source']);
    expect(
      validation(() => letters.register({ name: 'x', locale: 'hu', source: 'x', extra: 1 } as never)).message,
    ).toMatch(/extra/);
    expect(validation(() => letters.render('x', {}, { timeZone: 'Mars/Olympus' })).issues[0]?.path).toEqual([
      'timeZone',
    ]);
    expect(validation(() => letters.render('no spaces please', {})).message).toMatch(/letter name/);
    expect(
      validation(() => createLetterEnvironment({ defaultLocale: 'fr' as 'hu' })).issues[0]?.path,
    ).toEqual(['defaultLocale']);
  });

  it('validates the data: a plain object of text, numbers, dates, lists and objects', () => {
    letters.register({ name: 'plain', locale: 'hu', source: 'ok' });
    expect(letters.render('plain', { a: [1, 'x', null, { b: new Date(0) }], c: Object.create(null) })).toBe(
      'ok',
    );
    expect(validation(() => letters.render('plain', [] as object)).message).toMatch(/plain object/);
    expect(validation(() => letters.render('plain', new Map())).message).toMatch(/plain object/);
    const deep = validation(() =>
      letters.render('plain', { a: [{ run: () => 'code' }], b: new Set(), c: 1n }),
    );
    expect(deep.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([['a', 0, 'run'], ['b'], ['c']]),
    );
    const circular: Record<string, unknown> = { name: 'x' };
    circular.self = circular;
    expect(letters.render('plain', circular)).toBe('ok');
    const throwing = {
      get boom(): string {
        throw new Error('getter failed');
      },
    };
    expect(validation(() => letters.render('plain', throwing)).issues[0]).toMatchObject({
      path: ['boom'],
      message: 'Could not be read: getter failed',
    });
  });

  it('replaces a template registered again under the same name and locale, and lists templates', () => {
    const fresh = createLetterEnvironment();
    fresh.register({ name: 'b', locale: 'hu', source: 'one', description: 'első' });
    fresh.register({ name: 'a', locale: 'en', format: 'text', subject: 's', source: 'x' });
    fresh.register({ name: 'b', locale: 'en', source: 'two' });
    fresh.register({ name: 'b', locale: 'hu', source: 'three' });
    expect(fresh.render('b', {})).toBe('three');
    expect(fresh.templates()).toEqual([
      { name: 'a', locale: 'en', format: 'text', hasSubject: true },
      { name: 'b', locale: 'en', format: 'html', hasSubject: false },
      { name: 'b', locale: 'hu', format: 'html', hasSubject: false },
    ]);
  });
});

describe('escaping', () => {
  const attack = { name: '<script>alert("x")</script>', link: '" onmouseover="steal()' };

  it('escapes every printed value in html format (the default), including helper output', () => {
    const letters = createLetterEnvironment();
    letters.register({
      name: 'h',
      locale: 'hu',
      source: '<p title="{{link}}">Tisztelt {{name}}!</p><p>{{upper name}}</p>',
    });
    expect(letters.render('h', attack)).toBe(
      '<p title="&quot; onmouseover&#x3D;&quot;steal()">Tisztelt &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!</p>' +
        '<p>&lt;SCRIPT&gt;ALERT(&quot;X&quot;)&lt;/SCRIPT&gt;</p>',
    );
  });

  it('prints raw only where the template asks with a triple mustache', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'h', locale: 'hu', source: '{{{trusted}}}|{{trusted}}' });
    expect(letters.render('h', { trusted: '<b>ok</b>' })).toBe('<b>ok</b>|&lt;b&gt;ok&lt;/b&gt;');
  });

  it('does not escape in text format', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 't', locale: 'hu', format: 'text', source: 'Tisztelt {{name}}! {{link}} & co' });
    expect(letters.render('t', attack)).toBe(
      'Tisztelt <script>alert("x")</script>! " onmouseover="steal() & co',
    );
  });

  it('escapes a partial as the template that calls it', () => {
    const letters = createLetterEnvironment();
    letters.registerPartial({ name: 'who', source: '{{name}}' });
    letters.register({ name: 'h', locale: 'hu', source: '[{{> who}}]' });
    letters.register({ name: 't', locale: 'hu', format: 'text', source: '[{{> who}}]' });
    expect(letters.render('h', { name: 'A&B' })).toBe('[A&amp;B]');
    expect(letters.render('t', { name: 'A&B' })).toBe('[A&B]');
    expect(letters.render('h', { name: '<i>' })).toBe('[&lt;i&gt;]');
  });
});

describe('partials', () => {
  it('resolves the locale variant, then the locale-neutral one, then the default locale', () => {
    const letters = createLetterEnvironment();
    letters.registerPartial({ name: 'greeting', locale: 'hu', source: 'Tisztelt {{name}}!' });
    letters.registerPartial({ name: 'greeting', locale: 'en', source: 'Dear {{name}},' });
    letters.registerPartial({ name: 'closing', source: '– {{office}}' });
    letters.registerPartial({ name: 'footer', locale: 'hu', source: '(lábléc)' });
    const source = '{{> greeting}} {{> closing}} {{> footer}}';
    letters.register({ name: 'l', locale: 'hu', format: 'text', source });
    letters.register({ name: 'l', locale: 'en', format: 'text', source });
    const data = { name: 'Anna', office: 'Ügyfélszolgálat' };
    expect(letters.render('l', data)).toBe('Tisztelt Anna! – Ügyfélszolgálat (lábléc)');
    expect(letters.render('l', data, { locale: 'en' })).toBe('Dear Anna, – Ügyfélszolgálat (lábléc)');
  });

  it('passes a context and hash values to a partial, checking them', () => {
    const letters = createLetterEnvironment();
    letters.registerPartial({ name: 'person', source: '{{name}} ({{role}})' });
    letters.register({ name: 'l', locale: 'hu', format: 'text', source: '{{> person agent role=title}}' });
    expect(letters.render('l', { agent: { name: 'Béla' }, title: 'ügyintéző' })).toBe('Béla (ügyintéző)');
    expect(validation(() => letters.render('l', { title: 'x' })).issues[0]?.path).toEqual(['agent']);
  });

  it('names the partial and the template when data for the partial is missing', () => {
    const letters = createLetterEnvironment();
    letters.registerPartial({ name: 'letterhead', source: 'Iktatószám:\n{{letter.reference}}' });
    letters.register({ name: 'l', locale: 'hu', source: '{{> letterhead}}' });
    const error = validation(() => letters.render('l', { letter: {} }));
    expect(error.message).toMatch(
      /^Letter partial "letterhead", line 2, column 1 \(rendering letter template "l" \(hu\)\): "letter\.reference" is missing/,
    );
    expect(error.details).toMatchObject({ template: 'l', source: 'letter partial "letterhead"', line: 2 });
  });

  it('is a NotFoundError when a partial is not registered, also for nested partials', () => {
    const letters = createLetterEnvironment();
    letters.register({ name: 'l', locale: 'en', source: '{{> letterhead}}' });
    const error = failure(() => letters.render('l', {}, { locale: 'en' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      'Letter partial "letterhead" was not found for locale en or hu (needed by letter template "l" (en)).',
    );
    letters.registerPartial({ name: 'letterhead', source: '{{> logo}}' });
    expect(failure(() => letters.render('l', {}, { locale: 'en' })).details).toMatchObject({
      entity: 'Letter partial',
      id: 'logo',
    });
    letters.registerPartial({ name: 'logo', locale: 'hu', source: 'LOGO' });
    expect(letters.render('l', {}, { locale: 'en' })).toBe('LOGO');
  });

  it('supports partial blocks with a fallback and inline partials', () => {
    const letters = createLetterEnvironment();
    letters.register({
      name: 'l',
      locale: 'hu',
      format: 'text',
      source:
        '{{#*inline "line"}}- {{this}}\n{{/inline}}{{#each items}}{{> line}}{{/each}}{{#> footer}}nincs lábléc{{/footer}}',
    });
    expect(letters.render('l', { items: ['a', 'b'] })).toBe('- a\n- b\nnincs lábléc');
    letters.registerPartial({ name: 'footer', source: '[{{> @partial-block}}]' });
    expect(letters.render('l', { items: [] })).toBe('[nincs lábléc]');
  });

  it('refuses an invalid partial with the partial named', () => {
    const letters = createLetterEnvironment();
    const error = validation(() => letters.registerPartial({ name: 'sig', source: '{{#if x}}' }));
    expect(error.message).toMatch(/^Letter partial "sig" does not parse/);
    expect(validation(() => letters.registerPartial({ name: '1st', source: 'x' })).issues[0]?.path).toEqual([
      'name',
    ]);
  });
});

describe('isolation', () => {
  it('keeps registrations of two environments apart', () => {
    const first = createLetterEnvironment();
    const second = createLetterEnvironment({ defaultLocale: 'en' });
    first.register({ name: 'welcome', locale: 'hu', source: 'Üdv, {{> who}}' });
    first.registerPartial({ name: 'who', source: 'első' });
    second.registerPartial({ name: 'who', source: 'second' });
    expect(failure(() => second.render('welcome', {}))).toBeInstanceOf(NotFoundError);
    second.register({ name: 'welcome', locale: 'en', source: 'Hi, {{> who}}' });
    expect(first.render('welcome', {})).toBe('Üdv, első');
    expect(second.render('welcome', {})).toBe('Hi, second');
    expect(first.templates()).toHaveLength(1);
    expect(second.defaultLocale).toBe('en');
    expect(first.defaultTimeZone).toBe('Europe/Budapest');
  });

  it('registers nothing on the global handlebars', async () => {
    const { default: Handlebars } = await import('handlebars');
    createLetterEnvironment().registerPartial({ name: 'globalCheck', source: 'x' });
    expect(Handlebars.partials).not.toHaveProperty('globalCheck');
    expect(Object.keys(Handlebars.helpers)).not.toContain('money');
  });
});
