import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { decide, postReview, reviewData } from './support/reviews-api';

type State = 'pending' | 'approved' | 'rejected' | 'hidden' | 'private';
type Viewer = 'anonymous' | 'author' | 'another patient' | "the clinic's owner" | 'a moderator';

const STATES: State[] = ['pending', 'approved', 'rejected', 'hidden', 'private'];
const VIEWERS: Viewer[] = [
  'anonymous',
  'author',
  'another patient',
  "the clinic's owner",
  'a moderator',
];

let id: IdTest;
let people: Record<'author' | 'other' | 'owner', Person>;
let moderator: { token: string };
/** One review in each state, each about its own target (the clinic or one of its doctors). */
const reviews = {} as Record<State, { documentId: string; target: string; query: string }>;

/** The Content API token of a viewer; a moderator works in the admin panel, not with one. */
const tokenOf = (viewer: Viewer) =>
  ({
    anonymous: undefined,
    author: people.author.token,
    'another patient': people.other.token,
    "the clinic's owner": people.owner.token,
    'a moderator': undefined,
  })[viewer];

beforeAll(async () => {
  id = await startIdTest();
  const { cms } = id;
  people = {
    author: await createPerson(id, 'Анна Кузнецова'),
    other: await createPerson(id, 'Борис Орлов'),
    owner: await createPerson(id, 'Ольга Владелец'),
  };
  moderator = await createModerator(cms);
  const make = fixtures(cms.strapi);
  const clinic = await make.clinic({ owners: [people.owner.documentId] });
  const targets: Record<State, { targetType: string; clinic?: string; doctor?: string }> = {
    approved: { targetType: 'clinic', clinic: clinic.documentId },
    pending: { targetType: 'doctor', doctor: '' },
    rejected: { targetType: 'doctor', doctor: '' },
    hidden: { targetType: 'doctor', doctor: '' },
    private: { targetType: 'doctor', doctor: '' },
  };
  for (const state of ['pending', 'rejected', 'hidden', 'private'] as const) {
    targets[state].doctor = (await make.doctor({ clinics: [clinic.documentId] })).documentId;
  }
  const ratings: Record<State, number> = {
    pending: 1,
    approved: 5,
    rejected: 2,
    hidden: 3,
    private: 4,
  };

  for (const state of STATES) {
    const created = await postReview(
      cms,
      people.author.token,
      reviewData(targets[state], {
        rating: ratings[state],
        title: `Отзыв: ${state}`,
        visibility: state === 'private' ? 'private' : 'public',
      })
    );
    expect(created.status).toBe(201);
    const target = targets[state];
    const targetId = (target.clinic ?? target.doctor)!;
    reviews[state] = {
      documentId: created.body.data.documentId,
      target: targetId,
      query: `targetType=${target.targetType}&${target.targetType}=${targetId}`,
    };
  }
  const approve = (state: State) =>
    decide(cms, moderator.token, 'approve', [reviews[state].documentId]);
  await approve('approved');
  await approve('hidden');
  await approve('private');
  await decide(cms, moderator.token, 'hide', [reviews.hidden.documentId], {
    reason: 'Оскорбления',
  });
  await decide(cms, moderator.token, 'reject', [reviews.rejected.documentId], {
    reason: 'Нет сведений о приёме',
  });
}, 120_000);

afterAll(async () => id?.stop());

describe.each(VIEWERS)('%s', (viewer) => {
  it.each(STATES)('sees a %s review only where they may', async (state) => {
    const { cms } = id;
    const review = reviews[state];
    const token = tokenOf(viewer);
    const isPublic = state === 'approved';

    // The public API: the list (with every filter a client could try), the entry, the summary.
    const listed = await cms.request(`/api/reviews?pagination[pageSize]=100`, { token });
    expect(listed.status).toBe(200);
    const listedIds = listed.body.data.map((entry: { documentId: string }) => entry.documentId);
    expect(listedIds.includes(review.documentId)).toBe(isPublic);
    const asked = await cms.request(
      `/api/reviews?filters[moderationStatus][$in][0]=pending&filters[moderationStatus][$in][1]=rejected&filters[moderationStatus][$in][2]=hidden&filters[visibility][$eq]=private&status=draft`,
      { token }
    );
    expect(asked.body.data ?? []).toEqual([]);
    const one = await cms.request(`/api/reviews/${review.documentId}`, { token });
    expect(one.status).toBe(isPublic ? 200 : 404);
    if (isPublic) {
      expect(one.body.data).not.toHaveProperty('author');
      expect(one.body.data).not.toHaveProperty('rejectionReason');
      expect(one.body.data.authorName).toBe('Анна К.');
    }
    const summary = await cms.request(`/api/reviews/summary?${review.query}`, { token });
    expect(summary.status).toBe(200);
    expect(summary.body.data).toMatchObject(
      isPublic
        ? { count: 1, average: 5, distribution: { '5': 1 } }
        : { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } }
    );

    // The signed-in API: a person's own reviews, in every status, and nobody else's.
    const own = await cms.request(`/api/reviews/mine/${review.documentId}`, { token });
    const mine = await cms.request('/api/reviews/mine', { token });
    if (viewer === 'author') {
      expect(own.status).toBe(200);
      expect(own.body.data.moderationStatus).toBe(state === 'private' ? 'approved' : state);
      expect(own.body.data.rejectionReason).toBe(
        state === 'rejected' ? 'Нет сведений о приёме' : null
      );
      expect(mine.body.data.map((entry: { documentId: string }) => entry.documentId)).toContain(
        review.documentId
      );
    } else if (token) {
      expect(own.status).toBe(404);
      expect(mine.status).toBe(200);
      expect(mine.body.data).toEqual([]);
    } else {
      expect(own.status).toBe(401);
      expect(mine.status).toBe(401);
    }

    // The admin panel's moderation API: moderators see every review; nobody else gets in.
    const adminToken = viewer === 'a moderator' ? moderator.token : token;
    const inAdmin = await cms.request(`/review-moderation/reviews/${review.documentId}`, {
      token: adminToken,
    });
    const queue = await cms.request('/review-moderation/queue', { token: adminToken });
    if (viewer === 'a moderator') {
      expect(inAdmin.status).toBe(200);
      expect(inAdmin.body.data.author.email).toBe(people.author.email);
      const queued = queue.body.data.items.map((item: { documentId: string }) => item.documentId);
      expect(queued.includes(review.documentId)).toBe(state === 'pending');
    } else {
      expect(inAdmin.status).toBe(401);
      expect(queue.status).toBe(401);
    }
  });
});

describe('what a target shows', () => {
  it("counts only the approved public review in the clinic's and doctors' own ratings", async () => {
    const { strapi } = id.cms;
    const clinic = await strapi.db
      .query('api::clinic.clinic')
      .findOne({ where: { documentId: reviews.approved.target, publishedAt: { $notNull: true } } });
    expect(clinic).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
    for (const state of ['pending', 'rejected', 'hidden', 'private'] as const) {
      const doctor = await strapi.db
        .query('api::doctor.doctor')
        .findOne({ where: { documentId: reviews[state].target, publishedAt: { $notNull: true } } });
      expect(doctor.ratingCount).toBe(0);
    }
  });
});
