import { factories } from '@strapi/strapi';

// Replies are written through POST /api/reviews/:id/reply; here they are only read.
export default factories.createCoreRouter('api::review.review-reply', {
  only: ['find', 'findOne'],
});
