import type { Core, Modules } from '@strapi/strapi';

import { CLINIC } from '../content-types/uids';

/**
 * Deleting a clinic deletes its visit metrics too (raw events, figures, settings, public link):
 * once the clinic is gone, nobody may read them, so nobody should keep them.
 */
export const registerClinicMetricsDeletion = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== CLINIC || context.action !== 'delete') return next();
    const result = await next();
    const { documentId } = context.params as { documentId?: string };
    // A delete of one locale leaves the clinic in others; the metrics go with the last one.
    if (documentId && !(await strapi.db.query(CLINIC).findOne({ where: { documentId } }))) {
      await (
        strapi.plugin('metrics').service('rollup') as unknown as {
          forgetSite(site: string): Promise<void>;
        }
      ).forgetSite(documentId);
    }
    return result;
  };
  strapi.documents.use(middleware);
};
