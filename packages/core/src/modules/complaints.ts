import { describePermissions, Permissions as P } from '../agents/permissions';
import {
  ComplaintCompensationLedgers,
  ComplaintRuleSets,
  Complaints,
} from '../complaints/complaint-collections';
import { COMPLAINT_EVENTS } from '../complaints/complaint-events';
import { complaintPersonalData } from '../complaints/complaint-personal-data';
import { HUNGARIAN_CONSUMER_POLICY } from '../complaints/complaint-policy';
import { createComplaintService } from '../complaints/complaint-service';
import type { ComplaintService, ComplaintServiceOptions } from '../complaints/complaint-service-types';
import { CONCILIATION_BOARDS_AS_OF, CONCILIATION_BOARDS_SOURCE } from '../complaints/conciliation-board-data';
import { CONCILIATION_BOARDS } from '../complaints/conciliation-boards';
import { defineModule } from '../kit/define-module';
import type { ServiceDeps } from '../services/domain-events';

/**
 * The complaint module's choices: the letter environment, the office, the authority matrix and the policy data
 * (see `ComplaintServiceOptions`).
 * @category Modules
 */
export type ComplaintsOptions = Omit<ComplaintServiceOptions, keyof ServiceDeps>;

/**
 * The complaint module (CMP-1 … CMP-6): intake with minutes, investigation, compensation by rules within
 * authority limits and the yearly cap, four-eyes approval, answers within the statutory deadline, and the
 * five-year file. Requires the service desk (complaints belong to its customers); its services are on the
 * composition root as `frontline.complaints`.
 * @example
 * const frontline = await createFrontline({
 *   store, modules: [serviceDesk(), complaints({ letters, office, authority })],
 * });
 * await frontline.complaints.receiveComplaint({ actor, customerId, channel: 'phone', subject, description });
 * @category Modules
 */
export const complaints = (options: ComplaintsOptions) =>
  defineModule({
    id: 'complaints',
    requires: ['serviceDesk'],
    collections: {
      complaints: Complaints,
      ruleSets: ComplaintRuleSets,
      compensationLedgers: ComplaintCompensationLedgers,
    },
    permissions: describePermissions([P.complaintWrite, P.complaintApprove]),
    events: COMPLAINT_EVENTS,
    personalData: [complaintPersonalData],
    policies: [
      {
        id: 'hu.consumer.complaints',
        description:
          'Answer deadline, warning, reopen window and retention of consumer complaints in Hungary.',
        source: HUNGARIAN_CONSUMER_POLICY.legalBasis,
        data: HUNGARIAN_CONSUMER_POLICY,
      },
      {
        id: 'hu.conciliation_boards',
        description:
          'The twenty Hungarian conciliation boards (békéltető testületek) and the counties they serve.',
        source: CONCILIATION_BOARDS_SOURCE,
        asOf: CONCILIATION_BOARDS_AS_OF,
        data: CONCILIATION_BOARDS,
      },
    ],
    services: ({ store, clock, ids }): ComplaintService =>
      createComplaintService({ store, clock, ids, ...options }),
  });
