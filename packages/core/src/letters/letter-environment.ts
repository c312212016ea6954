import Handlebars from 'handlebars';
import { NotFoundError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Locale } from '../kernel/locale';
import type { TimeZone } from '../kernel/time-zone';
import { LetterData } from './letter-data';
import {
  type LetterScope,
  parseError,
  partialSourceName,
  renderError,
  subjectSourceName,
  templateSourceName,
} from './letter-errors';
import { createIntlCache, createLetterHelpers } from './letter-helpers';
import {
  LetterEnvironmentOptions,
  type LetterFormat,
  LetterName,
  LetterPartialInput,
  LetterRenderOptions,
  type LetterTemplateInfo,
  LetterTemplateInput,
  type RenderedLetter,
} from './letter-schemas';
import { KNOWN_HELPERS, type PartialUses, prepareSource } from './template-source';

/**
 * A set of letter templates and partials with their own handlebars instance. Nothing is shared between
 * environments, and nothing is registered on the global handlebars.
 * @category Letters
 */
export interface LetterEnvironment {
  /** The locale a template falls back to when the requested one is missing. */
  readonly defaultLocale: Locale;
  /** The zone instants print in unless a rendering says otherwise. */
  readonly defaultTimeZone: TimeZone;
  /**
   * Registers (or replaces) the template `name` in `locale`. The source is parsed and checked now: a syntax
   * error, an unknown helper or a computed partial name is a `ValidationError` naming the template and the
   * line. It is compiled on first use and the compiled form kept.
   */
  register(input: LetterTemplateInput): LetterTemplateInfo;
  /** Registers (or replaces) a partial, for every locale or for one. Checked like a template. */
  registerPartial(input: LetterPartialInput): void;
  /** The registered templates, by name then locale. */
  templates(): LetterTemplateInfo[];
  /**
   * Renders the body of the template `name`: in `options.locale` when it exists, else in the environment's
   * default locale, else a `NotFoundError` naming the template and the locales tried.
   */
  render(name: string, data: object, options?: LetterRenderOptions): string;
  /** Renders the template `name` with its subject, and says which locale was used. */
  renderLetter(name: string, data: object, options?: LetterRenderOptions): RenderedLetter;
}

/** A source checked at registration; compiled lazily, once per output format. */
interface PreparedSource {
  readonly sourceName: string;
  readonly uses: PartialUses;
  compiled(format: LetterFormat): Handlebars.TemplateDelegate;
}

interface TemplateEntry {
  readonly info: LetterTemplateInfo;
  readonly body: PreparedSource;
  readonly subject: PreparedSource | undefined;
}

interface PartialEntry {
  readonly source: PreparedSource;
}

const NEUTRAL = '*';

function notFound(
  entity: string,
  id: string,
  message: string,
  details: Record<string, unknown>,
): NotFoundError {
  const error = new NotFoundError(entity, id, { details });
  error.message = message;
  return error;
}

/**
 * Creates an isolated letter environment: templates and partials registered by name and locale, rendered
 * with data that is checked on the way in, and helpers that format dates, money and numbers the way the
 * locale writes them.
 *
 * **Missing data is an error, never a blank.** Every printed path must hold text or an integer, every path
 * given to a helper or a partial must be present; otherwise rendering throws a `ValidationError` whose issue
 * path is the value's path (`customer.address.city`) and whose message names the missing link, the template
 * and the line. Optional data is explicit: `{{#if customer.address}}…{{/if}}` (likewise `#unless`, `#each`,
 * `#with`). There is no `default` helper.
 *
 * **Escaping**: `html` templates escape every printed value (`{{{raw}}}` opts out, for HTML the host has
 * already sanitised); `text` templates and subjects print values as they are.
 *
 * **Helpers** (all follow the template's locale — `hu`: date-fns `hu` and Intl `hu-HU`; `en`: date-fns
 * `enGB` and Intl `en-GB` — and print instants in the rendering's zone, `Europe/Budapest` by default):
 * - `{{date d}}` — a calendar date `YYYY-MM-DD` (never shifted by the zone) or an instant: `2026. március 2.`
 *   / `2 March 2026`; `{{date d "short"}}` `2026.03.02.` / `02/03/2026`; `"full"` adds the weekday;
 *   `{{date d pattern="yyyy. MMMM"}}` takes a date-fns pattern (see {@link LETTER_DATE_PATTERNS}).
 * - `{{dateTime t}}` (`2026. március 2. 8:30`), `{{time t}}` (`8:30` / `08:30`) — instants, same options.
 * - `{{money m}}` — `{ amount, currency }` through `formatMoney`: `19 990 Ft` (Hungarian leaves four-digit
 *   numbers ungrouped: `1990 Ft`), `HUF 19,990`; `decimals=2` shows fillér/cents.
 * - `{{number n}}` (`1 234,5` / `1,234.5`), `decimals=`; `{{percent r}}` takes a ratio (`0.255` → `26%`).
 * - `{{plural n one="day" other="days"}}` picks the form by `Intl.PluralRules` of the locale (`zero`, `one`,
 *   `two`, `few`, `many`, `other`; `other` is required and used for a missing category). Hungarian nouns do
 *   not change after a numeral (`1 nap`, `3 nap`), so a Hungarian template writes `{{n}} nap` and needs
 *   `plural` only for words without a numeral (`one="a tétel" other="a tételek"`).
 * - `{{upper s}}`, `{{lower s}}` — locale-aware case.
 * A helper given the wrong kind of value (a string to `money`, a number to `date`) throws a
 * `ValidationError` naming the helper, the template and the line.
 *
 * **Partials** are called as `{{> letterhead}}`; for a rendering in locale `L` the partial registered for
 * `L` is used, then a locale-neutral one, then the default locale's. A missing partial is a `NotFoundError`.
 *
 * Errors are only `ValidationError` and `NotFoundError`; handlebars' own exceptions are wrapped, with the
 * original as `cause`.
 * @example
 * const letters = createLetterEnvironment();
 * letters.register({
 *   name: 'payment-reminder',
 *   locale: 'hu',
 *   format: 'text',
 *   subject: 'Fizetési emlékeztető',
 *   source: 'Tisztelt {{customer.name}}!\n{{date dueDate}} napjáig kérjük befizetni: {{money amount}}.',
 * });
 * letters.render('payment-reminder', {
 *   customer: { name: 'Kovács Anna' },
 *   dueDate: '2026-03-02',
 *   amount: { amount: 1_999_000, currency: 'HUF' },
 * });
 * // 'Tisztelt Kovács Anna!\n2026. március 2. napjáig kérjük befizetni: 19 990 Ft.'
 * @category Letters
 */
export function createLetterEnvironment(options?: LetterEnvironmentOptions): LetterEnvironment {
  const settings = parseInput(LetterEnvironmentOptions, options ?? {}, 'letter environment options');
  const { defaultLocale, defaultTimeZone } = settings;
  const hb = Handlebars.create();
  hb.unregisterHelper('log');
  hb.unregisterHelper('lookup');
  const intl = createIntlCache();
  const templates = new Map<string, Map<Locale, TemplateEntry>>();
  const partials = new Map<string, Map<Locale | typeof NEUTRAL, PartialEntry>>();

  function prepare(text: string, sourceName: string, details: Record<string, unknown>): PreparedSource {
    const parse = () => {
      try {
        return hb.parse(text, { srcName: sourceName });
      } catch (error) {
        throw parseError(error, text, sourceName, details);
      }
    };
    const uses = prepareSource(parse(), sourceName, details);
    const compiled = new Map<LetterFormat, Handlebars.TemplateDelegate>();
    return {
      sourceName,
      uses,
      compiled(format) {
        let template = compiled.get(format);
        if (!template) {
          // Compiling rewrites the tree in place, so each format gets a fresh parse of the same source.
          const program = parse();
          prepareSource(program, sourceName, details);
          template = hb.compile(program, {
            noEscape: format === 'text',
            knownHelpers: KNOWN_HELPERS,
            knownHelpersOnly: true,
          });
          compiled.set(format, template);
        }
        return template;
      },
    };
  }

  function findPartial(name: string, locale: Locale): PartialEntry | undefined {
    const variants = partials.get(name);
    return variants?.get(locale) ?? variants?.get(NEUTRAL) ?? variants?.get(defaultLocale);
  }

  /** The partials a source reaches, compiled for the format, or a NotFoundError for the first missing one. */
  function partialsFor(
    uses: PartialUses,
    format: LetterFormat,
    scope: LetterScope,
  ): Record<string, Handlebars.TemplateDelegate> {
    const found: Record<string, Handlebars.TemplateDelegate> = Object.create(null);
    const inline = new Set(uses.inline);
    const missing: string[] = [];
    const queue: [string, boolean][] = [
      ...[...uses.required].map((name): [string, boolean] => [name, true]),
      ...[...uses.optional].map((name): [string, boolean] => [name, false]),
    ];
    const seen = new Set<string>();
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [name, required] = next;
      if (seen.has(name)) continue;
      seen.add(name);
      const entry = findPartial(name, scope.locale);
      if (!entry) {
        if (required) missing.push(name);
        continue;
      }
      found[name] = entry.source.compiled(format);
      for (const n of entry.source.uses.required) queue.push([n, true]);
      for (const n of entry.source.uses.optional) queue.push([n, false]);
      for (const n of entry.source.uses.inline) inline.add(n);
    }
    const absent = missing.find((name) => !inline.has(name));
    if (absent !== undefined) {
      const tried = [...new Set([scope.locale, defaultLocale])];
      throw notFound(
        'Letter partial',
        absent,
        `Letter partial "${absent}" was not found for locale ${tried.join(' or ')} (needed by ${scope.source}).`,
        { template: scope.template, locale: scope.locale, localesTried: tried },
      );
    }
    return found;
  }

  function renderSource(
    source: PreparedSource,
    format: LetterFormat,
    data: object,
    scope: LetterScope,
  ): string {
    const partialMap = partialsFor(source.uses, format, scope);
    try {
      return source.compiled(format)(data, {
        helpers: createLetterHelpers(scope, intl),
        partials: partialMap,
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (error) {
      throw renderError(error, scope);
    }
  }

  function renderLetter(name: string, data: object, renderOptions?: LetterRenderOptions): RenderedLetter {
    const templateName = parseInput(LetterName, name, 'letter name');
    const { locale, timeZone } = parseInput(LetterRenderOptions, renderOptions ?? {}, 'render options');
    const requestedLocale = locale ?? defaultLocale;
    const letterData = parseInput(LetterData, data, 'letter data');
    const tried = [...new Set([requestedLocale, defaultLocale])];
    const variants = templates.get(templateName);
    const entry = tried.map((l) => variants?.get(l)).find((e) => e !== undefined);
    if (!entry) {
      throw notFound(
        'Letter template',
        templateName,
        `Letter template "${templateName}" was not found for locale ${tried.join(' or ')}.`,
        { localesTried: tried },
      );
    }
    const { info } = entry;
    const scope: LetterScope = {
      template: info.name,
      locale: info.locale,
      timeZone: timeZone ?? defaultTimeZone,
      source: entry.body.sourceName,
    };
    const body = renderSource(entry.body, info.format, letterData, scope);
    const subject =
      entry.subject === undefined
        ? undefined
        : renderSource(entry.subject, 'text', letterData, { ...scope, source: entry.subject.sourceName })
            .replace(/\s+/g, ' ')
            .trim();
    return {
      name: info.name,
      locale: info.locale,
      requestedLocale,
      format: info.format,
      ...(subject === undefined ? {} : { subject }),
      body,
    };
  }

  return {
    defaultLocale,
    defaultTimeZone,
    register(input) {
      const template = parseInput(LetterTemplateInput, input, 'letter template');
      const details = { template: template.name, locale: template.locale };
      const body = prepare(template.source, templateSourceName(template.name, template.locale), details);
      const subject =
        template.subject === undefined
          ? undefined
          : prepare(template.subject, subjectSourceName(template.name, template.locale), details);
      const info: LetterTemplateInfo = {
        name: template.name,
        locale: template.locale,
        format: template.format,
        hasSubject: subject !== undefined,
        ...(template.description === undefined ? {} : { description: template.description }),
      };
      let variants = templates.get(info.name);
      if (!variants) {
        variants = new Map();
        templates.set(info.name, variants);
      }
      variants.set(info.locale, { info, body, subject });
      return info;
    },
    registerPartial(input) {
      const partial = parseInput(LetterPartialInput, input, 'letter partial');
      const sourceName = partialSourceName(partial.name, partial.locale);
      const source = prepare(partial.source, sourceName, { partial: partial.name, locale: partial.locale });
      let variants = partials.get(partial.name);
      if (!variants) {
        variants = new Map();
        partials.set(partial.name, variants);
      }
      variants.set(partial.locale ?? NEUTRAL, { source });
    },
    templates() {
      return [...templates.values()]
        .flatMap((variants) => [...variants.values()].map((entry) => entry.info))
        .sort((a, b) => (a.name === b.name ? a.locale.localeCompare(b.locale) : a.name < b.name ? -1 : 1));
    },
    render(name, data, renderOptions) {
      return renderLetter(name, data, renderOptions).body;
    },
    renderLetter,
  };
}
