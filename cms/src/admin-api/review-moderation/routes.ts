import type { DeclaredAdminRoute } from '../../admin-access/admin-routes';
import { MODERATE_REVIEWS } from '../permissions';
import type { ReviewModerationAction } from './controller';

const route = (
  method: DeclaredAdminRoute['method'],
  path: string,
  action: ReviewModerationAction
): DeclaredAdminRoute<ReviewModerationAction> => ({
  method,
  path: `/review-moderation${path}`,
  action,
  permission: MODERATE_REVIEWS,
});

/** The moderation queue's admin API, for admin-panel users holding the moderate permission. */
export const reviewModerationRoutes = [
  route('GET', '/queue', 'queue'),
  route('POST', '/decisions', 'decide'),
  route('GET', '/reviews/:id', 'findReview'),
  route('GET', '/reviews/:id/attachments/:fileId', 'attachment'),
];
