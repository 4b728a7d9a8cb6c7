import type { StrapiApp } from '@strapi/strapi/admin';
import { Key } from '@strapi/icons';

import { ID_ADMIN_PAGES } from './pages';
import { offerSignInWithId } from './sign-in-with-id';

/** ID's admin pages, shown to whoever holds the permission of any of them. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'sso', name: 'VixenHealth ID' });
    app.addMenuLink({
      to: 'plugins/sso',
      icon: Key,
      intlLabel: { id: 'sso.menu', defaultMessage: 'VixenHealth ID' },
      permissions: ID_ADMIN_PAGES.map((page) => ({ action: page.permission, subject: null })),
      Component: () => import('./IdApp'),
    });
  },
  bootstrap() {
    // Staff sign in with ID; the login page offers it (see sign-in-with-id.ts for why so).
    offerSignInWithId();
  },
};
