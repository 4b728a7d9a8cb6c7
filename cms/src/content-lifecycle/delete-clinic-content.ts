import type { Core, Modules } from '@strapi/strapi';

import { CLINIC, PAGE, SERVICE } from '../content-types/uids';

/** What belongs to one clinic alone and means nothing without it. Doctors may work elsewhere. */
const OWNED_BY_CLINIC = [PAGE, SERVICE] as const;

/**
 * Deleting a clinic deletes its pages and services too, drafts and published versions alike,
 * instead of leaving them behind without a clinic.
 */
export const registerClinicContentDeletion = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== CLINIC || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId?: string };
    if (documentId) {
      for (const uid of OWNED_BY_CLINIC) {
        const owned = await strapi.db.query(uid).findMany({
          where: { clinic: { documentId } },
          select: ['documentId'],
        });
        const documentIds = new Set(owned.map((entry: { documentId: string }) => entry.documentId));
        for (const ownedId of documentIds) {
          await strapi.documents(uid).delete({ documentId: ownedId });
        }
      }
    }
    return next();
  };
  strapi.documents.use(middleware);
};
