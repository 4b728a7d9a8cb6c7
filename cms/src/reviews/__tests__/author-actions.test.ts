import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { decide, filesOnDisk, postReview, reviewData, sample } from './support/reviews-api';

let id: IdTest;
let moderator: { token: string };
let owner: Person;
let clinic: string;
let doctor: string;

beforeAll(async () => {
  id = await startIdTest();
  moderator = await createModerator(id.cms);
  owner = await createPerson(id, 'Ольга Владелец');
  const make = fixtures(id.cms.strapi);
  clinic = (await make.clinic({ owners: [owner.documentId] })).documentId;
  doctor = (await make.doctor({ clinics: [clinic] })).documentId;
});
afterAll(async () => id?.stop());

const put = (token: string, documentId: string, data: unknown) =>
  id.cms.request(`/api/reviews/${documentId}`, { method: 'PUT', token, body: { data } });

describe('editing and deleting one’s own review', () => {
  it('edits while pending, not after a decision, and never someone else’s', async () => {
    const author = await createPerson(id);
    const other = await createPerson(id, 'Борис Орлов');
    const created = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'doctor', doctor })
    );
    const documentId = created.body.data.documentId;

    const edited = await put(author.token, documentId, { rating: 4, title: 'Исправленный отзыв' });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({
      rating: 4,
      title: 'Исправленный отзыв',
      moderationStatus: 'pending',
    });

    expect((await put(other.token, documentId, { rating: 1 })).status).toBe(404);
    const bad = await put(author.token, documentId, { rating: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['rating']);
    const retarget = await put(author.token, documentId, { clinic });
    expect(retarget.status).toBe(400);

    await decide(id.cms, moderator.token, 'approve', [documentId]);
    const late = await put(author.token, documentId, { rating: 1 });
    expect(late.status).toBe(403);
    expect(late.body.error.details.rule).toBe('pending-only');
    const stored = await id.cms.request(`/api/reviews/${documentId}`);
    expect(stored.body.data.rating).toBe(4);
  });

  it('deletes for real: the review, its files on disk, and its place in the rating', async () => {
    const author = await createPerson(id);
    const filesBefore = await filesOnDisk(id.cms.strapi);
    const created = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'clinic', clinic }, { rating: 2 }),
      [{ name: 'photo.jpg', content: sample.jpeg() }]
    );
    const documentId = created.body.data.documentId;
    expect(await filesOnDisk(id.cms.strapi)).toBe(filesBefore + 1);
    await decide(id.cms, moderator.token, 'approve', [documentId]);
    const before = (await id.cms.request(`/api/reviews/summary?targetType=clinic&clinic=${clinic}`))
      .body.data;

    const other = await createPerson(id, 'Борис Орлов');
    expect(
      (await id.cms.request(`/api/reviews/${documentId}`, { method: 'DELETE', token: other.token }))
        .status
    ).toBe(404);
    const deleted = await id.cms.request(`/api/reviews/${documentId}`, {
      method: 'DELETE',
      token: author.token,
    });
    expect(deleted.status).toBe(204);

    expect(
      (await id.cms.request(`/api/reviews/mine/${documentId}`, { token: author.token })).status
    ).toBe(404);
    expect(
      await id.cms.strapi.db.query('api::review.review').count({ where: { documentId } })
    ).toBe(0);
    expect(await filesOnDisk(id.cms.strapi)).toBe(filesBefore);
    const after = (await id.cms.request(`/api/reviews/summary?targetType=clinic&clinic=${clinic}`))
      .body.data;
    expect(after.count).toBe(before.count - 1);
  });
});

describe('deleting an account', () => {
  it('deletes the person’s reviews, their files and their place in the rating', async () => {
    const author = await createPerson(id);
    const created = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'clinic', clinic }, { rating: 1 }),
      [{ name: 'photo.png', content: sample.png() }]
    );
    const documentId = created.body.data.documentId;
    await decide(id.cms, moderator.token, 'approve', [documentId]);
    const summary = () =>
      id.cms
        .request(`/api/reviews/summary?targetType=clinic&clinic=${clinic}`)
        .then((r) => r.body.data);
    const before = await summary();
    const files = await id.cms.strapi.db.query('plugin::upload.file').count();

    await id.cms.strapi
      .documents('plugin::users-permissions.user')
      .delete({ documentId: author.documentId });

    expect(
      await id.cms.strapi.db.query('api::review.review').count({ where: { documentId } })
    ).toBe(0);
    expect(await id.cms.strapi.db.query('plugin::upload.file').count()).toBe(files - 1);
    expect((await summary()).count).toBe(before.count - 1);
  });
});

describe('a clinic’s reply', () => {
  it('lets the owner reply once to an approved review of a doctor of theirs, public once approved', async () => {
    const author = await createPerson(id);
    const review = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'doctor', doctor }, { title: 'Про доктора' })
    );
    const documentId = review.body.data.documentId;
    const reply = (token: string, text = 'Спасибо за отзыв! Будем рады видеть вас снова.') =>
      id.cms.request(`/api/reviews/${documentId}/reply`, {
        method: 'POST',
        token,
        body: { data: { text } },
      });

    expect((await reply(owner.token)).status).toBe(404);
    await decide(id.cms, moderator.token, 'approve', [documentId]);

    const stranger = await createPerson(id, 'Чужой Человек');
    const refused = await reply(stranger.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/owners and administrators/);
    expect(refused.body.error.details.rule).toBe('clinic-team-only');

    const answered = await reply(owner.token);
    expect(answered.status).toBe(201);
    expect(answered.body.data.moderationStatus).toBe('pending');
    expect((await reply(owner.token)).status).toBe(400);

    const publicBefore = await id.cms.request(`/api/reviews/${documentId}?populate=reply`);
    expect(publicBefore.body.data.reply ?? null).toBeNull();
    const queue = await id.cms.request('/review-moderation/queue', { token: moderator.token });
    expect(
      queue.body.data.items.find(
        (item: { documentId: string }) => item.documentId === answered.body.data.documentId
      )
    ).toMatchObject({
      kind: 'reply',
      review: { documentId },
    });

    await decide(id.cms, moderator.token, 'approve', [answered.body.data.documentId], {
      subjectType: 'reply',
    });
    const publicAfter = await id.cms.request(`/api/reviews/${documentId}?populate=reply`);
    expect(publicAfter.body.data.reply).toMatchObject({
      text: 'Спасибо за отзыв! Будем рады видеть вас снова.',
    });
    expect(publicAfter.body.data.reply).not.toHaveProperty('author');
  });
});

describe('the bug-report warning', () => {
  it.each([
    ['a log file', {}, [{ name: 'app.log', content: sample.log() }], ['log-attached']],
    [
      'a text about an error (ru)',
      { text: 'После записи приложение выдало ошибку и всё зависло, пришлось звонить.' },
      [],
      ['mentions-errors'],
    ],
    [
      'a text about a crash (en)',
      { text: 'The booking page crashed twice while I was choosing a time slot.' },
      [],
      ['mentions-errors'],
    ],
  ])('comes with %s, before and after sending', async (_label, overrides, files, reasons) => {
    const author = await createPerson(id);
    const data = reviewData({ targetType: 'platform' }, overrides);
    const advice = await id.cms.request('/api/reviews/advice', {
      method: 'POST',
      body: { data: { ...data, files: files.map((file) => file.name) } },
    });
    expect(advice.body.data.advice).toMatchObject({ code: 'PREFER_PRIVATE', reasons });
    expect(advice.body.data.advice.message).toMatch(/private review — only Support will see them/);
    const created = await postReview(id.cms, author.token, data, files);
    expect(created.status).toBe(201);
    expect(created.body.meta.warnings).toMatchObject([{ code: 'PREFER_PRIVATE', reasons }]);
  });

  it('is not given for an ordinary review, nor for a private one', async () => {
    const ordinary = await id.cms.request('/api/reviews/advice', {
      method: 'POST',
      body: { data: { text: 'Логопед занимался с сыном, всё зависит от регулярности занятий.' } },
    });
    expect(ordinary.body.data.advice).toBeNull();
    const privately = await id.cms.request('/api/reviews/advice', {
      method: 'POST',
      body: { data: { text: 'Ошибка при оплате', visibility: 'private', files: ['app.log'] } },
    });
    expect(privately.body.data.advice).toBeNull();
  });
});
