import { randomBytes } from 'node:crypto';

import * as client from 'openid-client';

import type { IdTest } from './id-test';
import { signInThroughForm } from './relying-party';
import type { TestCms } from './strapi-harness';

export interface Person {
  id: number;
  documentId: string;
  email: string;
  password: string;
  /** A VixenHealth ID access token (JWT, `api` scope) for the platform's API. */
  token: string;
}

/**
 * Signs in to the portal of one ID (`portal`, from `discover(issuer, 'portal')`) through its
 * real form and redeems the code: the API access token. For an ID that is not an `IdTest`'s,
 * such as a node of a CMS cluster.
 */
export const portalAccessToken = async (
  portal: client.Configuration,
  credentials: { email: string; password: string },
  options: { secondFactorCode?: string } = {}
) => {
  const flow = await signInThroughForm(portal, credentials, options);
  if (!flow.callback) throw new Error(`Sign-in failed: ${flow.signInPage?.status}`);
  const tokens = await client.authorizationCodeGrant(portal, flow.callback, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return tokens.access_token;
};

/** Signs in through ID's real form and redeems the code: the API access token. */
export const accessTokenOf = (
  id: IdTest,
  credentials: { email: string; password: string },
  options: { secondFactorCode?: string } = {}
) => portalAccessToken(id.portal, credentials, options);

/**
 * A new, verified VixenHealth ID user with a name, not signed in anywhere: for tests that sign in
 * through a site of their own.
 */
export const registerPerson = async (
  id: IdTest,
  fullName = 'Анна Кузнецова'
): Promise<Omit<Person, 'token'>> => {
  const email = `person-${randomBytes(4).toString('hex')}@test.vixenhealth.local`;
  const password = `Person-password-${randomBytes(4).toString('hex')}`;
  const { strapi } = id.cms;
  const account = await strapi.plugin('sso').service('accounts').register(email, password);
  await strapi.plugin('sso').service('accounts').confirmEmail(account.id, email);
  await strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: account.id }, data: { fullName } });
  return { id: account.id, documentId: account.documentId, email, password };
};

/** A new, verified VixenHealth ID user, signed in. */
export const createPerson = async (id: IdTest, fullName = 'Анна Кузнецова'): Promise<Person> => {
  const person = await registerPerson(id, fullName);
  return { ...person, token: await accessTokenOf(id, person) };
};

/** A new admin-panel role holding exactly `actions`; its code, for `createAdminUser`. */
export const createAdminRole = async (cms: TestCms, actions: string[]) => {
  const roles = cms.strapi.service('admin::role');
  const role = await roles.create({
    name: `Staff ${randomBytes(4).toString('hex')}`,
    description: 'Tests',
  });
  if (actions.length > 0)
    await roles.assignPermissions(
      role.id,
      actions.map((action) => ({ action }))
    );
  return role.code as string;
};

/** An admin-panel user holding one role (by its code), and their admin API token. */
export const createAdminUser = async (
  cms: TestCms,
  roleCode: string,
  { firstname = roleCode, lastname = 'Тестов' } = {}
) => {
  const { strapi } = cms;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`No admin role ${roleCode}`);
  const email = `${roleCode}-${randomBytes(4).toString('hex')}@test.vixenhealth.local`;
  const password = 'Admin-user-password-1';
  const user = await strapi.service('admin::user').create({
    firstname,
    lastname,
    email,
    password,
    roles: [role.id],
    isActive: true,
    registrationToken: null,
  });
  const login = await cms.request<{ data: { token: string } }>('/admin/login', {
    method: 'POST',
    body: { email, password },
  });
  if (login.status !== 200) throw new Error(`${roleCode} login failed: ${login.status}`);
  return { id: user.id as number, email, password, token: login.body.data.token };
};

/** An admin-panel user with the Moderator role only, and their admin API token. */
export const createModerator = (cms: TestCms) =>
  createAdminUser(cms, 'moderator', { firstname: 'Мария', lastname: 'Модератор' });
