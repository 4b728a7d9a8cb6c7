import type { Core, Modules } from '@strapi/strapi';

import { clinicRules } from './clinic-rules';
import { pageRules } from './page-rules';
import { serviceRules } from './service-rules';
import { WRITE_ACTIONS, type ContentRule } from './write-context';

const RULES: Partial<Record<string, ContentRule>> = {
  'api::clinic.clinic': clinicRules,
  'api::page.page': pageRules,
  'api::service.service': serviceRules,
};

/**
 * Checks every write of our content, whichever way it arrives (admin panel, API, seed), before
 * it reaches the database, so a refused write leaves nothing behind.
 */
export const registerContentRules = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const rule = RULES[context.uid];
    if (!rule || !WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data ?? {};
    params.data = data;
    await rule({
      strapi,
      data,
      sourceDocumentId: params.documentId,
      selfDocumentId: context.action === 'update' ? params.documentId : undefined,
    });
    return next();
  };
  strapi.documents.use(middleware);
};
