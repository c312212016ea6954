import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { type Actor, requirePermission } from '../kernel/actor';
import type { Locale } from '../kernel/locale';
import { BUDAPEST } from '../kernel/time-zone';
import { hasMethods, ServicePorts } from '../kit/service-ports';
import type { LetterEnvironment } from '../letters/letter-environment';
import type { ServiceDeps } from '../services/domain-events';
import { AuthorityMatrix } from './authority';
import type { Complaint, ComplaintCommand, ComplaintDecision, ComplaintLetter } from './complaint.schema';
import { COMPLAINT_LETTER_TEMPLATES, ComplaintOffice } from './complaint-letters';
import { complaintMachine } from './complaint-machine';
import { ComplaintPolicy, HUNGARIAN_CONSUMER_POLICY, selectComplaintPolicy } from './complaint-policy';
import type { ComplaintServiceOptions } from './complaint-service-types';
import { CONCILIATION_BOARDS, ConciliationBoard, competentBoard } from './conciliation-boards';

const DAY_MS = 86_400_000;

const Options = z.object({
  letters: z.custom<LetterEnvironment>(
    (v) => hasMethods(v, 'register', 'renderLetter', 'templates'),
    'Expected a LetterEnvironment',
  ),
  office: ComplaintOffice,
  authority: AuthorityMatrix,
  policies: z.array(ComplaintPolicy).min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  sector: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  boards: z.array(ConciliationBoard).optional(),
  workerId: z.string().min(1).max(200).optional(),
});

/**
 * What every complaint command works with: the ports, the office, the authority matrix and the policy data,
 * checked once when the service is created. Internal.
 */
export interface ComplaintContext {
  readonly deps: ServiceDeps;
  readonly office: ComplaintOffice;
  readonly authority: AuthorityMatrix;
  readonly timeZone: string;
  /** The actor id the deadline worker records. */
  readonly workerId: string;
  /** The policy of a new complaint in `sector` (default the service's). */
  policyFor(sector: string | undefined): ComplaintPolicy;
  /** The policy a complaint was received under. */
  policyOf(c: Complaint): ComplaintPolicy;
  /** The conciliation board competent for a complaint's consumer. */
  boardFor(c: Complaint): ConciliationBoard;
  /** Renders one of the complaint letters in the office's zone. */
  render(
    name: string,
    data: Record<string, unknown>,
    locale: Locale,
    kind: ComplaintLetter['kind'],
    by: string,
    at: Date,
  ): ComplaintLetter;
}

/** Checks the service options and builds the context; registers the complaint templates when missing. */
export function complaintContext(options: ComplaintServiceOptions): ComplaintContext {
  parseInput(ServicePorts, options, 'complaint service ports');
  const { store, clock, ids, letters } = options;
  const config = parseInput(
    Options,
    {
      letters,
      office: options.office,
      authority: options.authority,
      policies: options.policies,
      country: options.country,
      sector: options.sector,
      boards: options.boards,
      workerId: options.workerId,
    },
    'complaint service options',
  );
  const policies = config.policies ?? [HUNGARIAN_CONSUMER_POLICY];
  const country = config.country ?? 'HU';
  const defaultSector = config.sector ?? 'consumer';
  const boards = config.boards ?? [...CONCILIATION_BOARDS];
  const timeZone = config.office.timeZone ?? BUDAPEST;
  const registered = new Set(letters.templates().map((t) => `${t.name}/${t.locale}`));
  for (const template of COMPLAINT_LETTER_TEMPLATES) {
    if (!registered.has(`${template.name}/${template.locale}`)) letters.register(template);
  }
  const policyFor = (sector: string | undefined) =>
    selectComplaintPolicy(policies, country, sector ?? defaultSector);
  return {
    deps: { store, clock, ids },
    office: config.office,
    authority: config.authority,
    timeZone,
    workerId: config.workerId ?? 'system:complaint-deadlines',
    policyFor,
    policyOf: (c) => policies.find((p) => p.id === c.policyId) ?? policyFor(undefined),
    boardFor: (c) =>
      competentBoard(boards, {
        choice: c.consumer.board,
        consumerCounty: c.consumer.county,
        traderSeatCounty: config.office.seatCounty,
      }),
    render: (name, data, locale, kind, by, at) => {
      const letter = letters.renderLetter(name, data, { locale, timeZone });
      return { kind, locale: letter.locale, subject: letter.subject ?? null, body: letter.body, at, by };
    },
  };
}

/**
 * Moves a complaint by `command` as the complaint machine decides (state, guards), checks the row's
 * permission, and appends the step to its history.
 */
export function step(
  ctx: ComplaintContext,
  c: Complaint,
  actor: Actor,
  command: ComplaintCommand,
  at: Date,
  note: string | null,
  aboveAuthority = false,
): Complaint {
  const t = complaintMachine.decide(c.status, command, {
    aboveAuthority,
    closedAt: c.closedAt,
    now: at,
    reopenWindowMs: ctx.policyOf(c).reopenDays * DAY_MS,
  });
  requirePermission(actor, t.permission);
  return {
    ...c,
    status: t.to,
    updatedAt: at,
    history: [...c.history, { at, by: actor.id, command, from: c.status, to: t.to, note }],
  };
}

/** The latest decision of a complaint, if any. */
export const latestDecision = (c: Complaint): ComplaintDecision | undefined => c.decisions.at(-1);
