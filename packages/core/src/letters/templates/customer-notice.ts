import type { LetterTemplateInput } from '../letter-schemas';

/**
 * The `customer-notice` letter in Hungarian and English (HTML, with a subject): the notice of a change to
 * a monthly fee that a provider must send before the change takes effect (díjmódosítási értesítő).
 *
 * It calls `{{> letterhead}}` and `{{> signature}}` (`LETTERHEAD_PARTIALS`, `SIGNATURE_PARTIALS`) and reads,
 * besides what they read:
 * - `customer.number` — the customer id printed on the letter (ügyfélazonosító);
 * - `notice` — `{ serviceName, effectiveFrom, currentFee, newFee, objectionDays }` and optionally `reason`;
 *   `effectiveFrom` is a calendar date, the fees are Money.
 *
 * Hungarian keeps the noun singular after a numeral (`30 napon belül`); English picks `day`/`days` with
 * `{{plural}}`.
 * @example
 * for (const template of CUSTOMER_NOTICE_TEMPLATES) letters.register(template);
 * const { subject, body } = letters.renderLetter('customer-notice', data, { locale: 'en' });
 * @category Letters
 */
export const CUSTOMER_NOTICE_TEMPLATES = [
  {
    name: 'customer-notice',
    locale: 'hu',
    format: 'html',
    description: 'Értesítés díjváltozásról',
    subject: 'Értesítés díjváltozásról – {{notice.serviceName}}',
    source: `{{> letterhead}}
<main>
  <p><strong>Tárgy: értesítés díjváltozásról</strong></p>
  <p>Tisztelt {{recipient.name}}!</p>
  <p>Tájékoztatjuk, hogy {{notice.serviceName}} szolgáltatásunk havi díja {{date notice.effectiveFrom}} napjától
  {{money notice.currentFee}} helyett {{money notice.newFee}} lesz.</p>
  {{#if notice.reason}}
  <p>A változás oka: {{notice.reason}}</p>
  {{/if}}
  <p>Ha a módosítást nem fogadja el, szerződését az értesítés kézhezvételétől számított
  {{notice.objectionDays}} napon belül díjmentesen felmondhatja.
  Kérdésével hívja ügyfélszolgálatunkat: {{office.phone}}.</p>
  <p>Ügyfélazonosító: {{customer.number}}</p>
  {{> signature}}
</main>
`,
  },
  {
    name: 'customer-notice',
    locale: 'en',
    format: 'html',
    description: 'Notice of a fee change',
    subject: 'Notice of a fee change – {{notice.serviceName}}',
    source: `{{> letterhead}}
<main>
  <p><strong>Notice of a change to your monthly fee</strong></p>
  <p>Dear {{recipient.name}},</p>
  <p>We are writing to let you know that from {{date notice.effectiveFrom}} the monthly fee for your
  {{notice.serviceName}} service will change from {{money notice.currentFee}} to {{money notice.newFee}}.</p>
  {{#if notice.reason}}
  <p>Reason for the change: {{notice.reason}}</p>
  {{/if}}
  <p>If you do not accept the change, you may cancel your contract free of charge within
  {{notice.objectionDays}} {{plural notice.objectionDays one="day" other="days"}} of receiving this letter.
  If you have any questions, please call us on {{office.phone}}.</p>
  <p>Customer number: {{customer.number}}</p>
  {{> signature}}
</main>
`,
  },
] as const satisfies readonly LetterTemplateInput[];
