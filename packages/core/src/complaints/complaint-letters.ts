import { z } from 'zod';
import type { Locale } from '../kernel/locale';
import { TimeZone } from '../kernel/time-zone';
import type { Complaint, ComplaintDecision } from './complaint.schema';
import type { ConciliationBoard } from './conciliation-boards';
import { COMPLAINT_ANSWER_TEMPLATES } from './templates/complaint-answer';
import { COMPLAINT_MINUTES_TEMPLATES } from './templates/complaint-minutes';

/**
 * The business as its complaint letters name it.
 * @category Complaints
 */
export const ComplaintOffice = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.strictObject({
    postalCode: z.string().trim().min(2).max(12),
    city: z.string().trim().min(1).max(100),
    street: z.string().trim().min(1).max(200),
  }),
  phone: z.string().trim().min(1).max(50),
  email: z.string().trim().min(3).max(200),
  /**
   * The office's IANA time zone: answer deadlines count calendar days in it and letters print times in it.
   * Default `Europe/Budapest`.
   */
  timeZone: TimeZone.optional(),
  /**
   * The county key of the business's seat (székhely), e.g. `budapest`: the conciliation board a consumer may
   * choose instead of their own county's (Fgytv. 20. § (1)).
   */
  seatCounty: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,49}$/)
    .optional(),
});
/** @category Complaints */
export type ComplaintOffice = z.infer<typeof ComplaintOffice>;

/**
 * Every complaint letter template (minutes, answer, referral) in Hungarian and English; register them in a
 * letter environment from `@frontline/core/letters`.
 * @example
 * const letters = createLetterEnvironment();
 * for (const t of COMPLAINT_LETTER_TEMPLATES) letters.register(t);
 * @category Complaints
 */
export const COMPLAINT_LETTER_TEMPLATES = [...COMPLAINT_MINUTES_TEMPLATES, ...COMPLAINT_ANSWER_TEMPLATES];

const CHANNEL_LABELS: Record<Locale, Record<Complaint['channel'], string>> = {
  hu: {
    in_person: 'személyesen',
    phone: 'telefonon',
    email: 'e-mailben',
    letter: 'levélben',
    web: 'webes felületen',
    chat: 'csevegésben',
  },
  en: {
    in_person: 'in person',
    phone: 'by phone',
    email: 'by email',
    letter: 'by letter',
    web: 'on the web',
    chat: 'by chat',
  },
};
const OUTCOME_LABELS: Record<Locale, Record<ComplaintDecision['outcome'], string>> = {
  hu: {
    upheld: 'megalapozottnak találtuk',
    partly_upheld: 'részben megalapozottnak találtuk',
    rejected: 'elutasítjuk',
  },
  en: { upheld: 'upheld', partly_upheld: 'partly upheld', rejected: 'rejected' },
};
const KIND_LABELS: Record<Locale, Record<ComplaintDecision['compensation']['kind'], string>> = {
  hu: {
    credit: 'jóváírás',
    refund: 'visszatérítés',
    voucher: 'utalvány',
    free_service_period: 'díjmentes szolgáltatási időszak',
    fee_waiver: 'díjelengedés',
    apology_only: 'bocsánatkérés',
  },
  en: {
    credit: 'credit',
    refund: 'refund',
    voucher: 'voucher',
    free_service_period: 'free service period',
    fee_waiver: 'fee waiver',
    apology_only: 'apology',
  },
};

/** The remote channels: every one but in person (the minutes carry a unique id, no consumer signature). */
const isRemote = (c: Complaint) => c.channel !== 'in_person';

/**
 * What the minutes record besides the complaint: who wrote them, in which language, the business's position
 * (when it examined the complaint at once) and when they were made.
 * @category Complaints
 */
export interface ComplaintMinutesContext {
  office: ComplaintOffice;
  agentName: string;
  locale: Locale;
  position: string | null;
  /** When the minutes were made (the clock when they were recorded), not when the complaint was lodged. */
  recordedAt: Date;
}

/**
 * The data of the minutes of an oral complaint (for the `complaint-minutes` template). Two instants, labelled
 * apart as Fgytv. 17/A. § (5) asks: `complaint.receivedAt` (when the complaint was lodged) and `recorded.at`
 * (when the minutes were made). The consumer's name and address are the complaint's `consumer`, taken from
 * the customer record at intake. Pure.
 * @category Complaints
 */
export function complaintMinutesData(
  complaint: Complaint,
  context: ComplaintMinutesContext,
): Record<string, unknown> {
  const { office, agentName, locale, position, recordedAt } = context;
  return {
    office,
    agent: { name: agentName },
    consumer: complaint.consumer,
    complaint: {
      reference: complaint.reference,
      channelLabel: CHANNEL_LABELS[locale][complaint.channel],
      receivedAt: complaint.receivedAt,
      place: complaint.place ?? undefined,
      subject: complaint.subject,
      description: complaint.description,
      evidence: complaint.evidence,
      remote: isRemote(complaint),
    },
    position: position ?? undefined,
    recorded: { at: recordedAt, place: complaint.place ?? undefined },
  };
}

/**
 * The data of the answer letter (for `complaint-answer`), or of the referral (for `complaint-referral`,
 * `decision` null). `board` is given when the answer is not a full uphold, or for the referral. Pure.
 * @category Complaints
 */
export function complaintAnswerData(
  complaint: Complaint,
  decision: ComplaintDecision | null,
  context: {
    office: ComplaintOffice;
    agent: { name: string; title: string };
    locale: Locale;
    nextSteps: string;
    at: Date;
    board: ConciliationBoard | null;
  },
): Record<string, unknown> {
  const { locale } = context;
  const comp = decision?.compensation;
  return {
    office: context.office,
    agent: context.agent,
    consumer: complaint.consumer,
    complaint: {
      reference: complaint.reference,
      receivedAt: complaint.receivedAt,
      subject: complaint.subject,
    },
    decision: decision
      ? {
          outcomeLabel: OUTCOME_LABELS[locale][decision.outcome],
          reasons: decision.reasons,
          compensation:
            comp && comp.kind !== 'apology_only' && comp.amount.amount > 0
              ? { kindLabel: KIND_LABELS[locale][comp.kind], amount: comp.amount, days: comp.days ?? null }
              : null,
        }
      : null,
    nextSteps: context.nextSteps,
    answeredAt: context.at,
    board: context.board,
  };
}
