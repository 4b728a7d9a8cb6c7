import type { DeclaredAdminRoute } from '../../admin-access/admin-routes';
import { READ_DEPLOYS } from '../permissions';
import type { SiteDeploysAction } from './controller';

/** Staff read deploys in the admin panel: all clinics, or one (`?clinic=<documentId>`). */
export const siteDeploysRoutes: DeclaredAdminRoute<SiteDeploysAction>[] = [
  { method: 'GET', path: '/site-deploys', action: 'list', permission: READ_DEPLOYS },
  { method: 'GET', path: '/site-deploys/:id', action: 'findOne', permission: READ_DEPLOYS },
];
