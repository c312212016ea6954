import type { LetterPartialInput } from '../letter-schemas';

/**
 * The letterhead partial (`{{> letterhead}}`), in Hungarian and English, as HTML.
 *
 * It reads:
 * - `office` — `{ name, phone, email, address: { postalCode, city, street } }`, the sender;
 * - `recipient` — `{ name, address: { postalCode, city, street } }`;
 * - `letter` — `{ reference, date }` (`reference` is the registry number, iktatószám; `date` a calendar date
 *   or an instant), and optionally `letter.caseHandler` (ügyintéző).
 *
 * The Hungarian one writes the recipient the way Magyar Posta asks (name, town, street, postal code on its
 * own line) and leaves the date to the closing; the English one puts the date under the address.
 * @example
 * for (const partial of LETTERHEAD_PARTIALS) letters.registerPartial(partial);
 * @category Letters
 */
export const LETTERHEAD_PARTIALS = [
  {
    name: 'letterhead',
    locale: 'hu',
    description: 'Levélfej: feladó, címzett, iktatószám',
    source: `<header class="letterhead">
  <p class="sender"><strong>{{office.name}}</strong><br>
  {{office.address.postalCode}} {{office.address.city}}, {{office.address.street}}<br>
  Telefon: {{office.phone}} · E-mail: {{office.email}}</p>
  <address class="recipient">{{recipient.name}}<br>
  {{recipient.address.city}}<br>
  {{recipient.address.street}}<br>
  {{recipient.address.postalCode}}</address>
  <p class="reference">Iktatószám: {{letter.reference}}{{#if letter.caseHandler}}<br>
  Ügyintéző: {{letter.caseHandler}}{{/if}}</p>
</header>
`,
  },
  {
    name: 'letterhead',
    locale: 'en',
    description: 'Letterhead: sender, recipient, date and reference',
    source: `<header class="letterhead">
  <p class="sender"><strong>{{office.name}}</strong><br>
  {{office.address.street}}, {{office.address.postalCode}} {{office.address.city}}<br>
  Telephone: {{office.phone}} · Email: {{office.email}}</p>
  <address class="recipient">{{recipient.name}}<br>
  {{recipient.address.street}}<br>
  {{recipient.address.postalCode}} {{recipient.address.city}}</address>
  <p class="date">{{date letter.date}}</p>
  <p class="reference">Our reference: {{letter.reference}}{{#if letter.caseHandler}}<br>
  Handled by: {{letter.caseHandler}}{{/if}}</p>
</header>
`,
  },
] as const satisfies readonly LetterPartialInput[];
