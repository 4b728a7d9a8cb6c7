import * as client from 'openid-client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createAdminUser, registerPerson } from '@vixenhealth/tooling/testing/people';
import { PORTAL_CALLBACK } from '@vixenhealth/tooling/testing/relying-party';
import { addStaffMember } from '@vixenhealth/tooling/testing/staff-directory';

import { AccessTokenError, createAccessTokenVerifier } from '../../../verify/src';

let id: IdTest;
let superAdmin: string;
let lead: Awaited<ReturnType<typeof createAdminUser>>;

const AUDIT = 'plugin::sso.impersonation';
const REASON = 'Ticket #4211: the patient cannot see her appointment';

beforeAll(async () => {
  id = await startIdTest();
  superAdmin = await id.cms.adminToken();
  lead = await createAdminUser(id.cms, 'support-lead');
});
afterAll(async () => id?.stop());

const auditRows = () => id.cms.strapi.db.query(AUDIT).count();

const start = (token: string, body: Record<string, unknown>) =>
  id.cms.request('/sso/impersonations', { method: 'POST', token, body });

/** Starts an impersonation of `person` as the support lead; the answer's link and record. */
const startAs = async (person: { email: string }, token = lead.token) => {
  const answer = await start(token, { userEmail: person.email, reason: REASON });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as {
    data: { id: number; expiresAt: string };
    meta: { startLink: string; startLinkExpiresAt: string };
  };
};

/**
 * Signs the portal in with the browser's ID session (no form: the session is there already)
 * and redeems the code, as the portal's ordinary sign-in does.
 */
const portalTokens = async (browser: Browser) => {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(id.portal, {
    redirect_uri: PORTAL_CALLBACK,
    scope: 'openid email profile offline_access api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const end = await browser.follow(url.href, (at) => at.startsWith(PORTAL_CALLBACK));
  expect(end.page, end.page?.text.slice(0, 300)).toBeNull();
  return client.authorizationCodeGrant(id.portal, new URL(end.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
};

/** A person impersonated by the support lead in a browser of its own, with the portal's tokens. */
const impersonated = async () => {
  const person = await registerPerson(id, 'Ольга Петрова');
  const started = await startAs(person);
  const browser = new Browser('ru');
  const landing = await browser.request(started.meta.startLink);
  expect(landing.status).toBe(303);
  const tokens = await portalTokens(browser);
  return { person, started, browser, tokens };
};

describe('POST /sso/impersonations', () => {
  it('needs the permission: 401 without an admin, 403 for an admin without it', async () => {
    const person = await registerPerson(id);
    const agent = await createAdminUser(id.cms, 'support-agent');
    const before = await auditRows();
    expect((await id.cms.request('/sso/impersonations', { method: 'POST' })).status).toBe(401);
    expect((await start(agent.token, { userEmail: person.email, reason: REASON })).status).toBe(
      403
    );
    expect((await id.cms.request('/sso/impersonations', { token: agent.token })).status).toBe(403);
    expect(await auditRows()).toBe(before);
  });

  it('needs a reason of 10 to 500 characters (400 naming `reason`), and writes nothing', async () => {
    const person = await registerPerson(id);
    const before = await auditRows();
    for (const reason of [undefined, '', 'too short', 'x'.repeat(501)]) {
      const answer = await start(lead.token, { userEmail: person.email, reason });
      expect(answer.status, String(reason)).toBe(400);
      expect(answer.body.error.details.errors[0].path).toEqual(['reason']);
    }
    expect(await auditRows()).toBe(before);
  });

  it('refuses staff (403) and unknown people (404), naming the field, and writes nothing', async () => {
    const colleague = await registerPerson(id, 'Коллега Поддержки');
    await addStaffMember(id.cms, colleague.id);
    const before = await auditRows();
    const staff = await start(lead.token, { userEmail: colleague.email, reason: REASON });
    expect(staff.status).toBe(403);
    expect(staff.body.error, JSON.stringify(staff.body)).toMatchObject({
      details: { errors: [{ path: ['userEmail'] }] },
    });
    const byId = await start(lead.token, { userId: colleague.documentId, reason: REASON });
    expect(byId.status).toBe(403);
    expect(byId.body.error.details.errors[0].path).toEqual(['userId']);
    const unknown = await start(lead.token, {
      userEmail: 'nobody-here@test.vixenhealth.local',
      reason: REASON,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.errors[0].path).toEqual(['userEmail']);
    expect(await auditRows()).toBe(before);
  });

  it('records actor, target, reason and times, and answers a 60-second start link', async () => {
    const person = await registerPerson(id, 'Ирина Смирнова');
    const startedAt = Date.now();
    const { data, meta } = await startAs(person);
    expect(meta.startLink).toMatch(new RegExp(`^${id.issuer}/impersonate/[A-Za-z0-9_-]{43}$`));
    const linkLife = Date.parse(meta.startLinkExpiresAt) - startedAt;
    expect(linkLife).toBeGreaterThan(55_000);
    expect(linkLife).toBeLessThanOrEqual(61_000);

    const audit = await id.cms.request(`/sso/impersonations`, { token: superAdmin });
    expect(audit.status).toBe(200);
    const row = audit.body.data.find((entry: { id: number }) => entry.id === data.id);
    expect(row).toMatchObject({
      actor: { adminId: lead.id, email: lead.email, sub: null },
      target: { sub: person.documentId, email: person.email, name: 'Ирина Смирнова' },
      reason: REASON,
      linkUsedAt: null,
      endedAt: null,
      endedBy: null,
      ip: expect.stringContaining('127.0.0.1'),
    });
    // 15 minutes by default.
    expect(Date.parse(row.expiresAt) - Date.parse(row.startedAt)).toBe(15 * 60_000);
    // The audit never shows how to open the session.
    expect(JSON.stringify(audit.body)).not.toMatch(/linkHash|sessionUid/);
  });
});

describe('GET /id/impersonate/<token>', () => {
  it('opens a session of the person once, and sends the browser to the portal', async () => {
    const person = await registerPerson(id);
    const { meta, data } = await startAs(person);
    const browser = new Browser('ru');
    const first = await browser.request(meta.startLink);
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/\/auth\/sign-in\?returnTo=%2Fcabinet$/);

    const again = await new Browser('ru').request(meta.startLink);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Ссылка больше не действует');

    const row = await id.cms.strapi.db.query(AUDIT).findOne({ where: { id: data.id } });
    expect(row.linkUsedAt).not.toBeNull();
    expect(row.sessionUid).toEqual(expect.any(String));
  });

  it('refuses a link opened more than 60 seconds after it was made', async () => {
    const person = await registerPerson(id);
    const { meta } = await startAs(person);
    const token = meta.startLink.split('/').pop()!;
    const service = id.cms.strapi.plugin('sso').service('impersonations');
    expect(await service.consume(token, new Date(Date.now() + 61_000))).toBeNull();
    // Still unused: a late click spends nothing, and the link works within its minute.
    expect((await new Browser().request(meta.startLink)).status).toBe(303);
  });

  it('refuses unknown links', async () => {
    const answer = await new Browser().request(`${id.issuer}/impersonate/${'A'.repeat(43)}`);
    expect(answer.status).toBe(410);
  });
});

describe('tokens of an impersonated session', () => {
  it('carry `act` naming the actor, no refresh token, and end with the impersonation', async () => {
    const { person, started, tokens } = await impersonated();
    const access = decodeJwt(tokens.access_token);
    expect(access).toMatchObject({
      sub: person.documentId,
      act: { sub: `admin:${lead.id}`, email: lead.email },
      roles: ['patient'],
    });
    expect(access).not.toHaveProperty('groups');
    expect(access.exp! * 1000).toBeLessThanOrEqual(Date.parse(started.data.expiresAt));
    const idToken = decodeJwt(tokens.id_token!);
    expect(idToken).toMatchObject({
      sub: person.documentId,
      act: { sub: `admin:${lead.id}`, email: lead.email },
    });
    expect(idToken.exp! * 1000).toBeLessThanOrEqual(Date.parse(started.data.expiresAt));
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('name the actor by their own ID account when they have one', async () => {
    const own = await registerPerson(id, 'Сотрудник С Аккаунтом');
    const admin = await createAdminUser(id.cms, 'strapi-super-admin');
    // The admin user and the ID account share an email address.
    await id.cms.strapi.db
      .query('admin::user')
      .update({ where: { id: admin.id }, data: { email: own.email } });
    const login = await id.cms.request('/admin/login', {
      method: 'POST',
      body: { email: own.email, password: admin.password },
    });
    const person = await registerPerson(id);
    const started = await startAs(person, login.body.data.token);
    const browser = new Browser();
    await browser.request(started.meta.startLink);
    const tokens = await portalTokens(browser);
    expect(decodeJwt(tokens.access_token).act).toEqual({ sub: own.documentId, email: own.email });
  });

  it('are refused by the verifier unless the caller allows impersonation', async () => {
    const { tokens } = await impersonated();
    const verifier = createAccessTokenVerifier({
      issuer: id.issuer,
      audience: 'https://api.vixenhealth.ru',
    });
    const refused = await verifier.verify(tokens.access_token).catch((error) => error);
    expect(refused).toBeInstanceOf(AccessTokenError);
    expect(refused).toMatchObject({ code: 'ERR_VH_TOKEN_IMPERSONATED', claim: 'act' });
    const allowed = await verifier.verify(tokens.access_token, { allowImpersonation: true });
    expect(allowed.actor).toEqual({ sub: `admin:${lead.id}`, email: lead.email });
  });

  it('read the person’s data through the API but change nothing, and never reach staff routes', async () => {
    const { person, tokens } = await impersonated();
    const me = await id.cms.request('/api/users/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(person.email);
    expect(
      (await id.cms.request('/api/support/tickets', { token: tokens.access_token })).status
    ).toBe(200);
    const before = await id.cms.strapi.db.query('plugin::support.ticket').count();
    const write = await id.cms.request('/api/support/tickets', {
      method: 'POST',
      token: tokens.access_token,
      body: { data: { subject: 'Written by support as the person', body: 'Should not be' } },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('Staff acting as this person may only read');
    expect(await id.cms.strapi.db.query('plugin::support.ticket').count()).toBe(before);
    // The support desk and ID's staff API are admin-panel routes: an ID token is nobody there.
    expect((await id.cms.request('/support/tickets', { token: tokens.access_token })).status).toBe(
      401
    );
    expect(
      (await id.cms.request('/sso/impersonations', { token: tokens.access_token })).status
    ).toBe(401);
  });
});

describe('the account pages of an impersonated session', () => {
  it('show the banner, and refuse password, email, sessions and deletion with 403', async () => {
    const { person, browser } = await impersonated();
    const overview = await browser.request(`${id.issuer}/account`);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain('Вы действуете от имени Ольга Петрова');
    expect(overview.text).toContain(lead.email);

    const forms: [RegExp, Record<string, string>][] = [
      [
        /\/account\/password$/,
        {
          currentPassword: person.password,
          newPassword: 'Another-pass-1!',
          newPasswordAgain: 'Another-pass-1!',
        },
      ],
      [
        /\/account\/profile$/,
        { fullName: 'Изменено', phone: '', email: 'changed@test.vixenhealth.local' },
      ],
      [/\/account\/sign-out-everywhere$/, {}],
      [/\/account\/delete$/, { password: person.password }],
    ];
    for (const [action, fields] of forms) {
      const form = readForm(overview.text, action);
      const answer = await browser.request(new URL(form.action, id.issuer).href, {
        form: { ...form.fields, ...fields },
      });
      expect(answer.status, String(action)).toBe(403);
      expect(answer.text).toContain('Недоступно при действии от чужого имени');
    }
    const user = await id.cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: person.id } });
    expect(user).toMatchObject({ email: person.email, fullName: 'Ольга Петрова' });
    // The person's own password still signs them in.
    const own = await id.cms.strapi
      .plugin('sso')
      .service('accounts')
      .signIn({ email: person.email, password: person.password, ip: '127.0.0.9', userAgent: 't' });
    expect(own.ok).toBe(true);
  });
});

describe('ending an impersonation', () => {
  it('from the admin API ends the session and its tokens at once', async () => {
    const { started, browser, tokens } = await impersonated();
    expect((await id.cms.request('/api/users/me', { token: tokens.access_token })).status).toBe(
      200
    );
    const ended = await id.cms.request(`/sso/impersonations/${started.data.id}/end`, {
      method: 'POST',
      token: lead.token,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({ endedBy: 'actor', endedAt: expect.any(String) });
    expect((await id.cms.request('/api/users/me', { token: tokens.access_token })).status).toBe(
      401
    );
    const account = await browser.request(`${id.issuer}/account`);
    expect(account.status).toBe(303);
    expect(account.location).not.toContain('/account');
  });

  it('from the banner ends it too (CSRF-checked)', async () => {
    const { started, browser } = await impersonated();
    const overview = await browser.request(`${id.issuer}/account`);
    const form = readForm(overview.text, /\/account\/impersonation\/end$/);
    const forged = await browser.request(new URL(form.action, id.issuer).href, {
      form: { csrf: 'forged' },
    });
    expect(forged.status).toBe(403);
    const answer = await browser.request(new URL(form.action, id.issuer).href, {
      form: form.fields,
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Действие от чужого имени завершено');
    const row = await id.cms.strapi.db.query(AUDIT).findOne({ where: { id: started.data.id } });
    expect(row.endedBy).toBe('actor');
  });

  it('by expiry: the session is gone and no token is issued from it', async () => {
    const { started, browser } = await impersonated();
    // Time passes: the impersonation's end moves into the past (its session's record with it).
    const past = new Date(Date.now() - 1000);
    await id.cms.strapi.db
      .query(AUDIT)
      .update({ where: { id: started.data.id }, data: { expiresAt: past } });
    const account = await browser.request(`${id.issuer}/account`);
    expect(account.status).toBe(303);
    expect(account.location).not.toMatch(/\/account$/);
    const audit = await id.cms.request('/sso/impersonations', { token: lead.token });
    const row = audit.body.data.find((entry: { id: number }) => entry.id === started.data.id);
    expect(row).toMatchObject({ endedBy: 'expiry', endedAt: past.toISOString() });
    // A new sign-in of the portal meets no session: the sign-in form, not the person's tokens.
    const url = client.buildAuthorizationUrl(id.portal, {
      redirect_uri: PORTAL_CALLBACK,
      scope: 'openid api',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const end = await browser.follow(url.href, (at) => at.startsWith(PORTAL_CALLBACK));
    expect(end.page?.status).toBe(200);
    expect(end.page?.text).toContain('name="password"');
  });
});
