import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  createDeskUser,
  openTestTicket,
  type DeskUser,
} from '@vixenhealth/tooling/testing/desk-people';

/**
 * Who may work which tickets, enforced by the admin API itself: every role against a ticket of
 * the agent's own group, of another group, and of the Moderation group — read, list and change.
 */

let cms: TestCms;
const people: Record<string, DeskUser> = {};
const tickets: Record<string, string> = {};

beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
  people.agent = await createDeskUser(cms, 'support-agent', { groups: ['technical'] });
  people.moderator = await createDeskUser(cms, 'moderator');
  people.lead = await createDeskUser(cms, 'support-lead');
  people.administrator = { id: 1, token: await cms.adminToken() };
  people.editor = await createDeskUser(cms, 'strapi-editor');
  tickets.own = (await openTestTicket(cms, 'technical', 'Своя группа')).ticketNumber;
  tickets.other = (await openTestTicket(cms, 'billing', 'Чужая группа')).ticketNumber;
  const review = await cms.strapi.db.query('api::review.review').findOne({});
  const opened = await cms.strapi.plugin('support').service('moderation').open({
    kind: 'report',
    documentId: review.documentId,
    subject: 'Жалоба на отзыв',
    text: review.text,
  });
  tickets.moderation = opened.number;
});
afterAll(() => cms?.stop());

const EXPECTED: Record<string, Record<string, boolean>> = {
  agent: { own: true, other: false, moderation: false },
  moderator: { own: false, other: false, moderation: true },
  lead: { own: true, other: true, moderation: true },
  administrator: { own: true, other: true, moderation: true },
  editor: { own: false, other: false, moderation: false },
};

const cells = Object.entries(EXPECTED).flatMap(([role, row]) =>
  Object.entries(row).map(([ticket, allowed]) => ({ role, ticket, allowed }))
);

describe('the rights matrix of the admin API', () => {
  it.each(cells)('$role × $ticket ticket: allowed=$allowed', async ({ role, ticket, allowed }) => {
    const { token } = people[role];
    const number = tickets[ticket];
    const read = await cms.request(`/support/tickets/${number}`, { token });
    const change = await cms.request(`/support/tickets/${number}`, {
      method: 'PATCH',
      token,
      body: { priority: 'high' },
    });
    const list = await cms.request(`/support/tickets?q=${number}`, { token });
    if (allowed) {
      expect(read.status).toBe(200);
      expect(read.body.number).toBe(number);
      expect(change.status).toBe(200);
      expect(list.body.tickets.map((item: { number: string }) => item.number)).toEqual([number]);
    } else {
      // Users without any desk right are refused outright; agents do not learn the ticket exists.
      const refused = role === 'editor' ? 403 : 404;
      expect(read.status).toBe(refused);
      expect(change.status).toBe(refused);
      if (role !== 'editor') expect(list.body.tickets).toEqual([]);
    }
  });

  it('lets only a lead assign a ticket to someone else', async () => {
    const byAgent = await cms.request(`/support/tickets/${tickets.own}`, {
      method: 'PATCH',
      token: people.agent.token,
      body: { assigneeId: people.lead.id },
    });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.details.rule).toBe('lead-only');

    const self = await cms.request(`/support/tickets/${tickets.own}/assign-to-me`, {
      method: 'POST',
      token: people.agent.token,
    });
    expect(self.body.assignee.id).toBe(people.agent.id);

    const byLead = await cms.request(`/support/tickets/${tickets.own}`, {
      method: 'PATCH',
      token: people.lead.token,
      body: { assigneeId: people.lead.id },
    });
    expect(byLead.status).toBe(200);
    expect(byLead.body.assignee.id).toBe(people.lead.id);
    expect(byLead.body.audit.map((entry: { action: string }) => entry.action)).toContain('changed');
  });

  it('shows the figures to leads only', async () => {
    expect((await cms.request('/support/stats', { token: people.agent.token })).status).toBe(403);
    expect((await cms.request('/support/stats', { token: people.lead.token })).status).toBe(200);
  });

  it('records every change with who, when, before and after', async () => {
    const { body } = await cms.request(`/support/tickets/${tickets.other}`, {
      token: people.lead.token,
    });
    const change = body.audit.find((entry: { action: string }) => entry.action === 'changed');
    expect(change.actor.kind).toBe('agent');
    expect(change.before).toEqual({ priority: 'normal' });
    expect(change.after).toEqual({ priority: 'high' });
    expect(new Date(change.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps saved filters and boards personal unless shared with a group the agent works in', async () => {
    const groups = (await cms.request('/support/meta', { token: people.agent.token })).body.groups;
    const technical = groups.find((group: { slug: string }) => group.slug === 'technical').id;
    const billing = (
      await cms.strapi.db.query('plugin::support.group').findOne({ where: { slug: 'billing' } })
    ).id;

    const personal = await cms.request('/support/filters', {
      method: 'POST',
      token: people.agent.token,
      body: { name: 'Мои срочные', filter: { assignee: 'me', sla: 'near' }, sort: 'sla' },
    });
    expect(personal.status).toBe(201);
    const shared = await cms.request('/support/filters', {
      method: 'POST',
      token: people.agent.token,
      body: {
        name: 'Новые технические',
        filter: { status: ['new'] },
        sharedWithGroupId: technical,
      },
    });
    const foreign = await cms.request('/support/filters', {
      method: 'POST',
      token: people.agent.token,
      body: { name: 'Чужая группа', filter: {}, sharedWithGroupId: billing },
    });
    expect(foreign.status).toBe(403);
    const badFilter = await cms.request('/support/filters', {
      method: 'POST',
      token: people.agent.token,
      body: { name: 'Плохой', filter: { status: ['lost'] } },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details.errors[0].path).toEqual(['status', '0']);

    const board = await cms.request('/support/boards', {
      method: 'POST',
      token: people.agent.token,
      body: {
        name: 'Доска',
        columns: [{ filterId: personal.body.id }, { filterId: shared.body.id }],
      },
    });
    expect(board.status).toBe(201);

    const teammate = await createDeskUser(cms, 'support-agent', { groups: ['technical'] });
    const outsider = await createDeskUser(cms, 'support-agent', { groups: ['billing'] });
    const names = async (user: DeskUser) =>
      (await cms.request('/support/meta', { token: user.token })).body.filters.map(
        (f: { name: string }) => f.name
      );
    expect(await names(teammate)).toEqual(['Новые технические']);
    expect(await names(outsider)).toEqual([]);
    const stolen = await cms.request(`/support/filters/${personal.body.id}`, {
      method: 'DELETE',
      token: outsider.token,
    });
    expect(stolen.status).toBe(404);
  });

  it('keeps groups, agents and canned replies as data edited in the Content Manager', async () => {
    const token = people.administrator.token;
    const groups = await cms.request('/content-manager/collection-types/plugin::support.group', {
      token,
    });
    expect(groups.status).toBe(200);
    expect(groups.body.results.map((group: { slug: string }) => group.slug)).toContain(
      'moderation'
    );
    const agents = await cms.request('/content-manager/collection-types/plugin::support.agent', {
      token,
    });
    expect(agents.status).toBe(200);
    const macros = await cms.request('/content-manager/collection-types/plugin::support.macro', {
      token,
    });
    expect(macros.body.results.length).toBeGreaterThan(0);
  });
});
