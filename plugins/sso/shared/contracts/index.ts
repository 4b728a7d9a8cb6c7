export type { ClientRegistration, ClientsContract } from './clients';
export type { LoginEventPage, StaffLoginEvent } from './login-events';
export * from './openapi';
export type { StaffAccess, StaffDepartment } from './staff';
export { STAFF_ROLE } from './staff';
