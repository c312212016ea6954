/**
 * `@frontline/core` — the kernel of the Frontline SDK: typed errors, value objects (money, phone numbers,
 * addresses, time zones), the business calendar with Hungarian holidays, the hash-chained audit log, and the
 * storage ports with their in-memory adapter.
 *
 * The bounded contexts live behind subpaths, so the kernel loads neither MiniSearch nor handlebars:
 * `@frontline/core/service-desk` (customers, agents, interactions, tickets, knowledge and the `serviceDesk()`
 * module), `@frontline/core/complaints` (the `complaints()` module), `@frontline/core/letters` (handlebars
 * templates) and `@frontline/testing` (the conformance suites).
 * @module
 */

// adapters
export { createMemoryStore, type MemoryStoreOptions } from './adapters/memory/memory-store';
// access: the permissions every module checks, and the personal-data port every module may implement
export {
  describePermissions,
  type KnownPermission,
  PERMISSION_DESCRIPTIONS,
  Permissions,
} from './agents/permissions';
export {
  AuditCheckpoint,
  type CheckpointSigningKey,
  type CheckpointVerifyingKeys,
  checkAuditCheckpoint,
  type NodeKey,
  signAuditCheckpoint,
} from './audit/audit-checkpoint';
// audit
export {
  type AuditAnchor,
  AuditEvent,
  type AuditLog,
  type AuditVerification,
  type AuditVerifyOptions,
  createAuditLog,
  GENESIS_HASH,
  hashAuditEntry,
  verifyAuditChain,
} from './audit/audit-log';
export { SealedAuditValue } from './audit/sealed-values';
export {
  type ErasureContext,
  type PersonalDataSource,
  PersonalDataSources,
  RetainedRecords,
  SourceErasureResult,
} from './customers/personal-data-source';
export { easterSunday, GREGORIAN_YEARS } from './data/easter-sunday';
export {
  type HolidayName,
  HUNGARIAN_CALENDAR_RANGE,
  HUNGARIAN_PUBLIC_HOLIDAY_RULES,
  HUNGARIAN_SWAP_DECREES,
  HUNGARIAN_SWAP_YEARS,
  type HungarianDayOff,
  type HungarianDaySwap,
  type HungarianHolidayRule,
  type HungarianPublicHolidayKey,
  type HungarianSwapSource,
  type HungarianSwapYear,
  type HungarianWorkingSaturday,
  type HungarianYearCoverage,
  hungarianCalendarCoverage,
  hungarianHolidays,
  hungarianPublicHolidays,
  hungarianWorkingSaturdays,
} from './data/hungarian-holidays';
// errors
export { ErrorCode } from './errors/codes';
export {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  FrontlineError,
  type FrontlineErrorOptions,
  IntegrityError,
  InvalidTransitionError,
  NotFoundError,
  StorageError,
  UnavailableError,
  ValidationError,
} from './errors/frontline-error';
export { describeValue, parseInput, toFieldIssues } from './errors/validate';
// access and services
export { Actor, type ActorInput, hasPermission, Permission, requirePermission } from './kernel/actor';
// business calendar and Hungarian holidays
export {
  addBusinessDays,
  addBusinessHours,
  addBusinessMilliseconds,
  addBusinessMinutes,
  BUSINESS_CALENDAR_LIMITS,
  type BusinessCalendar,
  businessTimeBetween,
  createBusinessCalendar,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  type WorkingSpan,
  workingIntervals,
} from './kernel/business-calendar';
export {
  type BusinessCalendarYearCoverage,
  businessCalendarCoverage,
} from './kernel/business-calendar-coverage';
export {
  BusinessCalendarDefinition,
  type BusinessCalendarDefinitionInput,
  ExtraWorkingDay,
  PublicHolidays,
  type PublicHolidaysInput,
  WEEKDAYS,
  Weekday,
  WeeklyHours,
  WorkingHours,
  WorkingInterval,
} from './kernel/business-calendar-definition';
export {
  HungarianCalendarOptions,
  hungarianBusinessCalendar,
  hungarianCalendarDefinition,
} from './kernel/business-calendar-hungary';
export { HOLIDAY_SOURCE_IDS, type HolidaySourceId } from './kernel/business-calendar-sources';
export { upgradeCalendarDefinition } from './kernel/business-calendar-upgrade';
// value objects
export { EmailAddress } from './kernel/email';
export { EntityId } from './kernel/id';
export { CalendarDate, Instant } from './kernel/instant';
export { Locale } from './kernel/locale';
export {
  addMoney,
  allocateMoney,
  CurrencyCode,
  compareMoney,
  currencyExponent,
  formatMoney,
  fromMajor,
  Money,
  minMoney,
  money,
  multiplyMoney,
  prorate,
  RoundingMode,
  subtractMoney,
  toMajorString,
} from './kernel/money';
export { formatPhoneNumber, PhoneNumber, parsePhoneNumber, phoneNumberType } from './kernel/phone';
export { formatPostalAddress, PostalAddress } from './kernel/postal-address';
export { BUDAPEST, TimeZone } from './kernel/time-zone';
export { collect } from './kit/collect';
export {
  type AggregateCommand,
  COMMAND_ATTEMPTS,
  type CommandContext,
  type CommandOutcome,
  type CommandResult,
  type CreateCommand,
  runCommand,
  runCreate,
} from './kit/command-runner';
export {
  createFrontline,
  type Frontline,
  type FrontlineOptions,
  type ServicesOf,
} from './kit/create-frontline';
export {
  defineEvent,
  type EventCatalogueEntry,
  type EventDefinition,
  emit,
} from './kit/define-event';
export {
  defineMachine,
  type Machine,
  type MachineDefinition,
  type MachineDescription,
  type MachineGuard,
  type MachineTransition,
} from './kit/define-machine';
export {
  type AnyModule,
  defineModule,
  type ModuleContext,
  type ModuleDefinition,
  type ModulePolicy,
} from './kit/define-module';
export type { EventHandler, EventHandlerContext, HandledEvent } from './kit/event-handlers';
export {
  authorizeRead,
  type Page,
  PageInput,
  pageOf,
  present,
  ReadByIdInput,
  type ReadPolicy,
  readById,
} from './kit/read-policy';
export { type ModulePlan, resolveModules } from './kit/resolve-modules';
export {
  ImportInput,
  type ImportOptions,
  type ImportProgress,
  type ImportRejection,
  type ImportResult,
  type ImportSource,
  runImport,
} from './kit/run-import';
// ports
export type { AuditEntry, AuditStore } from './ports/audit-store';
export { type Clock, createFixedClock, type FixedClock, systemClock } from './ports/clock';
export { createSequentialIds, createUuidV7Ids, type IdGenerator } from './ports/ids';
export type {
  ClaimedMessage,
  ClaimOptions,
  FailOptions,
  NewOutboxMessage,
  Outbox,
  OutboxMessage,
  OutboxStats,
} from './ports/outbox';
export {
  ClaimHandleInput,
  ClaimOptionsInput,
  FailOptionsInput,
  NewOutboxMessageInput,
} from './ports/outbox-input';
export {
  type CollectionDefinition,
  checkCollectionDefinitions,
  defineCollection,
  type IndexDefinition,
  type KeyValue,
  MAX_INSERT_MANY,
  type Query,
  type Repository,
  type Store,
  type Stored,
  type UnitOfWork,
} from './ports/storage';
export {
  AuditReadInput,
  checkPayloadSize,
  DEFAULT_MAX_PAYLOAD_BYTES,
  DEFAULT_TENANT,
  IdInput,
  MaxPayloadBytesInput,
  QueryInput,
  StorableText,
  TenantIdInput,
  VersionInput,
} from './ports/storage-input';
export { DomainEvent, recordEvents, type ServiceDeps } from './services/domain-events';
