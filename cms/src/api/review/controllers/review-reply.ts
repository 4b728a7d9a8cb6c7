import { createPublicReadController } from '../../../public-content/public-read-controller';

/** Approved replies only: readable so that `populate=reply` works on public reviews. */
export default createPublicReadController('api::review.review-reply');
