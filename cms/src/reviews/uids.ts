export const REVIEW = 'api::review.review';
export const REPLY = 'api::review.review-reply';
export const REPORT = 'api::review.review-report';
export const MODERATION_EVENT = 'api::review.moderation-event';
export const RATING_SUMMARY = 'api::review.rating-summary';
export const USER = 'plugin::users-permissions.user';
