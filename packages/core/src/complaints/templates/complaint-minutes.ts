import type { LetterTemplateInput } from '../../letters/letter-schemas';

/**
 * The minutes of an oral complaint (jegyzőkönyv szóbeli panaszról), in Hungarian and English, as HTML, with
 * the contents Fgytv. 17/A. § (5) requires: the consumer's name and address; the place, time and way of
 * lodging; a detailed description, the documents and other evidence presented; the business's position if
 * the complaint was examined at once; the signatures (the consumer's except for a complaint by phone or other
 * electronic means); the place and time of recording; and, for a complaint by phone or electronic means, its
 * unique identifier.
 *
 * It reads `office`, `agent.name`, `consumer` (`name`, optional `address`), `complaint` (`reference`,
 * `channelLabel`, `receivedAt` — when the complaint was lodged —, optional `place`, `subject`, `description`,
 * `evidence[]`, `remote`), optional `position`, and `recorded` (`at` — when the minutes were made —, optional
 * `place`). Every field the complaint schema calls optional is optional here too (`{{#if}}`), so the minutes
 * render without it; the complaint service itself refuses minutes without the consumer's address, which the
 * law requires. Self-contained: no partials needed.
 * @example
 * for (const template of COMPLAINT_MINUTES_TEMPLATES) letters.register(template);
 * @category Complaints
 */
export const COMPLAINT_MINUTES_TEMPLATES = [
  {
    name: 'complaint-minutes',
    locale: 'hu',
    format: 'html',
    description: 'Jegyzőkönyv szóbeli panaszról (Fgytv. 17/A. § (5))',
    subject: 'Jegyzőkönyv szóbeli panaszról – {{complaint.reference}}',
    source: `<main class="complaint-minutes">
  <h1>Jegyzőkönyv szóbeli panaszról</h1>
  <p>Vállalkozás: {{office.name}}, {{office.address.postalCode}} {{office.address.city}}, {{office.address.street}}</p>
  <p>A fogyasztó neve: {{consumer.name}}{{#if consumer.address}}<br>
  A fogyasztó lakcíme: {{consumer.address.postalCode}} {{consumer.address.city}}, {{consumer.address.street}}{{/if}}</p>
  <p>{{#if complaint.place}}A panasz előterjesztésének helye: {{complaint.place}}<br>
  {{/if}}A panasz előterjesztésének ideje: {{dateTime complaint.receivedAt}}<br>
  Módja: {{complaint.channelLabel}}</p>
  {{#if complaint.remote}}<p>A panasz egyedi azonosítója: {{complaint.reference}}</p>{{/if}}
  <p>A panasz tárgya: {{complaint.subject}}</p>
  <p>A panasz részletes leírása: {{complaint.description}}</p>
  <p>A fogyasztó által bemutatott iratok, dokumentumok és egyéb bizonyítékok:</p>
  <ul>
  {{#each complaint.evidence}}<li>{{ref}} (SHA-256: {{sha256}}){{#if description}} – {{description}}{{/if}}</li>
  {{else}}<li>nem mutatott be</li>{{/each}}
  </ul>
  {{#if position}}<p>A vállalkozás nyilatkozata a panaszra (azonnali kivizsgálás esetén): {{position}}</p>{{/if}}
  <p>A jegyzőkönyv felvételének {{#if recorded.place}}helye és ideje: {{recorded.place}}, {{else}}ideje: {{/if}}{{dateTime recorded.at}}</p>
  <p class="signatures">Jegyzőkönyvet felvette: {{agent.name}} ………………………………{{#unless complaint.remote}}<br>
  A fogyasztó aláírása: ………………………………{{/unless}}</p>
</main>
`,
  },
  {
    name: 'complaint-minutes',
    locale: 'en',
    format: 'html',
    description: 'Minutes of an oral complaint (Hungarian Consumer Protection Act 17/A (5))',
    subject: 'Minutes of an oral complaint – {{complaint.reference}}',
    source: `<main class="complaint-minutes">
  <h1>Minutes of an oral complaint</h1>
  <p>Business: {{office.name}}, {{office.address.street}}, {{office.address.postalCode}} {{office.address.city}}</p>
  <p>Consumer's name: {{consumer.name}}{{#if consumer.address}}<br>
  Consumer's address: {{consumer.address.street}}, {{consumer.address.postalCode}} {{consumer.address.city}}{{/if}}</p>
  <p>{{#if complaint.place}}Place where the complaint was lodged: {{complaint.place}}<br>
  {{/if}}Time the complaint was lodged: {{dateTime complaint.receivedAt}}<br>
  Way: {{complaint.channelLabel}}</p>
  {{#if complaint.remote}}<p>Unique identifier of the complaint: {{complaint.reference}}</p>{{/if}}
  <p>Subject: {{complaint.subject}}</p>
  <p>Detailed description: {{complaint.description}}</p>
  <p>Documents and other evidence presented by the consumer:</p>
  <ul>
  {{#each complaint.evidence}}<li>{{ref}} (SHA-256: {{sha256}}){{#if description}} – {{description}}{{/if}}</li>
  {{else}}<li>none presented</li>{{/each}}
  </ul>
  {{#if position}}<p>The business's position (complaint examined at once): {{position}}</p>{{/if}}
  <p>{{#if recorded.place}}Place and time these minutes were recorded: {{recorded.place}}, {{else}}Time these minutes were recorded: {{/if}}{{dateTime recorded.at}}</p>
  <p class="signatures">Recorded by: {{agent.name}} ………………………………{{#unless complaint.remote}}<br>
  Consumer's signature: ………………………………{{/unless}}</p>
</main>
`,
  },
] as const satisfies readonly LetterTemplateInput[];
