import { DirectorySyncPage } from './DirectorySyncPage';
import type { IdAdminPage } from './id-admin-page';

/** ID's admin pages, in tab order; each feature adds its own. */
export const ID_ADMIN_PAGES: IdAdminPage[] = [
  {
    path: 'directory-sync',
    label: 'Синхронизация с LDAP',
    permission: 'plugin::sso.directory-sync.run',
    Component: DirectorySyncPage,
  },
];
