import type { IdAdminPage } from '../id-admin-page';
import { SignInHistoryPage } from './SignInHistoryPage';

/** Sign-in history for staff holding "Read sign-in history". */
export const signInHistoryPage: IdAdminPage = {
  path: 'sign-in-history',
  label: 'История входов',
  permission: 'plugin::sso.login-events.read',
  Component: SignInHistoryPage,
};
