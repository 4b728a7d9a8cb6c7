export type { ClientRegistration, ClientsContract } from './clients';
export * from './openapi';
export type { StaffAccess, StaffDepartment } from './staff';
export { STAFF_ROLE } from './staff';
export type {
  ActorClaim,
  ImpersonationEnd,
  ImpersonationRecord,
  ListImpersonationsResponse,
  StartImpersonationRequest,
  StartImpersonationResponse,
} from './impersonation';
