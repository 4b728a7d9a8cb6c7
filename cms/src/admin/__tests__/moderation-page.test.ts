import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson } from '@vixenhealth/tooling/testing/people';

import { postReview, reviewData, sample } from '../../reviews/__tests__/support/reviews-api';

let id: IdTest;
let browser: Browser;
let page: Page;
let moderator: Awaited<ReturnType<typeof createModerator>>;
const reviews: Record<'photos' | 'spam', string> = { photos: '', spam: '' };

const statusOf = async (documentId: string) =>
  await id.cms.strapi.db
    .query('api::review.review')
    .findOne({ where: { documentId }, select: ['moderationStatus', 'rejectionReason'] });

beforeAll(async () => {
  // No demo data: the queue holds exactly this test's reviews.
  id = await startIdTest({ adminPanel: true, env: { DEMO_DATA: 'false' } });
  moderator = await createModerator(id.cms);
  const clinic = (await fixtures(id.cms.strapi).clinic()).documentId;
  const author = await createPerson(id, 'Пётр Первый');
  const photos = await postReview(
    id.cms,
    author.token,
    reviewData({ targetType: 'clinic', clinic }, { title: 'Отзыв с фото и логом' }),
    [
      { name: 'room.png', content: sample.png() },
      { name: 'app.log', content: sample.log('12:00 ERROR payment declined\n') },
    ]
  );
  reviews.photos = photos.body.data.documentId;
  const spam = await postReview(
    id.cms,
    author.token,
    reviewData({ targetType: 'platform' }, { title: 'Купите наши таблетки' })
  );
  reviews.spam = spam.body.data.documentId;

  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(moderator.email);
  await page.getByLabel('Password').fill(moderator.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await id?.stop();
});

describe('the moderation page', () => {
  it('is in the menu of a moderator and shows the oldest review with its files', async () => {
    await page.getByRole('link', { name: 'Moderation' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Moderation queue' }).isVisible())
      .toBe(true);
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    await expect.poll(() => options.first().getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => page.getByRole('heading', { name: /Отзыв с фото и логом/ }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByAltText('Attachment room.png').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('12:00 ERROR payment declined').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Author: Пётр Первый/).isVisible()).toBe(true);
  });

  it('approves with A, then rejects the next with a reason and Ctrl+Enter', async () => {
    await page.keyboard.press('a');
    await expect
      .poll(async () => (await statusOf(reviews.photos)).moderationStatus)
      .toBe('approved');
    await expect.poll(() => page.getByRole('option').count()).toBe(1);

    await page.keyboard.press('r');
    await page.keyboard.type('Реклама, а не отзыв');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => statusOf(reviews.spam))
      .toEqual({
        moderationStatus: 'rejected',
        rejectionReason: 'Реклама, а не отзыв',
      });
    await expect.poll(() => page.getByText('Nothing to moderate.').isVisible()).toBe(true);
  });
});
