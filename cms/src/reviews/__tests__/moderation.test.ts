import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { decide, postReview, reviewData, sample } from './support/reviews-api';

let id: IdTest;
let moderator: { id: number; token: string };
let clinic: string;

beforeAll(async () => {
  id = await startIdTest({ mail: true });
  moderator = await createModerator(id.cms);
  clinic = (await fixtures(id.cms.strapi).clinic()).documentId;
});
afterAll(async () => id?.stop());

const summaryOf = async (documentId: string) =>
  (await id.cms.request(`/api/reviews/summary?targetType=clinic&clinic=${documentId}`)).body.data;

const queueIds = async () =>
  (
    await id.cms.request('/review-moderation/queue', { token: moderator.token })
  ).body.data.items.map((item: { documentId: string }) => item.documentId);

describe('the moderation queue', () => {
  let author: Person;
  let withFiles: string;

  beforeAll(async () => {
    author = await createPerson(id, 'Пётр Первый');
  });

  it('shows pending reviews oldest first, with attachments, target, author and history', async () => {
    const first = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'clinic', clinic }, { title: 'Первый' }),
      [
        { name: 'room.png', content: sample.png() },
        { name: 'app.log', content: sample.log() },
      ]
    );
    expect(first.status).toBe(201);
    withFiles = first.body.data.documentId;
    const second = await postReview(id.cms, author.token, reviewData({ targetType: 'platform' }));
    const queue = await id.cms.request('/review-moderation/queue', { token: moderator.token });
    expect(queue.status).toBe(200);
    const items = queue.body.data.items;
    const ids = items.map((item: { documentId: string }) => item.documentId);
    expect(ids.indexOf(withFiles)).toBeLessThan(ids.indexOf(second.body.data.documentId));
    expect(items[ids.indexOf(withFiles)]).toMatchObject({
      kind: 'review',
      target: { type: 'clinic', documentId: clinic, name: expect.stringContaining('Клиника') },
      author: { email: author.email, history: { pending: 2, approved: 0 } },
    });
    expect(items[ids.indexOf(withFiles)].attachments).toHaveLength(2);
    expect(items[ids.indexOf(withFiles)].attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'room.png', mime: 'image/png', preview: 'image' }),
        expect.objectContaining({ name: 'app.log', mime: 'text/plain', preview: 'text' }),
      ])
    );
  });

  it('serves a pending review’s files to moderators and its author, not at their public URL', async () => {
    const review = (
      await id.cms.request(`/review-moderation/reviews/${withFiles}`, { token: moderator.token })
    ).body.data;
    const log = review.attachments.find((file: { name: string }) => file.name === 'app.log');
    const asModerator = await fetch(
      `${id.cms.baseUrl}/review-moderation/reviews/${withFiles}/attachments/${log.id}`,
      { headers: { authorization: `Bearer ${moderator.token}` } }
    );
    expect(asModerator.status).toBe(200);
    expect(await asModerator.text()).toBe(sample.log().toString());
    const asAuthor = await fetch(
      `${id.cms.baseUrl}/api/reviews/mine/${withFiles}/attachments/${log.id}`,
      { headers: { authorization: `Bearer ${author.token}` } }
    );
    expect(asAuthor.status).toBe(200);

    const logUrl = async () =>
      (
        await id.cms.request(`/api/reviews/mine/${withFiles}`, { token: author.token })
      ).body.data.attachments.find((file: { name: string }) => file.name === 'app.log').url;
    const pendingUrl = await logUrl();
    expect((await fetch(`${id.cms.baseUrl}${pendingUrl}`)).status).toBe(404);

    await decide(id.cms, moderator.token, 'approve', [withFiles]);
    const publicUrl = await logUrl();
    expect(publicUrl).toMatch(/^\/uploads\//);
    expect((await fetch(`${id.cms.baseUrl}${publicUrl}`)).status).toBe(200);
  });

  it('keeps the media library closed: nobody lists review files through the upload API', async () => {
    for (const token of [undefined, author.token]) {
      const listed = await id.cms.request('/api/upload/files', { token });
      expect([401, 403]).toContain(listed.status);
    }
  });

  it('rejects only with a reason, mails the author that reason, and records who and when', async () => {
    const writer = await createPerson(id, 'Семён Отказ');
    const review = await postReview(
      id.cms,
      writer.token,
      reviewData({ targetType: 'platform' }, { visibility: 'private', title: 'Про сайт' })
    );
    const documentId = review.body.data.documentId;
    const withoutReason = await decide(id.cms, moderator.token, 'reject', [documentId]);
    expect(withoutReason.body.data[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/reason/),
    });

    const rejected = await decide(id.cms, moderator.token, 'reject', [documentId], {
      reason: 'Это вопрос в поддержку, а не отзыв',
    });
    expect(rejected.body.data[0]).toMatchObject({ ok: true, status: 'rejected' });
    const mail = await id.mail.waitFor(writer.email);
    expect(mail.subject).toMatch(/не опубликован/);
    expect(mail.text).toContain('Это вопрос в поддержку, а не отзыв');

    const detail = await id.cms.request(`/review-moderation/reviews/${documentId}`, {
      token: moderator.token,
    });
    expect(detail.body.data.history.map((event: { action: string }) => event.action)).toEqual([
      'submitted',
      'rejected',
    ]);
    expect(detail.body.data.history[1]).toMatchObject({
      actorType: 'moderator',
      actorId: moderator.id,
      fromStatus: 'pending',
      toStatus: 'rejected',
    });

    const again = await decide(id.cms, moderator.token, 'approve', [documentId]);
    expect(again.body.data[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/rejected/),
    });
  });

  it('mails the author on approval', async () => {
    const someone = await createPerson(id, 'Ирина Ответ');
    const review = await postReview(id.cms, someone.token, reviewData({ targetType: 'platform' }));
    await decide(id.cms, moderator.token, 'approve', [review.body.data.documentId]);
    const mail = await id.mail.waitFor(someone.email);
    expect(mail.subject).toMatch(/опубликован/);
  });
});

describe('reports and hiding', () => {
  it('hides a reported review and takes it out of the rating at once', async () => {
    const target = (await fixtures(id.cms.strapi).clinic()).documentId;
    const author = await createPerson(id);
    const reporter = await createPerson(id, 'Глеб Жалоба');
    const review = await postReview(
      id.cms,
      author.token,
      reviewData({ targetType: 'clinic', clinic: target }, { rating: 1 })
    );
    const documentId = review.body.data.documentId;

    const early = await id.cms.request(`/api/reviews/${documentId}/reports`, {
      method: 'POST',
      token: reporter.token,
      body: { data: { reason: 'Оскорбления' } },
    });
    expect(early.status).toBe(404);

    await decide(id.cms, moderator.token, 'approve', [documentId]);
    expect(await summaryOf(target)).toMatchObject({ count: 1, average: 1 });
    const report = () =>
      id.cms.request(`/api/reviews/${documentId}/reports`, {
        method: 'POST',
        token: reporter.token,
        body: { data: { reason: 'Оскорбления' } },
      });
    expect((await report()).status).toBe(201);
    const twice = await report();
    expect(twice.status).toBe(400);
    expect(twice.body.error.details).toMatchObject({ rule: 'one-report' });

    const queue = await id.cms.request('/review-moderation/queue', { token: moderator.token });
    expect(
      queue.body.data.items.find((item: { documentId: string }) => item.documentId === documentId)
    ).toMatchObject({
      kind: 'reported',
      reports: [{ reason: 'Оскорбления' }],
    });

    await decide(id.cms, moderator.token, 'hide', [documentId], { reason: 'Оскорбления' });
    expect(await summaryOf(target)).toMatchObject({ count: 0, average: null });
    expect((await id.cms.request(`/api/reviews/${documentId}`)).status).toBe(404);
    expect(await queueIds()).not.toContain(documentId);
  });
});

describe('bulk approval', () => {
  it('approves many at once, each on its own: a failure stops no other', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const person = await createPerson(id, `Автор ${index}`);
      ids.push(
        (await postReview(id.cms, person.token, reviewData({ targetType: 'platform' }))).body.data
          .documentId
      );
    }
    const result = await decide(id.cms, moderator.token, 'approve', [
      ...ids,
      'nosuchreview000000000000',
    ]);
    expect(result.status).toBe(200);
    expect(result.body.data.map((entry: { ok: boolean }) => entry.ok)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const platform = (await id.cms.request('/api/reviews/summary?targetType=platform')).body.data;
    expect(platform.count).toBeGreaterThanOrEqual(3);
  });

  it('refuses a malformed decision with the field named', async () => {
    const response = await id.cms.request('/review-moderation/decisions', {
      method: 'POST',
      token: moderator.token,
      body: { decision: 'publish', documentIds: ['x'] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['decision']);
  });
});

describe('the Moderator role', () => {
  it('has the moderation permissions (page and Support desk) and nothing else', async () => {
    const content = await id.cms.request('/content-manager/collection-types/api::clinic.clinic', {
      token: moderator.token,
    });
    expect(content.status).toBe(403);
    const users = await id.cms.request('/admin/users', { token: moderator.token });
    expect(users.status).toBe(403);
    const role = await id.cms.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'moderator' }, populate: ['permissions'] });
    expect(
      role.permissions.map((permission: { action: string }) => permission.action).sort()
    ).toEqual(['api::reviews.moderate', 'plugin::support.tickets.moderation']);
  });

  it('keeps patients out of the moderation API', async () => {
    const patient = await createPerson(id);
    const response = await id.cms.request('/review-moderation/queue', { token: patient.token });
    expect(response.status).toBe(401);
  });
});
