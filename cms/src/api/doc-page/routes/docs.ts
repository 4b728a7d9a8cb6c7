import {
  contentApiRouter,
  type DeclaredRoute,
  type DeclaredRoutes,
} from '../../../routes/declared-route';
import {
  docPageResponse,
  docPagesResponse,
  docSearchResponse,
} from '../../../docs/response-schemas';
import type docsController from '../controllers/docs';

type DocsAction = keyof ReturnType<typeof docsController>;

/**
 * Open to everyone: the controller verifies an ID access token itself when one is sent and
 * answers with what its bearer may read (Strapi's own check would refuse roles without the
 * action, and say nothing of who the reader is).
 */
const route = (
  path: string,
  action: DocsAction,
  response: DeclaredRoute['response']
): DeclaredRoute<DocsAction> => ({
  method: 'GET',
  path: `/docs${path}`,
  action,
  access: 'public',
  config: { auth: false },
  response,
});

/** The docs site's reads; a page's slug may hold `/`, so its route takes the rest of the path. */
export const docsRoutes: DeclaredRoutes<DocsAction> = {
  controller: 'api::doc-page.docs',
  routes: [
    route('/pages', 'list', docPagesResponse),
    route('/search', 'search', docSearchResponse),
    route('/pages/:slug(.*)', 'findOne', docPageResponse),
  ],
};

export default contentApiRouter(docsRoutes);
