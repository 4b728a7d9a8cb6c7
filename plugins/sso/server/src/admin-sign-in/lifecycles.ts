import type { Core } from '@strapi/strapi';

import { STAFF_GROUP, STAFF_MEMBER, USER } from '../content-types/uids';
import { syncAdminAccessOf, syncAllAdminAccess } from './access-sync';

interface LifecycleEvent {
  model: { uid: string };
  result?: { id?: number } | null;
}

/**
 * Ends (or narrows) admin panel access the moment the directory changes: a staff member's
 * groups or active flag, a group's admin roles, an account blocked or deleted. Runs inside the
 * write's own transaction, so it sees the change; a failure is logged, never fails the write
 * (the 30-second job catches up).
 */
export const registerAdminAccessLifecycles = (strapi: Core.Strapi) => {
  const sync = async (event: LifecycleEvent) => {
    try {
      const userId = event.result?.id;
      // An account's own change concerns only its admin user; a group or a membership may
      // concern many, and few staff have admin users: re-read them all.
      if (event.model.uid === USER && typeof userId === 'number') {
        await syncAdminAccessOf(strapi, userId);
      } else {
        await syncAllAdminAccess(strapi);
      }
    } catch (error) {
      strapi.log.error(`ID admin access sync failed: ${(error as Error).message}`);
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [STAFF_MEMBER, STAFF_GROUP, USER],
    afterCreate: (event) => sync(event as LifecycleEvent),
    afterUpdate: (event) => sync(event as LifecycleEvent),
    afterUpdateMany: () =>
      syncAllAdminAccess(strapi).catch((error: Error) => {
        strapi.log.error(`ID admin access sync failed: ${error.message}`);
      }),
    afterDelete: (event) => sync({ ...(event as LifecycleEvent), model: { uid: STAFF_MEMBER } }),
    afterDeleteMany: () =>
      syncAllAdminAccess(strapi).catch((error: Error) => {
        strapi.log.error(`ID admin access sync failed: ${error.message}`);
      }),
  });
};
