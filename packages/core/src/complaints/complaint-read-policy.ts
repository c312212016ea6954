import { Permissions } from '../agents/permissions';
import { type Actor, hasPermission } from '../kernel/actor';
import type { ReadPolicy } from '../kit/read-policy';
import type { Complaint } from './complaint.schema';

const STARS = '***';

/** The forms a text takes in a rendered letter: as given, and as handlebars escapes it into HTML. */
function renderedForms(text: string): string[] {
  const escaped = text.replace(
    /[&<>"'`=]/g,
    (ch) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#x27;',
        '`': '&#x60;',
        '=': '&#x3D;',
      })[ch] ?? ch,
  );
  return escaped === text ? [text] : [text, escaped];
}

/**
 * A complaint as an actor without `customer.read_personal` sees it. The consumer's street line is masked on
 * the complaint and in every letter (minutes, answer, referral); town and postal code stay, as the customer
 * module's masked view keeps them (enough to route a case, not to find the door). The consumer's name stays
 * visible, as it does on the customer's record: an agent handling a complaint must address the consumer. The
 * complaint's own text (subject, description, remedy asked) is the case itself and is shown.
 * @category Complaints
 */
export function maskComplaint(c: Complaint): Complaint {
  const address = c.consumer.address;
  if (!address) return c;
  const forms = renderedForms(address.street);
  const hide = (body: string) => forms.reduce((text, form) => text.split(form).join(STARS), body);
  return {
    ...c,
    consumer: { ...c.consumer, address: { ...address, street: STARS } },
    letters: c.letters.map((l) => ({ ...l, body: hide(l.body) })),
  };
}

/**
 * Who reads complaints and what they see: anyone who works on complaints (`complaint.write`) or approves
 * compensations (`complaint.approve`); the consumer's address unmasked only with `customer.read_personal`
 * (see {@link maskComplaint}).
 * @category Complaints
 */
export const ComplaintReadPolicy: ReadPolicy<Complaint> = Object.freeze({
  what: 'complaint',
  anyOf: [Permissions.complaintWrite, Permissions.complaintApprove],
  mask: (c: Complaint, actor: Actor) =>
    hasPermission(actor, Permissions.customerReadPersonal) ? c : maskComplaint(c),
});
