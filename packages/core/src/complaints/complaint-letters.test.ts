import { suiteComplaintOffice } from '@frontline/testing';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { createLetterEnvironment } from '../letters/letter-environment';
import {
  COMPLAINT_LETTER_TEMPLATES,
  CONCILIATION_BOARDS,
  type Complaint,
  type ComplaintDecision,
  complaintAnswerData,
  complaintMinutesData,
} from './index';

const at = new Date('2026-03-02T08:30:00Z');
const complaint: Complaint = {
  id: 'c1',
  reference: 'PANASZ-c1',
  customerId: 'cust-1',
  consumer: {
    name: 'Kiss Anna',
    address: { postalCode: '1051', city: 'Budapest', street: 'Nádor u. 5.' },
    board: 'domicile',
  },
  channel: 'in_person',
  subject: 'Hibás számla',
  description: 'A februári számlán kétszer szerepel a havidíj.',
  category: 'billing',
  productOrService: 'Mobil előfizetés',
  amountInDispute: { amount: 599_000, currency: 'HUF' },
  requestedRemedy: 'A duplán számlázott díj visszatérítése',
  evidence: [{ ref: 'doc:invoice-2026-02', sha256: 'b'.repeat(64) }],
  severity: 'medium',
  urgency: 'normal',
  facts: {},
  interactionIds: [],
  policyId: 'hu.consumer',
  status: 'received',
  receivedAt: at,
  receivedBy: 'agent-anna',
  place: 'Ügyfélszolgálati iroda, Budapest',
  answerDueAt: new Date('2026-04-01T08:30:00Z'),
  warnAt: new Date('2026-03-27T08:30:00Z'),
  warningSent: false,
  breachSent: false,
  answeredAt: null,
  assigneeId: null,
  decisions: [],
  letters: [],
  customerResponse: null,
  closedAt: null,
  retainUntil: null,
  updatedAt: at,
  history: [],
};
const decision: ComplaintDecision = {
  seq: 1,
  outcome: 'partly_upheld',
  reasons: 'A havidíjat valóban kétszer számláztuk.',
  compensation: { kind: 'refund', amount: { amount: 599_000, currency: 'HUF' } },
  ruleSetId: 'standard',
  ruleSetVersion: 1,
  explanation: null,
  proposedBy: 'agent-anna',
  proposedAt: at,
  proposerLimit: { amount: 0, currency: 'HUF' },
  approval: { status: 'not_needed', by: null, at: null, note: null },
};

const recordedAt = new Date('2026-03-02T09:15:00Z');
const minutesContext = (locale: 'hu' | 'en', position: string | null, recorded = at) => ({
  office: suiteComplaintOffice,
  agentName: 'Nagy Anna',
  locale,
  position,
  recordedAt: recorded,
});

function environment() {
  const letters = createLetterEnvironment();
  for (const t of COMPLAINT_LETTER_TEMPLATES) letters.register(t);
  return letters;
}

describe('complaint letters', () => {
  it('writes in-person minutes with every element Fgytv. 17/A. § (5) asks for, in Hungarian and English', () => {
    const letters = environment();
    const hu = letters.renderLetter(
      'complaint-minutes',
      complaintMinutesData(complaint, minutesContext('hu', null)),
      { locale: 'hu' },
    );
    for (const part of [
      'Kiss Anna',
      '1051 Budapest, Nádor u. 5.',
      'Ügyfélszolgálati iroda, Budapest',
      '2026. március 2. 9:30',
      'személyesen',
      'A februári számlán kétszer szerepel a havidíj.',
      'doc:invoice-2026-02',
      'A fogyasztó aláírása',
      'Jegyzőkönyvet felvette: Nagy Anna',
    ]) {
      expect(hu.body).toContain(part);
    }
    expect(hu.body).not.toContain('egyedi azonosító');
    expect(hu.subject).toBe('Jegyzőkönyv szóbeli panaszról – PANASZ-c1');
    const en = letters.renderLetter(
      'complaint-minutes',
      complaintMinutesData(complaint, minutesContext('en', 'We will refund it.')),
      {
        locale: 'en',
      },
    );
    expect(en.body).toContain('in person');
    expect(en.body).toContain("The business's position (complaint examined at once): We will refund it.");
    expect(en.body).toContain("Consumer's signature");
  });

  it('writes the answer with the compensation and, unless fully upheld, the conciliation board', () => {
    const letters = environment();
    const data = complaintAnswerData(complaint, decision, {
      office: suiteComplaintOffice,
      agent: { name: 'Nagy Anna', title: 'ügyintéző' },
      locale: 'hu',
      nextSteps: 'A visszatérítést 8 napon belül utaljuk.',
      at,
      board: CONCILIATION_BOARDS[0]!,
    });
    const hu = letters.renderLetter('complaint-answer', data, { locale: 'hu' });
    expect(hu.body).toContain('részben megalapozottnak találtuk');
    expect(hu.body).toContain('visszatérítés');
    expect(hu.body).toMatch(/5990\s+Ft/);
    expect(hu.body).toContain('Budapesti Békéltető Testület, 1016 Budapest, Krisztina krt. 99.');
  });

  it('keeps when the complaint was lodged apart from when its minutes were recorded, each labelled', () => {
    const letters = environment();
    const hu = letters.renderLetter(
      'complaint-minutes',
      complaintMinutesData(complaint, minutesContext('hu', null, recordedAt)),
      { locale: 'hu' },
    );
    expect(hu.body).toContain('A panasz előterjesztésének ideje: 2026. március 2. 9:30');
    expect(hu.body).toContain(
      'A jegyzőkönyv felvételének helye és ideje: Ügyfélszolgálati iroda, Budapest, 2026. március 2. 10:15',
    );
    const en = letters.renderLetter(
      'complaint-minutes',
      complaintMinutesData(complaint, minutesContext('en', null, recordedAt)),
      { locale: 'en' },
    );
    expect(en.body).toContain('Time the complaint was lodged: 2 March 2026');
    expect(en.body).toMatch(
      /Place and time these minutes were recorded: Ügyfélszolgálati iroda, Budapest, 2 March 2026,? 10:15/,
    );
  });

  it('renders the minutes and the answer without the fields the schema calls optional, never printing "undefined"', () => {
    const letters = environment();
    const { address: _dropped, ...consumer } = complaint.consumer;
    const bare: Complaint = {
      ...complaint,
      consumer,
      place: null,
      evidence: [{ ref: 'doc:1', sha256: 'c'.repeat(64) }],
    };
    for (const locale of ['hu', 'en'] as const) {
      const minutes = letters.renderLetter(
        'complaint-minutes',
        complaintMinutesData(bare, minutesContext(locale, null)),
        {
          locale,
        },
      );
      expect(minutes.body).toContain('Kiss Anna');
      expect(minutes.body).not.toMatch(/undefined|null/);
      expect(minutes.body).not.toContain('lakcíme');
      expect(minutes.body).not.toContain("Consumer's address");
      const answer = letters.renderLetter(
        'complaint-answer',
        complaintAnswerData(
          bare,
          { ...decision, compensation: { kind: 'refund', amount: decision.compensation.amount } },
          {
            office: suiteComplaintOffice,
            agent: { name: 'N', title: 'T' },
            locale,
            nextSteps: 'x',
            at,
            board: null,
          },
        ),
        { locale },
      );
      expect(answer.body).toContain('Kiss Anna');
      expect(answer.body).not.toMatch(/undefined|null/);
    }
  });

  it('refuses a referral without its board as a ValidationError naming the path', () => {
    const letters = environment();
    const noBoard = complaintAnswerData(complaint, null, {
      office: suiteComplaintOffice,
      agent: { name: 'N', title: 'T' },
      locale: 'en',
      nextSteps: '',
      at,
      board: null,
    });
    try {
      letters.render('complaint-referral', noBoard, { locale: 'en' });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect(JSON.stringify((error as FrontlineError).details)).toContain('board');
    }
  });
});
