/**
 * `@frontline/core/letters` — letter templates: an isolated handlebars environment per host, templates and
 * partials by name and locale with fallback, helpers that write dates, money and numbers the Hungarian or
 * the English way in the office's time zone, and missing data as an error instead of a blank.
 *
 * This subpath is the only part of the SDK that loads handlebars; `@frontline/core` itself never does.
 * @module
 */

export { LetterData } from './letter-data';
export { createLetterEnvironment, type LetterEnvironment } from './letter-environment';
export { type DateStyle, LETTER_DATE_PATTERNS } from './letter-formats';
export { LETTER_HELPERS, type LetterHelperName } from './letter-helpers';
export {
  LetterEnvironmentOptions,
  LetterFormat,
  LetterName,
  LetterPartialInput,
  LetterRenderOptions,
  type LetterTemplateInfo,
  LetterTemplateInput,
  PartialName,
  type RenderedLetter,
} from './letter-schemas';
export { CUSTOMER_NOTICE_TEMPLATES } from './templates/customer-notice';
export { LETTERHEAD_PARTIALS } from './templates/letterhead';
export { SIGNATURE_PARTIALS } from './templates/signature';
