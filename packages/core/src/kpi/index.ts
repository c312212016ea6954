/**
 * KPIs (KPI-1, KPI-2): contact-centre and hotline figures computed from mergeable partials — answer and
 * abandonment rates, service level in four variants, ASA, AHT, occupancy, utilisation, tickets closed and
 * resolved, first-contact resolution, escalation, backlog ageing, CSAT, NPS and CES — by period, agent, queue,
 * channel and category, in an IANA time zone.
 * @module
 */
export { AbandonmentRateOptions, abandonmentRate } from './abandonment-rate';
export { agentSessionRows } from './agent-session-rows';
export { answerRate } from './answer-rate';
export { averageHandleTime } from './average-handle-time';
export { averageSpeedOfAnswer } from './average-speed-of-answer';
export { type BacklogAgeing, BacklogAgeingOptions, backlogAgeing } from './backlog-ageing';
export { closedTickets } from './closed-tickets';
export { customerEffortScore } from './customer-effort-score';
export { customerSatisfaction } from './customer-satisfaction';
export {
  DurationHistogram,
  durationQuantile,
  emptyHistogram,
  mergeHistograms,
} from './duration-histogram';
export { escalationRate } from './escalation-rate';
export { type FirstContactResolution, firstContactResolution } from './first-contact-resolution';
export { kpiContactFromInteraction, kpiSurveyFromInteraction } from './interaction-rows';
export { KpiBasis, KpiBasisOptions } from './kpi-basis';
export {
  ContactRun,
  emptyKpiTotals,
  KpiBacklog,
  KpiDimension,
  KpiGrouping,
  type KpiGroupingInput,
  KpiGroupKey,
  KpiPartial,
  KpiTotals,
  parseKpiPartial,
} from './kpi-partial';
export { emptyKpiPartial, type KpiRows, kpiPartialOf } from './kpi-partial-of';
export {
  type KpiRowStreams,
  KpiStreamOptions,
  kpiPartialOfStream,
} from './kpi-partial-of-stream';
export { type KpiPeriod, KpiPeriodGrain, kpiPeriodOf } from './kpi-period';
export {
  KpiAgentSession,
  type KpiAgentSessionInput,
  KpiContact,
  type KpiContactInput,
  KpiSurvey,
  type KpiSurveyInput,
  KpiTicket,
  type KpiTicketInput,
} from './kpi-rows.schema';
export { type KpiBacklogFigures, type KpiGroup, kpiGroups, kpiTotals, mergeKpiTotals } from './kpi-totals';
export { mergeKpiPartials } from './merge-kpi-partials';
export { netPromoterScore } from './net-promoter-score';
export { occupancy } from './occupancy';
export { KpiRegrouping, regroupKpiPartial } from './regroup-kpi-partial';
export { resolvedRequests } from './resolved-requests';
export { resolvedWithoutEscalation } from './resolved-without-escalation';
export { ServiceLevelOptions, ServiceLevelVariant, serviceLevel } from './service-level';
export { settleFirstContacts } from './settle-first-contacts';
export { type KpiTicketSource, kpiTicketFromTicket } from './ticket-rows';
export { utilisation } from './utilisation';
