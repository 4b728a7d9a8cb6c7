/**
 * The reviews Content API. Static paths come before `/reviews/:id`. Who may call which action is
 * set in code (public-content/public-permissions.ts): reading is public, the rest needs sign-in.
 */
const route = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `api::review.review.${action}`,
});

export default {
  routes: [
    route('GET', '/reviews', 'find'),
    route('GET', '/reviews/summary', 'summary'),
    route('POST', '/reviews/advice', 'advice'),
    route('GET', '/reviews/mine', 'mine'),
    route('GET', '/reviews/mine/:id', 'findMine'),
    route('GET', '/reviews/mine/:id/attachments/:fileId', 'attachment'),
    route('POST', '/reviews', 'create'),
    route('GET', '/reviews/:id', 'findOne'),
    route('PUT', '/reviews/:id', 'update'),
    route('DELETE', '/reviews/:id', 'delete'),
    route('POST', '/reviews/:id/reports', 'report'),
    route('POST', '/reviews/:id/reply', 'reply'),
  ],
};
