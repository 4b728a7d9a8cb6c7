import type { Core, Modules } from '@strapi/strapi';

import { DOC_PAGE } from '../content-types/uids';
import { debouncedBatches } from '../notify/debounced-batches';
import { postWebhook } from '../notify/post-webhook';
import type { DocsRebuildRequest } from './contracts';

/** Changes that alter what readers see; editing a draft does not. */
const ACTIONS = new Set(['publish', 'unpublish', 'delete']);

/** Where and how the docs site hears of changes, from the environment; null when off. */
export const docsRebuildSettings = (env: NodeJS.ProcessEnv = process.env) => {
  const token = env.DOCS_WEBHOOK_TOKEN;
  if (!token) return null;
  const debounceMs = Number(env.DOCS_REBUILD_DEBOUNCE_MS || 1500);
  return {
    url: `${(env.DOCS_URL || 'http://localhost:4323').replace(/\/$/, '')}/_docs/rebuild`,
    token,
    debounceMs,
  };
};

/**
 * Tells the docs site (`POST ${DOCS_URL}/_docs/rebuild`, bearer `DOCS_WEBHOOK_TOKEN`) which doc
 * pages were published, unpublished or deleted, so it rebuilds its public pages and forgets
 * cached private ones. Changes within `DOCS_REBUILD_DEBOUNCE_MS` (1.5 s) make one call; a failed
 * call is logged and retried once, and never undoes or delays the change. Heard in the Document
 * Service, whichever way the change came. Off without a token.
 */
export const registerDocsRebuildNotice = (strapi: Core.Strapi) => {
  const settings = docsRebuildSettings();
  if (!settings) return;
  const rebuilds = debouncedBatches<Set<string>>(settings.debounceMs, (_key, slugs) => {
    const body: DocsRebuildRequest = { reason: 'doc-page', slugs: [...slugs].sort() };
    void postWebhook(strapi, {
      what: 'Docs rebuild',
      url: settings.url,
      token: settings.token,
      body,
      retryDelayMs: settings.debounceMs,
    });
  });

  const watch: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { documentId?: string; status?: string };
    if (context.uid !== DOC_PAGE) return next();
    // `create` / `update` with `status: 'published'` publish too (the API, seeds, scripts).
    if (['create', 'update'].includes(context.action) && params.status === 'published') {
      const result = await next();
      const { slug } = (result ?? {}) as { slug?: string };
      if (slug) rebuilds.collect('docs', () => new Set()).add(slug);
      return result;
    }
    const documentId = params.documentId;
    if (!ACTIONS.has(context.action) || !documentId) return next();
    // Read before the change: a deleted page has no slug after it, and a renamed one had two.
    const versions = await strapi.db
      .query(DOC_PAGE)
      .findMany({ where: { documentId }, select: ['slug'] });
    const result = await next();
    const slugs = rebuilds.collect('docs', () => new Set());
    for (const { slug } of versions) if (slug) slugs.add(slug);
    return result;
  };
  strapi.documents.use(watch);
};
