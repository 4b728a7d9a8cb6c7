import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson } from '@vixenhealth/tooling/testing/people';

import { createDeskUser } from '@vixenhealth/tooling/testing/desk-people';

/**
 * Moderation in Support: a submitted review is a ticket of the Moderation group; deciding from
 * the ticket goes through the reviews' own rules; a decision on the Moderation page resolves
 * the ticket too.
 */

let id: IdTest;
let moderator: { id: number; token: string };
let clinic: string;

beforeAll(async () => {
  id = await startIdTest();
  moderator = await createModerator(id.cms);
  clinic = (
    await id.cms.strapi.db
      .query('api::clinic.clinic')
      .findOne({ where: { publishedAt: { $notNull: true } } })
  ).documentId;
});
afterAll(() => id?.stop());

/** Each review by a new author: one person reviews a clinic once a month. */
const submitReview = async (title: string) => {
  const author = await createPerson(id);
  const response = await id.cms.request('/api/reviews', {
    method: 'POST',
    token: author.token,
    body: {
      data: {
        targetType: 'clinic',
        clinic,
        rating: 4,
        title,
        text: 'Врач внимательно выслушал и подробно объяснил, что делать дальше.',
      },
    },
  });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

const moderationTicketOf = async (documentId: string) => {
  const list = await id.cms.request(`/support/tickets?channel=review&status=new,open,resolved`, {
    token: moderator.token,
  });
  const tickets = [];
  for (const item of list.body.tickets) {
    const detail = await id.cms.request(`/support/tickets/${item.number}`, {
      token: moderator.token,
    });
    if (detail.body.moderation?.documentId === documentId) tickets.push(detail.body);
  }
  expect(tickets).toHaveLength(1);
  return tickets[0];
};

describe('moderation in the Support desk', () => {
  it('opens a Moderation ticket per submitted review and approves it from there', async () => {
    const documentId = await submitReview('Хорошая клиника');
    const ticket = await moderationTicketOf(documentId);
    expect(ticket.group.slug).toBe('moderation');
    expect(ticket.moderation).toMatchObject({
      kind: 'review',
      status: 'pending',
      title: 'Хорошая клиника',
    });

    const decided = await id.cms.request(`/support/tickets/${ticket.number}/moderation`, {
      method: 'POST',
      token: moderator.token,
      body: { decision: 'approve' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('resolved');
    expect(decided.body.moderation.status).toBe('approved');
    expect(
      decided.body.audit.find((entry: { action: string }) => entry.action === 'moderated').after
    ).toMatchObject({
      decision: 'approve',
      status: 'approved',
    });
    const review = await id.cms.strapi.db
      .query('api::review.review')
      .findOne({ where: { documentId } });
    expect(review.moderationStatus).toBe('approved');

    // The reviews' own rules hold: an approved review cannot be rejected.
    const again = await id.cms.request(`/support/tickets/${ticket.number}/moderation`, {
      method: 'POST',
      token: moderator.token,
      body: { decision: 'reject', reason: 'Поздно' },
    });
    expect(again.status).toBe(400);
  });

  it('resolves the ticket when the review is decided on the Moderation page', async () => {
    const documentId = await submitReview('Отзыв для страницы модерации');
    const response = await id.cms.request('/review-moderation/decisions', {
      method: 'POST',
      token: moderator.token,
      body: {
        subjectType: 'review',
        decision: 'reject',
        reason: 'Нет подробностей',
        documentIds: [documentId],
      },
    });
    expect(response.status).toBe(200);
    expect((await moderationTicketOf(documentId)).status).toBe('resolved');
  });

  it('refuses a decision from an agent without the moderation right', async () => {
    const documentId = await submitReview('Отзыв без прав');
    const ticket = await moderationTicketOf(documentId);
    const agent = await createDeskUser(id.cms, 'support-agent', { groups: ['moderation'] });
    const refused = await id.cms.request(`/support/tickets/${ticket.number}/moderation`, {
      method: 'POST',
      token: agent.token,
      body: { decision: 'approve' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.rule).toBe('moderation-only');
  });
});
