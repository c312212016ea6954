/**
 * Test kits for adapter authors and hosts: the storage conformance suite and its fixtures.
 * Needs `vitest` (an optional peer dependency of `@frontline/core`).
 * @module
 */

export { type AgentSuiteOptions, runAgentSuite } from './agents-suite';
export {
  type ComplaintSuiteOptions,
  type ComplaintSuiteTest,
  complaintActors,
  runComplaintSuite,
  suiteAuthorityMatrix,
  suiteCompensationRuleSet,
  suiteComplaintOffice,
} from './complaints-suite';
export { type ConformanceThing, ConformanceThings, thing } from './conformance-fixtures';
export { type DomainSuiteOptions, runCustomerSuite, sampleCustomer } from './customers-suite';
export {
  expectFrontlineError,
  type InteractionSuiteOptions,
  type InteractionSuiteTest,
  runInteractionSuite,
  type StoreSnapshot,
  serviceDeskActors,
  snapshotStore,
  suiteCustomer,
  withoutScans,
} from './interactions-suite';
export {
  type KnowledgeSuiteOptions,
  type KnowledgeSuiteTest,
  knowledgeActors,
  knowledgeArticle,
  runKnowledgeSuite,
  solvedTicket,
} from './knowledge-suite';
export {
  type KpiRollupSuiteOptions,
  type KpiRollupSuiteTest,
  runKpiRollupSuite,
} from './kpi-rollups-suite';
export {
  type ModuleConformanceOptions,
  type ModuleConformanceTest,
  runModuleConformance,
} from './module-conformance';
export {
  type PersonalDataConformanceOptions,
  type PersonalDataTest,
  runPersonalDataConformance,
} from './personal-data-conformance';
export {
  dpo as scenarioOfficer,
  type SeededSubject,
  seedDataSubject,
} from './personal-data-scenario';
export { type TestRunner, useTestRunner } from './runner';
export {
  type ConformanceTest,
  runStoreConformance,
  type StoreConformanceOptions,
} from './store-conformance';
export { describeServiceUnderGarbage, type RawInspector } from './suite-harness';
export {
  runTenantConformance,
  type TenantConformanceOptions,
  type TenantConformanceTest,
} from './tenant-conformance';
export {
  runTicketSuite,
  suiteSlaPolicy,
  type TicketSuiteOptions,
  type TicketSuiteTest,
} from './tickets-suite';
