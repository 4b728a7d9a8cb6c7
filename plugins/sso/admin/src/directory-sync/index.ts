import type { IdAdminPage } from '../id-admin-page';
import { DirectorySyncPage } from './DirectorySyncPage';

/** LDAP directory sync, dry run and on demand, for staff holding "Run directory sync". */
export const directorySyncPage: IdAdminPage = {
  path: 'directory-sync',
  label: 'Синхронизация с LDAP',
  permission: 'plugin::sso.directory-sync.run',
  Component: DirectorySyncPage,
};
