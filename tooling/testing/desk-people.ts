import { randomBytes } from 'node:crypto';

import type { TestCms } from './strapi-harness';

export interface DeskUser {
  id: number;
  token: string;
}

/** A desk user who can also sign in to the admin panel in a browser. */
export interface SignedInDeskUser extends DeskUser {
  email: string;
  password: string;
}

/** An admin-panel user holding one role (by code), signed in to the admin API. */
export const createDeskUser = async (
  cms: TestCms,
  roleCode: string,
  { groups = [] as string[], available = false } = {}
): Promise<SignedInDeskUser> => {
  const { strapi } = cms;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${roleCode}-${randomBytes(4).toString('hex')}@test.vixenhealth.local`;
  const password = 'Desk-password-1';
  const user = await strapi.service('admin::user').create({
    firstname: roleCode,
    lastname: 'Тестов',
    email,
    password,
    roles: [role.id],
    isActive: true,
    registrationToken: null,
  });
  if (groups.length) {
    const rows = await strapi.db
      .query('plugin::support.group')
      .findMany({ where: { slug: { $in: groups } } });
    await strapi.db.query('plugin::support.agent').create({
      data: {
        user: user.id,
        groups: rows.map((row: { id: number }) => row.id),
        status: available ? 'available' : 'away',
      },
    });
  }
  const login = await cms.request<{ data: { token: string } }>('/admin/login', {
    method: 'POST',
    body: { email, password },
  });
  if (login.status !== 200) throw new Error(`Login failed: ${login.status}`);
  return { id: user.id, token: login.body.data.token, email, password };
};

/** A ticket opened the way a channel opens one, in the named group. */
export const openTestTicket = async (cms: TestCms, groupSlug: string, subject = 'Проблема') =>
  cms.strapi
    .plugin('support')
    .service('intake')
    .receive({
      channel: 'esb',
      externalId: `test:${randomBytes(6).toString('hex')}`,
      from: { name: 'Ирина', email: `irina-${randomBytes(3).toString('hex')}@example.org` },
      subject,
      text: 'Подробности',
      receivedAt: new Date(),
      attachments: [],
      groupSlug,
    }) as Promise<{ outcome: string; ticketNumber: string }>;
