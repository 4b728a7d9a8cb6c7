import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { createDeskUser, type DeskUser } from '@vixenhealth/tooling/testing/desk-people';

/**
 * The desk's work over the real admin API: problems that resolve their incidents and hear of a
 * reopened one, merging duplicates, moderation from a ticket, automatic assignment and return.
 */

let id: IdTest;
let lead: DeskUser;
let people: Person[];

beforeAll(async () => {
  id = await startIdTest();
  lead = await createDeskUser(id.cms, 'support-lead');
  people = [
    await createPerson(id),
    await createPerson(id, 'Олег Смирнов'),
    await createPerson(id, 'Нина Орлова'),
  ];
});
afterAll(() => id?.stop());

const fileRequest = async (person: Person, subject: string) => {
  const created = await id.cms.request('/api/support/tickets', {
    method: 'POST',
    token: person.token,
    body: { subject, body: 'Не открывается страница записи' },
  });
  expect(created.status).toBe(201);
  return created.body.number as string;
};

const desk = (path: string, method = 'GET', body?: unknown) =>
  id.cms.request(`/support${path}`, { method, token: lead.token, body });

const threadOf = async (person: Person, number: string) =>
  (await id.cms.request(`/api/support/tickets/${number}`, { token: person.token })).body.data;

describe('problems', () => {
  it('resolves every linked incident, tells each requester, and is flagged when one reopens', async () => {
    const numbers = [];
    for (const person of people) numbers.push(await fileRequest(person, 'Запись не работает'));
    const created = await desk('/problems', 'POST', { title: 'Сбой записи', incident: numbers[0] });
    expect(created.status).toBe(201);
    const problemId = created.body.id;
    for (const number of numbers.slice(1)) {
      const linked = await desk(`/tickets/${number}`, 'PATCH', { problemId });
      expect(linked.body.problem.id).toBe(problemId);
    }
    const unrelated = await fileRequest(people[0], 'Другой вопрос');

    const resolved = await desk(`/problems/${problemId}/resolve`, 'POST', {
      resolution: 'Исправили ошибку записи, попробуйте снова.',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.incidents.map((incident: { status: string }) => incident.status)).toEqual([
      'resolved',
      'resolved',
      'resolved',
    ]);
    for (const [index, person] of people.entries()) {
      const thread = await threadOf(person, numbers[index]);
      expect(thread.status).toBe('resolved');
      expect(thread.messages.at(-1)).toMatchObject({
        author: 'support',
        text: 'Исправили ошибку записи, попробуйте снова.',
      });
    }
    expect((await threadOf(people[0], unrelated)).status).toBe('new');

    // The requester answers: "still broken" — the incident reopens and the problem is flagged.
    await id.cms.request(`/api/support/tickets/${numbers[1]}/messages`, {
      method: 'POST',
      token: people[1].token,
      body: { body: 'Всё ещё не работает' },
    });
    expect((await threadOf(people[1], numbers[1])).status).toBe('open');
    const problem = await desk(`/problems/${problemId}`);
    expect(problem.body.flagged).toBe(true);
    expect(problem.body.status).toBe('resolved');

    const reopened = await desk(`/problems/${problemId}/reopen`, 'POST');
    expect(reopened.body).toMatchObject({ status: 'open', flagged: false });
  });
});

describe('merging duplicates', () => {
  it('joins the threads, closes the duplicate and tells its requester', async () => {
    const original = await fileRequest(people[0], 'Не приходит SMS');
    const duplicate = await fileRequest(people[0], 'SMS не приходит второй день');
    const merged = await desk(`/tickets/${duplicate}/merge`, 'POST', { into: original });
    expect(merged.status).toBe(200);
    expect(merged.body.number).toBe(original);
    expect(merged.body.messages).toHaveLength(2);

    const thread = await threadOf(people[0], duplicate);
    expect(thread.status).toBe('closed');
    expect(thread.messages.at(-1).text).toContain(original);

    // A later answer to the duplicate lands in the ticket it was merged into.
    await id.cms.request(`/api/support/tickets/${duplicate}/messages`, {
      method: 'POST',
      token: people[0].token,
      body: { body: 'Код так и не пришёл' },
    });
    const target = await desk(`/tickets/${original}`);
    expect(target.body.messages.at(-1).text).toBe('Код так и не пришёл');

    expect((await desk(`/tickets/${original}/merge`, 'POST', { into: original })).status).toBe(400);
  });
});

describe('automatic assignment', () => {
  it('shares new tickets among available agents, and takes back what an agent left unanswered', async () => {
    const [first, second] = [
      await createDeskUser(id.cms, 'support-agent', { groups: ['billing'], available: true }),
      await createDeskUser(id.cms, 'support-agent', { groups: ['billing'], available: true }),
    ];
    await createDeskUser(id.cms, 'support-agent', { groups: ['billing'], available: false });
    const assignees: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const opened = await id.cms.strapi
        .plugin('support')
        .service('intake')
        .receive({
          channel: 'esb',
          externalId: `assign-test-${index}`,
          from: { email: `payer${index}@example.org` },
          subject: `Счёт ${index}`,
          text: 'Вопрос по счёту',
          receivedAt: new Date(),
          attachments: [],
          groupSlug: 'billing',
        });
      assignees.push((await desk(`/tickets/${opened.ticketNumber}`)).body.assignee.id);
    }
    expect(assignees.filter((assignee) => assignee === first.id)).toHaveLength(2);
    expect(assignees.filter((assignee) => assignee === second.id)).toHaveLength(2);

    const later = new Date(Date.now() + 2 * 60 * 60_000);
    expect(
      await id.cms.strapi.plugin('support').service('work').returnUnansweredTickets(later)
    ).toBeGreaterThanOrEqual(4);
    const list = await desk('/tickets?channel=esb&q=счёт');
    for (const ticket of list.body.tickets) {
      // Each went back and on to the other available agent.
      expect([first.id, second.id]).toContain(ticket.assignee.id);
    }
    const returned = await desk(`/tickets/${list.body.tickets[0].number}`);
    expect(returned.body.audit.map((entry: { action: string }) => entry.action)).toContain(
      'returned-to-group'
    );
  });
});
