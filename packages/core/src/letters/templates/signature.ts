import type { LetterPartialInput } from '../letter-schemas';

/**
 * The closing partial (`{{> signature}}`), in Hungarian and English, as HTML. It reads `agent`
 * (`{ name, title }`), `office.name`, and — in Hungarian, where the place and date close the letter —
 * `office.address.city` and `letter.date`.
 * @category Letters
 */
export const SIGNATURE_PARTIALS = [
  {
    name: 'signature',
    locale: 'hu',
    description: 'Keltezés és aláírás',
    source: `<p class="dated">{{office.address.city}}, {{date letter.date}}</p>
<p>Tisztelettel:</p>
<p class="signature">{{agent.name}}<br>
{{agent.title}}<br>
{{office.name}}</p>
`,
  },
  {
    name: 'signature',
    locale: 'en',
    description: 'Closing and signature',
    source: `<p>Yours sincerely,</p>
<p class="signature">{{agent.name}}<br>
{{agent.title}}<br>
{{office.name}}</p>
`,
  },
] as const satisfies readonly LetterPartialInput[];
