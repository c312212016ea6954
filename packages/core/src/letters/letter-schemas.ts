import { z } from 'zod';
import { Locale } from '../kernel/locale';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';

/**
 * How a letter's output is written: `html` escapes every printed value (`<` becomes `&lt;`), `text` prints
 * values as they are (for SMS, plain e-mail, PDF text layers). Subjects are always text.
 * @category Letters
 */
export const LetterFormat = z.enum(['html', 'text']);
/** @category Letters */
export type LetterFormat = z.infer<typeof LetterFormat>;

/**
 * The name of a letter template: letters, digits, `.`, `_` and `-` (`customer-notice`, `complaint.ack`).
 * @category Letters
 */
export const LetterName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'A letter name is letters, digits, ".", "_" and "-"');

/**
 * The name of a partial as templates call it (`{{> letterhead}}`): a letter first, then letters, digits,
 * `_` and `-`.
 * @category Letters
 */
export const PartialName = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]*$/,
    'A partial name starts with a letter and holds letters, digits, "_" and "-"',
  );

const TemplateSource = z.string().min(1, 'A template needs some text').max(200_000);

/**
 * A letter template to register: handlebars source under a name and a locale.
 *
 * - `source` — the body, in handlebars syntax with the letter helpers (see {@link createLetterEnvironment}).
 * - `subject` — an optional one-line subject template (always rendered as text, whitespace collapsed).
 * - `format` — `html` (default; values are escaped) or `text`.
 * @category Letters
 */
export const LetterTemplateInput = z.strictObject({
  name: LetterName,
  locale: Locale,
  source: TemplateSource,
  subject: TemplateSource.max(2_000).optional(),
  format: LetterFormat.default('html'),
  description: z.string().max(1_000).optional(),
});
/** @category Letters */
export type LetterTemplateInput = z.input<typeof LetterTemplateInput>;

/**
 * A partial (a letterhead, a signature) to register. Without `locale` it serves every locale; with one it is
 * preferred for that locale. It is escaped or not as the template that calls it.
 * @category Letters
 */
export const LetterPartialInput = z.strictObject({
  name: PartialName,
  locale: Locale.optional(),
  source: TemplateSource,
  description: z.string().max(1_000).optional(),
});
/** @category Letters */
export type LetterPartialInput = z.input<typeof LetterPartialInput>;

/**
 * Options of one rendering: the wanted locale (default: the environment's) and the zone instants print in
 * (default: the environment's, `Europe/Budapest` unless set).
 * @category Letters
 */
export const LetterRenderOptions = z.strictObject({
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
});
/** @category Letters */
export type LetterRenderOptions = z.input<typeof LetterRenderOptions>;

/**
 * Options of {@link createLetterEnvironment}: the fallback locale (default `hu`) and the default zone
 * (default `Europe/Budapest`).
 * @category Letters
 */
export const LetterEnvironmentOptions = z.strictObject({
  defaultLocale: Locale.default('hu'),
  defaultTimeZone: TimeZone.default(BUDAPEST),
});
/** @category Letters */
export type LetterEnvironmentOptions = z.input<typeof LetterEnvironmentOptions>;

/**
 * What {@link LetterEnvironment.register} stored, and what {@link LetterEnvironment.templates} lists.
 * @category Letters
 */
export interface LetterTemplateInfo {
  /** The template's name. */
  readonly name: string;
  /** The locale it is written in. */
  readonly locale: Locale;
  /** `html` (escaped) or `text`. */
  readonly format: LetterFormat;
  /** Whether it has a subject template. */
  readonly hasSubject: boolean;
  /** What the template is for, as registered. */
  readonly description?: string;
}

/**
 * A rendered letter: the body, the subject when the template has one, and the locale it was actually
 * written in (the requested one, or the environment's default locale when the requested one is missing).
 * @category Letters
 */
export interface RenderedLetter {
  /** The template's name. */
  readonly name: string;
  /** The locale of the template used, which also formatted the dates and numbers. */
  readonly locale: Locale;
  /** The locale asked for; differs from `locale` when the template fell back. */
  readonly requestedLocale: Locale;
  /** `html` or `text`, as the template was registered. */
  readonly format: LetterFormat;
  /** The subject on one line, when the template has one. */
  readonly subject?: string;
  /** The body. */
  readonly body: string;
}
