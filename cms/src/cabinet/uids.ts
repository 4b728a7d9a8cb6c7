export const CLINIC = 'api::clinic.clinic';
export const DOCTOR = 'api::doctor.doctor';
export const SERVICE = 'api::service.service';
export const PAGE = 'api::page.page';
export const INVITATION = 'api::cabinet.clinic-invitation';
export const USER = 'plugin::users-permissions.user';
