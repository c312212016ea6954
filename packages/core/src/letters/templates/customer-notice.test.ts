import { FrontlineError, type ValidationError } from '@frontline/core';
import {
  CUSTOMER_NOTICE_TEMPLATES,
  createLetterEnvironment,
  LETTERHEAD_PARTIALS,
  type LetterEnvironment,
  SIGNATURE_PARTIALS,
} from '@frontline/core/letters';
import { describe, expect, it } from 'vitest';

const NBSP = '\u00a0';

function exampleLetters(): LetterEnvironment {
  const letters = createLetterEnvironment();
  for (const partial of [...LETTERHEAD_PARTIALS, ...SIGNATURE_PARTIALS]) letters.registerPartial(partial);
  for (const template of CUSTOMER_NOTICE_TEMPLATES) letters.register(template);
  return letters;
}

const data = {
  office: {
    name: 'Példa Távközlési Zrt.',
    phone: '+36 1 234 5678',
    email: 'ugyfel@pelda.hu',
    address: { postalCode: '1051', city: 'Budapest', street: 'Nádor utca 5.' },
  },
  recipient: {
    name: 'Kovács Anna',
    address: { postalCode: '7621', city: 'Pécs', street: 'Király utca 12.' },
  },
  letter: { reference: 'UGY-2026/00123', date: '2026-03-02' },
  customer: { number: 'C-004211' },
  notice: {
    serviceName: 'Otthoni Net 500',
    effectiveFrom: '2026-05-01',
    currentFee: { amount: 599_000, currency: 'HUF' },
    newFee: { amount: 649_000, currency: 'HUF' },
    objectionDays: 30,
  },
  agent: { name: 'Szabó Péter', title: 'ügyfélkapcsolati vezető' },
};

describe('the customer-notice example letter', () => {
  it('registers in both locales with its partials', () => {
    expect(exampleLetters().templates()).toEqual([
      {
        name: 'customer-notice',
        locale: 'en',
        format: 'html',
        hasSubject: true,
        description: 'Notice of a fee change',
      },
      {
        name: 'customer-notice',
        locale: 'hu',
        format: 'html',
        hasSubject: true,
        description: 'Értesítés díjváltozásról',
      },
    ]);
  });

  it('renders in Hungarian: Magyar Posta address order, official dates, forints, place and date at the end', () => {
    const letter = exampleLetters().renderLetter('customer-notice', data);
    expect(letter.subject).toBe('Értesítés díjváltozásról – Otthoni Net 500');
    expect(letter.body).toBe(`<header class="letterhead">
  <p class="sender"><strong>Példa Távközlési Zrt.</strong><br>
  1051 Budapest, Nádor utca 5.<br>
  Telefon: +36 1 234 5678 · E-mail: ugyfel@pelda.hu</p>
  <address class="recipient">Kovács Anna<br>
  Pécs<br>
  Király utca 12.<br>
  7621</address>
  <p class="reference">Iktatószám: UGY-2026/00123</p>
</header>
<main>
  <p><strong>Tárgy: értesítés díjváltozásról</strong></p>
  <p>Tisztelt Kovács Anna!</p>
  <p>Tájékoztatjuk, hogy Otthoni Net 500 szolgáltatásunk havi díja 2026. május 1. napjától
  5990${NBSP}Ft helyett 6490${NBSP}Ft lesz.</p>
  <p>Ha a módosítást nem fogadja el, szerződését az értesítés kézhezvételétől számított
  30 napon belül díjmentesen felmondhatja.
  Kérdésével hívja ügyfélszolgálatunkat: +36 1 234 5678.</p>
  <p>Ügyfélazonosító: C-004211</p>
  <p class="dated">Budapest, 2026. március 2.</p>
  <p>Tisztelettel:</p>
  <p class="signature">Szabó Péter<br>
  ügyfélkapcsolati vezető<br>
  Példa Távközlési Zrt.</p>
</main>
`);
  });

  it('renders in English with the optional reason escaped and the plural chosen', () => {
    const withReason = {
      ...data,
      letter: { ...data.letter, caseHandler: 'P. Szabó' },
      notice: { ...data.notice, objectionDays: 1, reason: 'Network costs & <inflation>' },
    };
    const letter = exampleLetters().renderLetter('customer-notice', withReason, { locale: 'en' });
    expect(letter.subject).toBe('Notice of a fee change – Otthoni Net 500');
    expect(letter.body).toBe(`<header class="letterhead">
  <p class="sender"><strong>Példa Távközlési Zrt.</strong><br>
  Nádor utca 5., 1051 Budapest<br>
  Telephone: +36 1 234 5678 · Email: ugyfel@pelda.hu</p>
  <address class="recipient">Kovács Anna<br>
  Király utca 12.<br>
  7621 Pécs</address>
  <p class="date">2 March 2026</p>
  <p class="reference">Our reference: UGY-2026/00123<br>
  Handled by: P. Szabó</p>
</header>
<main>
  <p><strong>Notice of a change to your monthly fee</strong></p>
  <p>Dear Kovács Anna,</p>
  <p>We are writing to let you know that from 1 May 2026 the monthly fee for your
  Otthoni Net 500 service will change from HUF${NBSP}5,990 to HUF${NBSP}6,490.</p>
  <p>Reason for the change: Network costs &amp; &lt;inflation&gt;</p>
  <p>If you do not accept the change, you may cancel your contract free of charge within
  1 day of receiving this letter.
  If you have any questions, please call us on +36 1 234 5678.</p>
  <p>Customer number: C-004211</p>
  <p>Yours sincerely,</p>
  <p class="signature">Szabó Péter<br>
  ügyfélkapcsolati vezető<br>
  Példa Távközlési Zrt.</p>
</main>
`);
    expect(exampleLetters().render('customer-notice', data, { locale: 'en' })).toContain(
      'within\n  30 days of',
    );
  });

  it('refuses to send a notice with a blank where the new fee belongs', () => {
    const { newFee: _dropped, ...notice } = data.notice;
    try {
      exampleLetters().render('customer-notice', { ...data, notice });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      const validation = error as ValidationError;
      expect(validation.issues[0]?.path).toEqual(['notice', 'newFee']);
      expect(validation.message).toMatch(/^Letter template "customer-notice" \(hu\), line 6/);
    }
  });

  it('names the partial when the letterhead lacks data', () => {
    const { address: _dropped, ...recipient } = data.recipient;
    try {
      exampleLetters().render('customer-notice', { ...data, recipient }, { locale: 'en' });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect((error as Error).message).toMatch(
        /^Letter partial "letterhead" \(en\), line 6, column 3 \(rendering letter template "customer-notice" \(en\)\): "recipient\.address\.street" is missing: "recipient\.address" is missing/,
      );
    }
  });
});
