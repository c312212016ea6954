/**
 * Staffing (issue 11): Erlang B, Erlang C and Erlang A (Palm's M/M/N+M) figures, the agents a set of targets
 * needs, shrinkage, and a staffing plan for a day of 15/30-minute intervals.
 * @module
 */

export { type ErlangAFigures, ErlangAInput, erlangA } from './erlang-a';
export { ErlangAAgentsInput, erlangAAgents } from './erlang-a-agents';
export { ErlangBInput, erlangB } from './erlang-b';
export { type ErlangCFigures, ErlangCInput, erlangC } from './erlang-c';
export { type AgentsRequired, ErlangCAgentsInput, erlangCAgents } from './erlang-c-agents';
export { trafficErlangs } from './queue-input';
export { AgentsWithShrinkageInput, agentsWithShrinkage, Shrinkage } from './shrinkage';
export {
  ForecastInterval,
  type StaffingPlan,
  StaffingPlanInput,
  type StaffingPlanInterval,
  staffingPlan,
} from './staffing-plan';
export { PredictedServiceLevelVariant, StaffingTargets } from './staffing-targets';
export { UnstableQueueError } from './unstable-queue-error';
