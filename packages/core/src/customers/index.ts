/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * @module
 */
export {
  ConsentAction,
  ConsentChannel,
  ConsentEvent,
  ConsentPurpose,
  ConsentRecord,
  ConsentSource,
  type ConsentStatus,
  consentStatus,
} from './consent';
export { ConsentCommand, ConsentState, consentMachine } from './consent-machine';
export {
  ContactChannel,
  ContactPoint,
  ContactPointUse,
  EmailContactPoint,
  NewContactPoint,
  PhoneContactPoint,
  PostalContactPoint,
} from './contact-point';
export {
  ConsentStateEntry,
  Customer,
  CustomerErasure,
  CustomerKind,
  CustomerStatus,
  SegmentTag,
} from './customer.schema';
export {
  ConsentGranted,
  ConsentWithdrawn,
  CUSTOMER_EVENTS,
  CustomerConsentsRemoved,
  CustomerContactPointAdded,
  CustomerContactPointRemoved,
  CustomerErased,
  CustomerPersonalDataExported,
  CustomerRegistered,
  CustomerStubRemoved,
  CustomerUpdated,
} from './customer-events';
export {
  AddContactPointInput,
  ConsentStatementInput,
  CustomerChanges,
  CustomerQueryInput,
  EraseCustomerInput,
  FindByEmailInput,
  FindByPhoneInput,
  RegisterCustomerInput,
  RemoveContactPointInput,
  UpdateCustomerInput,
} from './customer-inputs';
export { CustomerReadPolicy, customerViewFor } from './customer-read-policy';
export type {
  ConsentCommandResult,
  CustomerCommandResult,
  CustomerResult,
  EraseCustomerResult,
  ErasureReport,
  ExportPersonalDataResult,
  PersonalDataExport,
} from './customer-results';
export { type CustomerService, type CustomerServiceDeps, createCustomerService } from './customer-service';
export { customerDisplayName, formatPersonName, PersonName } from './display-name';
export {
  type ContactPointView,
  CustomerDataClassification,
  type CustomerView,
  DataClass,
  DataClassHandling,
  maskCustomer,
  maskEmailAddress,
  maskPhoneNumber,
  maskPostalAddress,
} from './personal-data';
export {
  type ErasureContext,
  type PersonalDataSource,
  RetainedRecords,
  SourceErasureResult,
} from './personal-data-source';
export { CustomerRetentionRules, eraseCustomerRecord, type RetentionRule } from './retention';
