import { directorySyncPage } from './directory-sync';
import type { IdAdminPage } from './id-admin-page';
import { impersonationPage } from './impersonation';
import { signInHistoryPage } from './sign-in-history';

/** ID's admin pages, in tab order; each feature adds its own. */
export const ID_ADMIN_PAGES: IdAdminPage[] = [
  signInHistoryPage,
  impersonationPage,
  directorySyncPage,
];
