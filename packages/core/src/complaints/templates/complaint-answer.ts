import type { LetterTemplateInput } from '../../letters/letter-schemas';

/**
 * The written answer to a complaint (válasz a panaszra) and the referral after a dispute (tájékoztatás a
 * jogorvoslati lehetőségekről), in Hungarian and English, as HTML.
 *
 * `complaint-answer` reads `office`, `agent` (`name`, `title`), `consumer` (`name`, optional `address` — an
 * answer sent by e-mail needs none), `complaint`
 * (`reference`, `receivedAt`, `subject`), `decision` (`outcomeLabel`, `reasons`, `compensation` — optional, with
 * `kindLabel`, `amount`, optional `days`), `nextSteps`, `answeredAt`, and — when the complaint was not fully
 * upheld — `board` (`name`, `address`, optional `phone`, `email`, `website`): Fgytv. 17/A. § (8) requires a
 * rejection to name where the consumer can turn.
 *
 * `complaint-referral` reads the same minus `decision`, plus `board` (required).
 * @example
 * for (const template of COMPLAINT_ANSWER_TEMPLATES) letters.register(template);
 * @category Complaints
 */
export const COMPLAINT_ANSWER_TEMPLATES = [
  {
    name: 'complaint-answer',
    locale: 'hu',
    format: 'html',
    description: 'Válasz a panaszra',
    subject: 'Válasz panaszára – {{complaint.reference}}',
    source: `<main class="complaint-answer">
  <p>{{consumer.name}}{{#if consumer.address}}<br>{{consumer.address.city}}<br>{{consumer.address.street}}<br>{{consumer.address.postalCode}}{{/if}}</p>
  <p>Ügyszám: {{complaint.reference}}</p>
  <p>Tisztelt {{consumer.name}}!</p>
  <p>{{date complaint.receivedAt}} napján „{{complaint.subject}}” tárgyban benyújtott panaszát kivizsgáltuk.
  Panaszát {{decision.outcomeLabel}}.</p>
  <p>Indoklás: {{decision.reasons}}</p>
  {{#if decision.compensation}}<p>Kártalanításként {{decision.compensation.kindLabel}} formájában {{money decision.compensation.amount}} összeget biztosítunk{{#if decision.compensation.days}} ({{decision.compensation.days}} nap){{/if}}.</p>{{/if}}
  <p>A további lépések: {{nextSteps}}</p>
  {{#if board}}<p>Amennyiben válaszunkkal nem ért egyet, a lakóhelye szerint illetékes békéltető testülethez vagy a fogyasztóvédelmi hatósághoz fordulhat:
  {{board.name}}, {{board.address.postalCode}} {{board.address.city}}, {{board.address.street}}{{#if board.phone}}, telefon: {{board.phone}}{{/if}}{{#if board.email}}, e-mail: {{board.email}}{{/if}}{{#if board.website}}, {{board.website}}{{/if}}.</p>{{/if}}
  <p>{{office.address.city}}, {{date answeredAt}}</p>
  <p>Tisztelettel:<br>{{agent.name}}<br>{{agent.title}}<br>{{office.name}}</p>
</main>
`,
  },
  {
    name: 'complaint-answer',
    locale: 'en',
    format: 'html',
    description: 'Answer to a complaint',
    subject: 'Our answer to your complaint – {{complaint.reference}}',
    source: `<main class="complaint-answer">
  <p>{{consumer.name}}{{#if consumer.address}}<br>{{consumer.address.street}}<br>{{consumer.address.postalCode}} {{consumer.address.city}}{{/if}}</p>
  <p>{{date answeredAt}}</p>
  <p>Our reference: {{complaint.reference}}</p>
  <p>Dear {{consumer.name}},</p>
  <p>We have investigated the complaint about “{{complaint.subject}}” you made on {{date complaint.receivedAt}}.
  We have {{decision.outcomeLabel}} your complaint.</p>
  <p>Our reasons: {{decision.reasons}}</p>
  {{#if decision.compensation}}<p>As compensation we provide a {{decision.compensation.kindLabel}} of {{money decision.compensation.amount}}{{#if decision.compensation.days}} ({{decision.compensation.days}} {{plural decision.compensation.days one="day" other="days"}}){{/if}}.</p>{{/if}}
  <p>Next steps: {{nextSteps}}</p>
  {{#if board}}<p>If you do not agree with our answer, you may turn to the conciliation board competent for your place of residence or to the consumer protection authority:
  {{board.name}}, {{board.address.street}}, {{board.address.postalCode}} {{board.address.city}}{{#if board.phone}}, telephone: {{board.phone}}{{/if}}{{#if board.email}}, email: {{board.email}}{{/if}}{{#if board.website}}, {{board.website}}{{/if}}.</p>{{/if}}
  <p>Yours sincerely,<br>{{agent.name}}<br>{{agent.title}}<br>{{office.name}}</p>
</main>
`,
  },
  {
    name: 'complaint-referral',
    locale: 'hu',
    format: 'html',
    description: 'Tájékoztatás a békéltető testületről vitatott panasz lezárásakor',
    subject: 'Tájékoztatás jogorvoslati lehetőségről – {{complaint.reference}}',
    source: `<main class="complaint-referral">
  <p>Tisztelt {{consumer.name}}!</p>
  <p>Tudomásul vettük, hogy a(z) {{complaint.reference}} ügyszámú panaszára adott válaszunkat nem fogadja el. Az ügyet nálunk lezártuk.</p>
  <p>Panaszával a lakóhelye szerint illetékes békéltető testülethez vagy a fogyasztóvédelmi hatósághoz fordulhat:
  {{board.name}}, {{board.address.postalCode}} {{board.address.city}}, {{board.address.street}}{{#if board.phone}}, telefon: {{board.phone}}{{/if}}{{#if board.email}}, e-mail: {{board.email}}{{/if}}{{#if board.website}}, {{board.website}}{{/if}}.</p>
  <p>{{office.address.city}}, {{date answeredAt}}</p>
  <p>Tisztelettel:<br>{{agent.name}}<br>{{agent.title}}<br>{{office.name}}</p>
</main>
`,
  },
  {
    name: 'complaint-referral',
    locale: 'en',
    format: 'html',
    description: 'Where to turn, when a disputed complaint is closed',
    subject: 'Where you can turn next – {{complaint.reference}}',
    source: `<main class="complaint-referral">
  <p>Dear {{consumer.name}},</p>
  <p>We note that you do not accept our answer to your complaint {{complaint.reference}}. We have closed the case on our side.</p>
  <p>You may turn to the conciliation board competent for your place of residence or to the consumer protection authority:
  {{board.name}}, {{board.address.street}}, {{board.address.postalCode}} {{board.address.city}}{{#if board.phone}}, telephone: {{board.phone}}{{/if}}{{#if board.email}}, email: {{board.email}}{{/if}}{{#if board.website}}, {{board.website}}{{/if}}.</p>
  <p>{{date answeredAt}}</p>
  <p>Yours sincerely,<br>{{agent.name}}<br>{{agent.title}}<br>{{office.name}}</p>
</main>
`,
  },
] as const satisfies readonly LetterTemplateInput[];
