export type { ClientRegistration, ClientsContract } from './clients';
export type { LoginEventPage, StaffLoginEvent } from './login-events';
export * from './openapi';
export type { StaffAccess, StaffDepartment } from './staff';
export { STAFF_ROLE } from './staff';
export type {
  DirectorySyncAction,
  DirectorySyncChange,
  DirectorySyncEntity,
  DirectorySyncReport,
  DirectorySyncSkip,
  DirectorySyncSkipCode,
  LastDirectorySync,
  RunDirectorySync,
} from './directory-sync';
export type {
  ActorClaim,
  ImpersonationEnd,
  ImpersonationRecord,
  ListImpersonationsResponse,
  StartImpersonationRequest,
  StartImpersonationResponse,
} from './impersonation';
