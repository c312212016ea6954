import { Permissions } from '../agents/permissions';
import type { Customer } from '../customers/customer.schema';
import { CustomerCollection } from '../customers/customer-collections';
import { displayNameOf } from '../customers/display-name';
import { NotFoundError, ValidationError } from '../errors/frontline-error';
import { Interactions } from '../interactions/interaction-collection';
import type { PostalAddress } from '../kernel/postal-address';
import { runCreate } from '../kit/command-runner';
import type { Store } from '../ports/storage';
import { type Complaint, type ComplaintConsumer, isOralChannel } from './complaint.schema';
import { Complaints } from './complaint-collections';
import { commandResult } from './complaint-command';
import type { ComplaintContext } from './complaint-context';
import { ComplaintMinutesRecorded, ComplaintReceived, complaintEvent } from './complaint-events';
import { ReceiveComplaintInput } from './complaint-inputs';
import { complaintMinutesData } from './complaint-letters';
import { complaintDeadlines } from './complaint-policy';
import type { ComplaintService } from './complaint-service-types';
import { countyKeyOf } from './conciliation-boards';

/** Which postal address of a customer the minutes and letters use: private, then unlabelled, billing, other, work. */
const USE_ORDER = ['private', undefined, 'billing', 'other', 'work'] as const;

/** The customer's postal address for letters, or `undefined` when the record has none. */
export function letterAddressOf(customer: Customer): PostalAddress | undefined {
  const postal = customer.contactPoints.flatMap((p) => (p.kind === 'postal' ? [p] : []));
  for (const use of USE_ORDER) {
    const found = postal.find((p) => p.use === use);
    if (found) return found.address;
  }
  return undefined;
}

/** The county key of a Hungarian address: its region, else Budapest for a `1xxx` postal code. */
function countyOfAddress(address: PostalAddress | undefined): string | undefined {
  if (address?.country !== 'HU') return undefined;
  return countyKeyOf(address.region) ?? (/^1\d{3}$/.test(address.postalCode) ? 'budapest' : undefined);
}

/**
 * The consumer as a complaint records them, from the customer record (Fgytv. 17/A. § (5) a): name and
 * address are never typed again by the agent, so the minutes and letters cannot disagree with the record.
 * Only what the record cannot know comes from the intake: the county of domicile when the address does not
 * say it, and whether the consumer wants the trader's seat board.
 *
 * An erased or unknown customer is a `NotFoundError`, as for every customer command.
 */
export async function consumerFromCustomer(
  tx: Store,
  customerId: string,
  given: { county?: string | undefined; board?: 'domicile' | 'trader_seat' | undefined } | undefined,
): Promise<ComplaintConsumer> {
  const found = await tx.repository(CustomerCollection).find(customerId);
  if (!found || found.data.status === 'erased') {
    throw new NotFoundError('customer', customerId, found ? { details: { erased: true } } : {});
  }
  const customer = found.data;
  const address = letterAddressOf(customer);
  const county = given?.county ?? countyOfAddress(address);
  return {
    name: displayNameOf(customer),
    ...(address
      ? {
          address: {
            postalCode: address.postalCode,
            city: address.locality,
            street: address.lines.join(', '),
          },
        }
      : {}),
    ...(county ? { county } : {}),
    board: given?.board ?? 'domicile',
  };
}

/**
 * The minutes of an oral complaint must carry the consumer's address (Fgytv. 17/A. § (5) a)); the customer
 * record is where it comes from, so a record without one is refused before anything is stored.
 */
export function requireMinutesAddress(consumer: ComplaintConsumer, customerId: string): void {
  if (consumer.address) return;
  const message =
    "The customer record has no postal address; the minutes of an oral complaint need the consumer's " +
    'address (Fgytv. 17/A. § (5) a)): add one to the customer first';
  throw new ValidationError(
    `Invalid complaint: customerId: ${message}`,
    [{ path: ['customerId'], message, code: 'custom' }],
    { details: { customerId, missing: 'consumer.address' } },
  );
}

/**
 * `receiveComplaint` (CMP-1): the consumer from the customer record, the legal deadline from the sector's
 * policy, and, for an oral complaint not settled on the spot, the minutes rendered at once — all in the
 * complaint's creating unit of work.
 */
export function receiveComplaintCommand(ctx: ComplaintContext): ComplaintService['receiveComplaint'] {
  return async (raw) => {
    const result = await runCreate(
      ctx.deps,
      {
        name: 'complaint',
        input: ReceiveComplaintInput,
        collection: Complaints,
        permission: Permissions.complaintWrite,
        create: async ({ input, actor, at: now, tx }) => {
          const policy = ctx.policyFor(input.sector);
          const consumer = await consumerFromCustomer(tx, input.customerId, input.consumer);
          const withMinutes = isOralChannel(input.channel) && !input.settledOnSpot;
          if (withMinutes) requireMinutesAddress(consumer, input.customerId);
          for (const id of input.interactionIds) await tx.repository(Interactions).get(id);
          const receivedAt = input.receivedAt ?? now;
          const id = ctx.deps.ids.next();
          const { dueAt, warnAt } = complaintDeadlines(receivedAt, policy, ctx.timeZone);
          let complaint: Complaint = {
            id,
            reference: `PANASZ-${id}`,
            customerId: input.customerId,
            consumer,
            channel: input.channel,
            subject: input.subject,
            description: input.description,
            category: input.category,
            productOrService: input.productOrService,
            amountInDispute: input.amountInDispute,
            requestedRemedy: input.requestedRemedy,
            evidence: input.evidence,
            severity: input.severity,
            urgency: input.urgency,
            facts: input.facts,
            interactionIds: input.interactionIds,
            policyId: policy.id,
            status: 'received',
            receivedAt,
            receivedBy: actor.id,
            place: input.place ?? null,
            answerDueAt: dueAt,
            warnAt,
            warningSent: false,
            breachSent: false,
            answeredAt: null,
            assigneeId: null,
            decisions: [],
            letters: [],
            customerResponse: null,
            closedAt: null,
            retainUntil: null,
            updatedAt: now,
            history: [],
          };
          const events = [
            complaintEvent(ComplaintReceived, complaint, {
              customerId: complaint.customerId,
              channel: complaint.channel,
              category: complaint.category,
              severity: complaint.severity,
              policyId: policy.id,
              answerDueAt: dueAt.toISOString(),
              source: complaint.facts.source ?? null,
              outageHours: complaint.facts.outageHours ?? null,
            }),
          ];
          if (withMinutes) {
            const data = complaintMinutesData(complaint, {
              office: ctx.office,
              agentName: input.agentName ?? actor.id,
              locale: input.locale,
              position: input.position ?? null,
              recordedAt: now,
            });
            const minutes = ctx.render('complaint-minutes', data, input.locale, 'minutes', actor.id, now);
            complaint = { ...complaint, letters: [minutes] };
            events.push(complaintEvent(ComplaintMinutesRecorded, complaint, { locale: minutes.locale }));
          }
          return { entity: complaint, events };
        },
      },
      raw,
    );
    return commandResult(result);
  };
}
