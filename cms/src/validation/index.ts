import type { Core, Modules } from '@strapi/strapi';

import { CLINIC, DOC_PAGE, PAGE, SERVICE } from '../content-types/uids';
import { clinicRules } from './clinic-rules';
import { docPageRules } from './doc-page-rules';
import { checkDraftIntegrity } from './draft-integrity';
import { pageRules } from './page-rules';
import { serviceRules } from './service-rules';
import { WRITE_ACTIONS, type ContentRule } from './write-context';

const RULES: Partial<Record<string, ContentRule>> = {
  [CLINIC]: clinicRules,
  [PAGE]: pageRules,
  [SERVICE]: serviceRules,
  [DOC_PAGE]: docPageRules,
};

/**
 * Checks every write of our content, whichever way it arrives (admin panel, API, seed), before
 * it reaches the database, so a refused write leaves nothing behind: first the rules of its
 * type, then the schema's own formats, ranges and uniqueness, drafts included.
 */
export const registerContentRules = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!context.uid.startsWith('api::') || !WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data ?? {};
    params.data = data;
    const selfDocumentId = context.action === 'update' ? params.documentId : undefined;
    await RULES[context.uid]?.({
      strapi,
      data,
      sourceDocumentId: params.documentId,
      selfDocumentId,
    });
    await checkDraftIntegrity(strapi, context.contentType, data, selfDocumentId);
    return next();
  };
  strapi.documents.use(middleware);
};
