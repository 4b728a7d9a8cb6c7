import type { DeclaredRoute, DeclaredRoutes } from '../../../routes/declared-route';
import { contentApiRouter } from '../../../routes/declared-route';

type ReviewAction =
  | 'find'
  | 'findOne'
  | 'summary'
  | 'advice'
  | 'mine'
  | 'findMine'
  | 'attachment'
  | 'create'
  | 'update'
  | 'delete'
  | 'report'
  | 'reply';

const route = (
  method: DeclaredRoute['method'],
  path: string,
  action: ReviewAction,
  access: DeclaredRoute['access']
): DeclaredRoute<ReviewAction> => ({ method, path, action, access });

/**
 * The reviews Content API: reading is public, writing, editing, reporting and replying need a
 * signed-in person. Static paths come before `/reviews/:id`.
 */
export const reviewRoutes: DeclaredRoutes<ReviewAction> = {
  controller: 'api::review.review',
  routes: [
    route('GET', '/reviews', 'find', 'public'),
    route('GET', '/reviews/summary', 'summary', 'public'),
    route('POST', '/reviews/advice', 'advice', 'public'),
    route('GET', '/reviews/mine', 'mine', 'signed-in'),
    route('GET', '/reviews/mine/:id', 'findMine', 'signed-in'),
    route('GET', '/reviews/mine/:id/attachments/:fileId', 'attachment', 'signed-in'),
    route('POST', '/reviews', 'create', 'signed-in'),
    route('GET', '/reviews/:id', 'findOne', 'public'),
    route('PUT', '/reviews/:id', 'update', 'signed-in'),
    route('DELETE', '/reviews/:id', 'delete', 'signed-in'),
    route('POST', '/reviews/:id/reports', 'report', 'signed-in'),
    route('POST', '/reviews/:id/reply', 'reply', 'signed-in'),
  ],
};

export default contentApiRouter(reviewRoutes);
