import {
  contentApiRouter,
  type DeclaredRoute,
  type DeclaredRoutes,
} from '../../../routes/declared-route';
import type docsController from '../controllers/docs';

type DocsAction = keyof ReturnType<typeof docsController>;

/**
 * Open to everyone: the controller verifies an ID access token itself when one is sent and
 * answers with what its bearer may read (Strapi's own check would refuse roles without the
 * action, and say nothing of who the reader is).
 */
const route = (path: string, action: DocsAction): DeclaredRoute<DocsAction> => ({
  method: 'GET',
  path: `/docs${path}`,
  action,
  access: 'public',
  config: { auth: false },
});

/** The docs site's reads; a page's slug may hold `/`, so its route takes the rest of the path. */
export const docsRoutes: DeclaredRoutes<DocsAction> = {
  controller: 'api::doc-page.docs',
  routes: [
    route('/pages', 'list'),
    route('/search', 'search'),
    route('/pages/:slug(.*)', 'findOne'),
  ],
};

export default contentApiRouter(docsRoutes);
