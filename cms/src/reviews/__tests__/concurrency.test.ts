import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator } from '@vixenhealth/tooling/testing/people';

import { submitReview } from '../author-reviews';
import { decide, reviewData } from './support/reviews-api';

const REVIEWS = 50;

let id: IdTest;
beforeAll(async () => {
  id = await startIdTest();
});
afterAll(async () => id?.stop());

it(`keeps a clinic's average and count exact under ${REVIEWS} parallel approvals`, async () => {
  const { strapi } = id.cms;
  const clinic = (await fixtures(strapi).clinic()).documentId;
  const moderator = await createModerator(id.cms);
  const ratings = Array.from({ length: REVIEWS }, (_, index) => (index % 5) + 1);
  const documentIds: string[] = [];
  for (const rating of ratings) {
    const email = `writer-${randomBytes(4).toString('hex')}@test.vixenhealth.local`;
    const account = await strapi
      .plugin('sso')
      .service('accounts')
      .register(email, `Writer-password-${randomBytes(4).toString('hex')}`);
    const { review } = await submitReview(
      strapi,
      { id: account.id, fullName: 'Автор Отзыва' },
      reviewData({ targetType: 'clinic', clinic }, { rating }),
      []
    );
    documentIds.push(review.documentId as string);
  }

  const results = await Promise.all(
    documentIds.map((documentId) => decide(id.cms, moderator.token, 'approve', [documentId]))
  );
  expect(results.every((result) => result.status === 200 && result.body.data[0].ok)).toBe(true);

  const expectedAverage = Math.round((ratings.reduce((sum, r) => sum + r, 0) / REVIEWS) * 10) / 10;
  const summary = await id.cms.request(`/api/reviews/summary?targetType=clinic&clinic=${clinic}`);
  expect(summary.body.data).toEqual({
    targetKey: `clinic:${clinic}`,
    count: REVIEWS,
    average: expectedAverage,
    distribution: { '1': 10, '2': 10, '3': 10, '4': 10, '5': 10 },
  });
  const stored = await strapi.db
    .query('api::clinic.clinic')
    .findMany({ where: { documentId: clinic }, select: ['ratingAverage', 'ratingCount'] });
  for (const row of stored) {
    expect(row).toEqual({ ratingAverage: expectedAverage, ratingCount: REVIEWS });
  }

  // Approving again changes nothing: each review counts once.
  const again = await Promise.all(
    documentIds
      .slice(0, 10)
      .map((documentId) => decide(id.cms, moderator.token, 'approve', [documentId]))
  );
  expect(again.every((result) => result.body.data[0].ok === false)).toBe(true);
  const after = await id.cms.request(`/api/reviews/summary?targetType=clinic&clinic=${clinic}`);
  expect(after.body.data.count).toBe(REVIEWS);
}, 120_000);
