import type { IdAdminPage } from '../id-admin-page';
import { ImpersonationPage } from './ImpersonationPage';

/** Acting as a patient or clinic owner, and the audit of it, for support leads. */
export const impersonationPage: IdAdminPage = {
  path: 'impersonation',
  label: 'Действовать от имени',
  permission: 'plugin::sso.impersonation.read',
  Component: ImpersonationPage,
};
