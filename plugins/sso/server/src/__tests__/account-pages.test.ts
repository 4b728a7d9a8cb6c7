import { randomBytes } from 'node:crypto';

import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import type { MailCatcher } from '@vixenhealth/tooling/testing/mail-catcher';
import { createAdminRole, createAdminUser } from '@vixenhealth/tooling/testing/people';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

const USER = 'plugin::users-permissions.user';
const RECORD = 'plugin::sso.oidc-record';
const EVENT = 'plugin::sso.login-event';
const TOKEN = 'plugin::sso.email-token';
const CREDENTIAL = 'plugin::sso.credential';
const CLINIC = 'api::clinic.clinic';
const PASSWORD = 'Correct-horse-battery-9';
const OWNER = { email: 'owner@demo.vixenhealth.local', password: 'Demo-user-password-1' };

let id: IdTest;
let cms: TestCms;
let mail: MailCatcher;
let issuer: string;
let portal: client.Configuration;

interface TestUser {
  id: number;
  documentId: string;
  email: string;
  password: string;
}

const unique = () => randomBytes(4).toString('hex');
const db = (uid: string) => cms.strapi.db.query(uid);

/** A confirmed user of its own for each test, so no test depends on another's leftovers. */
const newUser = async (label: string): Promise<TestUser> => {
  const email = `${label}-${unique()}@example.ru`;
  const role = await db('plugin::users-permissions.role').findOne({
    where: { type: 'authenticated' },
  });
  const user = await cms.strapi.documents(USER).create({
    data: { username: email, email, provider: 'vixenhealth-id', confirmed: true, role: role.id },
  });
  await cms.strapi.plugin('sso').service('accounts').setPassword({ id: user.id, email }, PASSWORD);
  return { id: Number(user.id), documentId: user.documentId, email, password: PASSWORD };
};

/**
 * Opens the account page; when sent to sign in, signs in with `credentials` through the real
 * form and follows the redirects back. Returns where the browser ended and what it was served.
 */
const openAccount = async (
  browser: Browser,
  credentials?: { email: string; password: string },
  path = '/account'
) => {
  const start = await browser.follow(`${issuer}${path}`, () => false);
  if (!credentials || !/\/interaction\//.test(start.url)) return start;
  const form = readForm(start.page!.text, /\/login$/);
  const submitted = await browser.request(new URL(form.action, start.url).href, {
    form: { ...form.fields, email: credentials.email, password: credentials.password },
  });
  expect(submitted.location, submitted.text.slice(0, 500)).toBeTruthy();
  return browser.follow(submitted.location!, () => false);
};

/** Submits one of the account page's forms (found by its action) with `fields`. */
const submitForm = async (browser: Browser, action: RegExp, fields: Record<string, string>) => {
  const page = await browser.request(`${issuer}/account`);
  expect(page.status).toBe(200);
  const form = readForm(page.text, action);
  return browser.request(new URL(form.action, `${issuer}/account`).href, {
    form: { ...form.fields, ...fields },
  });
};

/** A browser signed in to the account pages as `user`. */
const signedInBrowser = async (user: TestUser, acceptLanguage = 'en') => {
  const browser = new Browser(acceptLanguage);
  const end = await openAccount(browser, user);
  expect(end.url).toBe(`${issuer}/account`);
  expect(end.page?.status).toBe(200);
  return browser;
};

/** Signs `user` in to the portal in a browser of its own; returns its tokens and browser. */
const portalSession = async (user: TestUser) => {
  const flow = await signInThroughForm(portal, user);
  expect(flow.callback).not.toBeNull();
  const tokens = await client.authorizationCodeGrant(portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return { tokens, browser: flow.browser };
};

const isSignInRedirect = (response: { status: number; location: string | null }) =>
  response.status === 303 && /\/id\/auth\?/.test(response.location ?? '');

const linkIn = (text: string | undefined) => /(https?:\/\/\S+)/.exec(text ?? '')?.[1] ?? null;

/** The attributes of the `<input>` named `name`. */
const inputNamed = (html: string, name: string) =>
  new RegExp(`<input[^>]*\\sname="${name}"[^>]*>`).exec(html)?.[0] ?? '';

const sessionsOf = (user: TestUser) =>
  db(RECORD).count({ where: { accountId: user.documentId, model: 'Session' } });

beforeAll(async () => {
  id = await startIdTest({ mail: true });
  ({ cms, issuer, portal, mail } = id);
});
afterAll(async () => id?.stop());

describe('signing in to the account pages', () => {
  it('sends a visitor to sign in with PKCE, then back to the page, leaving no code or token', async () => {
    const user = await newUser('visitor');
    const browser = new Browser();
    const first = await browser.request(`${issuer}/account`);
    expect(isSignInRedirect(first)).toBe(true);
    const authorization = new URL(first.location!);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: 'account',
      response_type: 'code',
      redirect_uri: `${issuer}/account/callback`,
      code_challenge_method: 'S256',
    });
    expect(authorization.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    const stateCookie = first.headers.getSetCookie().find((c) => c.startsWith('vh_id_account'));
    expect(stateCookie).toMatch(/httponly/i);
    expect(stateCookie).toMatch(/path=\/id\/account/i);

    const end = await openAccount(browser, user);
    expect(end.url).toBe(`${issuer}/account`);
    expect(end.page?.text).toContain('Your VixenHealth account');
    expect(end.page?.text).toContain(user.email);

    const leftovers = await db(RECORD).findMany({
      where: { accountId: user.documentId, model: { $in: ['AuthorizationCode', 'AccessToken'] } },
    });
    expect(leftovers.filter((row: any) => !row.consumedAt)).toEqual([]);
  });

  it('sends every form to sign in when nobody is signed in, changing nothing', async () => {
    const user = await newUser('anonymous-forms');
    const browser = new Browser();
    for (const path of ['profile', 'password', 'sign-out-everywhere', 'delete']) {
      const answer = await browser.request(`${issuer}/account/${path}`, {
        form: { fullName: 'Changed', email: 'changed@example.ru', password: PASSWORD },
      });
      expect(isSignInRedirect(answer), path).toBe(true);
    }
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      email: user.email,
      fullName: null,
    });
  });

  it('refuses a callback this browser did not start', async () => {
    const answer = await new Browser().request(
      `${issuer}/account/callback?code=stolen-code&state=guessed-state`
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Could not sign you in');
  });

  it('says so when the user cancels signing in', async () => {
    const browser = new Browser();
    const start = await openAccount(browser);
    const cancel = readForm(start.page!.text, /\/abort$/);
    const answer = await browser.request(new URL(cancel.action, start.url).href, {
      form: cancel.fields,
    });
    const end = await browser.follow(answer.location!, () => false);
    expect(end.url).toMatch(new RegExp(`^${issuer}/account/callback\\?.*error=access_denied`));
    expect(end.page?.text).toContain('You cancelled the sign-in.');
  });

  it('speaks Russian by default and English when the browser asks for it', async () => {
    const user = await newUser('languages');
    const russian = await openAccount(new Browser('de-DE,de;q=0.9'), user);
    expect(russian.page?.text).toContain('<html lang="ru">');
    expect(russian.page?.text).toContain('Ваш аккаунт VixenHealth');
    expect(russian.page?.text).toContain('История входов');
    const english = await openAccount(new Browser('en-GB,en;q=0.9'), user);
    expect(english.page?.text).toContain('<html lang="en">');
    expect(english.page?.text).toContain('Sign-in history');
    expect(english.page?.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(english.page?.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('personal data', () => {
  it('saves the name and the phone, written in the usual way', async () => {
    const user = await newUser('profile');
    const browser = await signedInBrowser(user);
    const answer = await submitForm(browser, /\/account\/profile$/, {
      fullName: '  Анна   Лисицына ',
      phone: '+7 (912) 345-67-89',
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${issuer}/account?done=profile`);
    const page = await browser.request(answer.location!);
    expect(page.text).toContain('Your personal data is saved.');
    expect(inputNamed(page.text, 'fullName')).toContain('value="Анна Лисицына"');
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      fullName: 'Анна Лисицына',
      phone: '+79123456789',
      email: user.email,
    });
  });

  it('explains each wrong field next to it, and saves nothing', async () => {
    const user = await newUser('profile-errors');
    const browser = await signedInBrowser(user);
    const answer = await submitForm(browser, /\/account\/profile$/, {
      fullName: 'x'.repeat(121),
      phone: '8 912 345',
      email: 'not-an-email',
    });
    expect(answer.status).toBe(400);
    for (const [name, id, message] of [
      ['fullName', 'profile-name', 'at most 120 characters'],
      ['phone', 'profile-phone', 'with a plus and the country code'],
      ['email', 'profile-email', 'Enter an email address'],
    ]) {
      const input = inputNamed(answer.text, name);
      expect(input, name).toContain('aria-invalid="true"');
      expect(input, name).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
      expect(answer.text).toMatch(new RegExp(`id="${id}-error">[^<]*${message}`));
    }
    expect(inputNamed(answer.text, 'phone')).toContain('value="8 912 345"');
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      fullName: null,
      phone: null,
      email: user.email,
    });
  });

  it('mails a link to a new email address and changes it only once the link is opened', async () => {
    const user = await newUser('moving');
    const browser = await signedInBrowser(user);
    const newEmail = `moved-${unique()}@example.ru`;
    const answer = await submitForm(browser, /\/account\/profile$/, { email: newEmail });
    expect(answer.location).toBe(`${issuer}/account?done=email`);
    expect((await browser.request(answer.location!)).text).toContain(
      'We sent a confirmation link to your new address'
    );

    const message = await mail.waitFor(newEmail);
    const link = linkIn(message.text);
    expect(link).toMatch(new RegExp(`^${issuer}/verify-email\\?token=`));
    const warning = await mail.waitFor(user.email);
    expect(warning.text).toContain(newEmail);
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      email: user.email,
    });

    expect((await new Browser().request(link!)).status).toBe(200);
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      email: newEmail,
      confirmed: true,
    });
  });

  it("does not tell whether a new address is someone else's; its owner is told instead", async () => {
    const user = await newUser('nosy');
    const other = await newUser('taken');
    const browser = await signedInBrowser(user);
    const answer = await submitForm(browser, /\/account\/profile$/, { email: other.email });
    expect(answer.location).toBe(`${issuer}/account?done=email`);
    const message = await mail.waitFor(other.email);
    expect(message.text).toContain('already belongs to another account');
    expect(linkIn(message.text)).toBeNull();
    expect(await db(TOKEN).count({ where: { email: other.email } })).toBe(0);
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({
      email: user.email,
    });
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password and a weak or mistyped new one', async () => {
    const user = await newUser('password-errors');
    const browser = await signedInBrowser(user);
    const wrong = await submitForm(browser, /\/account\/password$/, {
      currentPassword: 'not-my-password-1',
      newPassword: 'A-much-better-password-2',
      newPasswordAgain: 'A-much-better-password-2',
    });
    expect(wrong.status).toBe(400);
    expect(inputNamed(wrong.text, 'currentPassword')).toContain('aria-invalid="true"');
    expect(wrong.text).toContain('The password is incorrect.');

    const weak = await submitForm(browser, /\/account\/password$/, {
      currentPassword: user.password,
      newPassword: 'short',
      newPasswordAgain: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.text).toMatch(/id="password-new-error">[^<]*at least 10 characters/);

    const mistyped = await submitForm(browser, /\/account\/password$/, {
      currentPassword: user.password,
      newPassword: 'A-much-better-password-2',
      newPasswordAgain: 'A-much-better-password-3',
    });
    expect(mistyped.status).toBe(400);
    expect(inputNamed(mistyped.text, 'newPasswordAgain')).toContain('aria-invalid="true"');

    const attempts = await cms.strapi.plugin('sso').service('login-history').forUser(user.id);
    // Asking for the password again is a sign-in attempt like any other, throttled and recorded.
    expect(attempts.map((event: any) => event.outcome)).toEqual(['bad-credentials', 'success']);
    expect(await canSignIn(user.email, user.password)).toBe(true);
  });

  it('sets the new password and ends every other session and refresh token', async () => {
    const user = await newUser('password');
    const elsewhere = await portalSession(user);
    const other = await signedInBrowser(user);
    const browser = await signedInBrowser(user);
    expect(await sessionsOf(user)).toBe(3);
    const devices = cms.strapi.plugin('sso').service('remembered-devices');
    const remembered = await devices.remember(user.id);
    expect(await devices.recognises(user.id, remembered.token)).toBe(true);

    const newPassword = 'A-much-better-password-2';
    const answer = await submitForm(browser, /\/account\/password$/, {
      currentPassword: user.password,
      newPassword,
      newPasswordAgain: newPassword,
    });
    expect(answer.status).toBe(303);
    const page = await browser.request(answer.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your password is changed.');
    const notice = await mail.waitFor(user.email);
    expect(notice.subject).toBe('Your VixenHealth password was changed');
    expect(notice.text).toContain(`${issuer}/forgot-password`);
    expect(notice.text).not.toContain(newPassword);

    expect(await sessionsOf(user)).toBe(1);
    await expect(
      client.refreshTokenGrant(portal, elsewhere.tokens.refresh_token!)
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(isSignInRedirect(await other.request(`${issuer}/account`))).toBe(true);
    expect(await canSignIn(user.email, user.password)).toBe(false);
    expect(await canSignIn(user.email, newPassword)).toBe(true);
    expect(await devices.recognises(user.id, remembered.token)).toBe(false);
  });
});

describe('sign-in history', () => {
  it("shows the user's own attempts, newest first, and nobody else's", async () => {
    const user = await newUser('history');
    const stranger = await newUser('stranger');
    const history = cms.strapi.plugin('sso').service('login-history');
    const attempt = (who: TestUser, outcome: string, userAgent: string, minutesAgo: number) =>
      history.record(
        {
          email: who.email,
          userId: who.id,
          outcome,
          method: 'password',
          ip: '203.0.113.7',
          userAgent,
        },
        new Date(Date.now() - minutesAgo * 60_000)
      );
    await attempt(stranger, 'bad-credentials', 'StrangerAgent/1.0', 3);
    await attempt(
      user,
      'bad-credentials',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      2
    );

    const browser = await signedInBrowser(user);
    const page = (await browser.request(`${issuer}/account`)).text;
    const table = /<table id="history-table">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const rows = table.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Signed in');
    expect(rows[1]).toContain('Wrong password');
    expect(rows[1]).toContain('203.0.113.7');
    expect(rows[1]).toContain('Firefox 128, Windows');
    expect(page).not.toContain('StrangerAgent');
  });
});

describe('sessions', () => {
  it('lists the sessions, this one marked, and signs out everywhere', async () => {
    const user = await newUser('sessions');
    const elsewhere = await portalSession(user);
    const browser = await signedInBrowser(user);
    const page = (await browser.request(`${issuer}/account`)).text;
    const table = /<table id="sessions-table">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    expect(table.split('<tr>').slice(2)).toHaveLength(2);
    expect(table).toContain('<strong>This browser</strong>');
    expect(table).toContain('Another browser or device');

    const answer = await submitForm(browser, /\/account\/sign-out-everywhere$/, {});
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('You are signed out everywhere');
    expect(await db(RECORD).count({ where: { accountId: user.documentId } })).toBe(0);
    await expect(
      client.refreshTokenGrant(portal, elsewhere.tokens.refresh_token!)
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(isSignInRedirect(await browser.request(`${issuer}/account`))).toBe(true);
    expect(isSignInRedirect(await elsewhere.browser.request(`${issuer}/account`))).toBe(true);
  });
});

describe('deleting the account', () => {
  it('needs the right password', async () => {
    const user = await newUser('keeper');
    const browser = await signedInBrowser(user);
    const answer = await submitForm(browser, /\/account\/delete$/, {
      password: 'wrong-password-1',
    });
    expect(answer.status).toBe(400);
    expect(inputNamed(answer.text, 'password')).toContain('aria-invalid="true"');
    expect(await db(USER).count({ where: { id: user.id } })).toBe(1);
  });

  it('deletes the user and everything of theirs, clinic memberships included', async () => {
    const owner = await db(USER).findOne({ where: { email: OWNER.email } });
    const user: TestUser = { ...OWNER, id: owner.id, documentId: owner.documentId };
    const clinicsBefore = await db(CLINIC).count();
    expect(await db(CLINIC).count({ where: { owners: { id: user.id } } })).toBeGreaterThan(0);
    await portalSession(user);
    const browser = await signedInBrowser(user);
    // An email token too: a pending change of address.
    await submitForm(browser, /\/account\/profile$/, { email: `gone-${unique()}@example.ru` });
    const idsOf = async (uid: string) =>
      (await db(uid).findMany({ where: { user: { id: user.id } }, select: ['id'] })).map(
        (row: { id: number }) => row.id
      );
    const owned = {
      [EVENT]: await idsOf(EVENT),
      [TOKEN]: await idsOf(TOKEN),
      [CREDENTIAL]: await idsOf(CREDENTIAL),
    };
    for (const ids of Object.values(owned)) expect(ids.length).toBeGreaterThan(0);
    expect(await db(RECORD).count({ where: { accountId: user.documentId } })).toBeGreaterThan(0);
    expect(await linksToUser(user.id)).toEqual(
      expect.arrayContaining([`${CLINIC}.owners`, `${USER}.role`, `${CREDENTIAL}.user`])
    );

    const answer = await submitForm(browser, /\/account\/delete$/, { password: user.password });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Your account is deleted');

    expect(await db(USER).count({ where: { id: user.id } })).toBe(0);
    for (const [uid, ids] of Object.entries(owned)) {
      expect(await db(uid).count({ where: { id: { $in: ids } } }), uid).toBe(0);
    }
    expect(await db(RECORD).count({ where: { accountId: user.documentId } })).toBe(0);
    expect(await linksToUser(user.id)).toEqual([]);
    expect(await db(CLINIC).count()).toBe(clinicsBefore);

    const again = await signInThroughForm(portal, user);
    expect(again.callback).toBeNull();
    expect(again.signInPage?.status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a form without its token and changes nothing', async () => {
    const user = await newUser('csrf');
    const browser = await signedInBrowser(user);
    for (const [path, fields] of [
      ['profile', { fullName: 'Forged', email: user.email }],
      ['delete', { password: user.password }],
      ['sign-out-everywhere', {}],
    ] as const) {
      const answer = await browser.request(`${issuer}/account/${path}`, {
        method: 'POST',
        form: fields,
      });
      expect(answer.status, path).toBe(403);
      expect(answer.text).toContain('The form has expired.');
    }
    expect(await db(USER).findOne({ where: { id: user.id } })).toMatchObject({ fullName: null });
    expect(await sessionsOf(user)).toBe(1);
  });
});

describe('staff: GET /sso/login-events', () => {
  const adminToken = async (permissions: string[]) =>
    (await createAdminUser(cms, await createAdminRole(cms, permissions))).token;

  it("lets a Super Admin read anyone's history, by email or document id", async () => {
    const user = await newUser('audited');
    await signInThroughForm(portal, { ...user, password: 'wrong-password-1' });
    await signInThroughForm(portal, user);
    const token = await cms.adminToken();
    for (const key of [user.email.toUpperCase(), user.documentId]) {
      const answer = await cms.request(`/sso/login-events?user=${encodeURIComponent(key)}&page=1`, {
        token,
      });
      expect(answer.status, key).toBe(200);
      expect(answer.body.data.map((event: any) => event.outcome)).toEqual([
        'success',
        'bad-credentials',
      ]);
      expect(answer.body.data[0]).toMatchObject({
        method: 'password',
        ip: expect.stringContaining('127.0.0.1'),
        user: { documentId: user.documentId, email: user.email },
      });
      expect(answer.body.meta.pagination).toMatchObject({ page: 1, total: 2, pageCount: 1 });
    }
    const everyone = await cms.request('/sso/login-events', { token });
    expect(everyone.status).toBe(200);
    expect(everyone.body.meta.pagination.total).toBeGreaterThan(2);
  });

  it('refuses anonymous callers (401) and admins without the permission (403)', async () => {
    expect((await cms.request('/sso/login-events')).status).toBe(401);
    const without = await adminToken([]);
    expect((await cms.request('/sso/login-events', { token: without })).status).toBe(403);
    const granted = await adminToken(['plugin::sso.login-events.read']);
    expect((await cms.request('/sso/login-events', { token: granted })).status).toBe(200);
  });

  it('answers 400 naming the field, and 404 for an unknown user', async () => {
    const token = await cms.adminToken();
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['user=', 'user'],
      ['sort=ip', 'sort'],
    ]) {
      const answer = await cms.request(`/sso/login-events?${query}`, { token });
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.message, query).toContain(field);
    }
    const unknown = await cms.request('/sso/login-events?user=nobody@example.ru', { token });
    expect(unknown.status).toBe(404);
  });
});

const canSignIn = async (email: string, password: string) =>
  (await signInThroughForm(portal, { email, password })).callback !== null;

/** Rows of any join table still pointing at the user: a relation the deletion left behind. */
const linksToUser = async (userId: number) => {
  const knex = cms.strapi.db.connection;
  const found: string[] = [];
  for (const meta of cms.strapi.db.metadata.values()) {
    for (const [name, attribute] of Object.entries(meta.attributes) as [string, any][]) {
      if (attribute.type !== 'relation' || !attribute.joinTable) continue;
      const { joinTable } = attribute;
      const column =
        meta.uid === USER
          ? joinTable.joinColumn.name
          : attribute.target === USER
            ? joinTable.inverseJoinColumn.name
            : null;
      if (!column) continue;
      const [{ count }] = await knex(joinTable.name).where(column, userId).count({ count: '*' });
      if (Number(count) > 0) found.push(`${meta.uid}.${name}`);
    }
  }
  return found;
};
