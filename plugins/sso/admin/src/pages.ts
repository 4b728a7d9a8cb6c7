import type { IdAdminPage } from './id-admin-page';
import { ImpersonationPage } from './ImpersonationPage';

/** ID's admin pages, in tab order; each feature adds its own. */
export const ID_ADMIN_PAGES: IdAdminPage[] = [
  {
    path: 'impersonation',
    label: 'Act as a person',
    permission: 'plugin::sso.impersonation.read',
    Component: ImpersonationPage,
  },
];
