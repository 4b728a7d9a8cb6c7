import type { Browser as Chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';
import { controlTotpClock, enrolTotp, totpCode } from '@vixenhealth/tooling/testing/second-factor';
import {
  addStaffMember,
  createStaffGroup,
  updateStaffMember,
} from '@vixenhealth/tooling/testing/staff-directory';
import { TEST_ADMIN } from '@vixenhealth/tooling/testing/strapi-harness';

import ssoConfig from '../config';

let id: IdTest;
let chromium: Chromium | undefined;
let clock: { now: number };

beforeAll(async () => {
  // The defaults: password sign-in for the first admin only (the harness turns it on for other
  // tests), and a second factor required of staff.
  id = await startIdTest({ adminPanel: true, env: { ADMIN_PASSWORD_SIGN_IN: 'first-admin' } });
  clock = controlTotpClock(id.cms);
});
afterAll(async () => {
  await chromium?.close();
  await id?.stop();
});

const startUrl = () => `${id.cms.baseUrl}/admin/auth/vixenhealth-id`;
const callbackUrl = () => `${startUrl()}/callback`;

/** The value of cookie `name` set by a response, if it sets one. */
const cookieSet = (headers: Headers, name: string) => {
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
};

/**
 * Clicks "Sign in with VixenHealth ID", signs in at ID's real form, and returns what the
 * callback answered (a redirect into the panel with the session's cookies, or a refusal page).
 */
const signInToAdminPanel = async (
  person: StaffPerson,
  { beforeCallback }: { beforeCallback?: () => Promise<void> } = {}
) => {
  const browser = new Browser('en');
  const start = await browser.request(startUrl());
  expect(start.status).toBe(303);
  const atId = await browser.follow(start.location!, () => false);
  const form = readForm(atId.page!.text, /\/login$/);
  let submitted = await browser.request(new URL(form.action, atId.url).href, {
    form: { ...form.fields, email: person.email, password: person.password },
  });
  if (person.secondFactorCode) {
    const step = readForm(submitted.text, /\/second-step$/);
    submitted = await browser.request(new URL(step.action, atId.url).href, {
      form: { ...step.fields, code: person.secondFactorCode() },
    });
  }
  expect(submitted.location).toBeTruthy();
  const back = await browser.follow(submitted.location!, (url) => url.startsWith(callbackUrl()));
  await beforeCallback?.();
  const answer = await browser.request(back.url);
  return {
    ...answer,
    accessToken: cookieSet(answer.headers, 'jwtToken'),
    refreshToken: cookieSet(answer.headers, 'strapi_admin_refresh'),
  };
};

const adminUserByEmail = (email: string) =>
  id.cms.strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });

/** Who signs in, and (staff) the code their authenticator app shows at the next time step. */
interface StaffPerson {
  email: string;
  password: string;
  secondFactorCode?: () => string;
}

const staffGroupWith = (adminRoles: string[]) =>
  createStaffGroup(id.cms, { code: `group-${Math.random().toString(36).slice(2, 8)}`, adminRoles });

/**
 * A new ID account that is staff in a group giving `adminRoles`, with an authenticator app as
 * staff must have: each sign-in moves the clock on a step, so no code is ever used twice.
 */
const staffWith = async (adminRoles: string[], fullName = 'Анна Петровна Кузнецова') => {
  const group = await staffGroupWith(adminRoles);
  const account = await registerPerson(id, fullName);
  const member = await addStaffMember(id.cms, account.id, { groupIds: [group.id] });
  const { secret } = await enrolTotp(id.cms, account, clock.now);
  const secondFactorCode = () => {
    clock.now += 30_000;
    return totpCode(secret, clock.now);
  };
  return { person: { ...account, secondFactorCode }, group, member };
};

/** Polls until `check` holds (directory changes apply at once; the job is the minute's bound). */
const within = async (ms: number, check: () => Promise<boolean>) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
};

const refresh = (refreshToken: string) =>
  fetch(`${id.cms.baseUrl}/admin/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `strapi_admin_refresh=${refreshToken}` },
    body: '{}',
  });

describe('GET /admin/auth/vixenhealth-id', () => {
  it('sends the browser to ID as the admin panel, with PKCE S256, state and nonce', async () => {
    const response = await fetch(startUrl(), { redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${id.issuer}/auth`);
    const params = location.searchParams;
    expect(params.get('client_id')).toBe('admin-panel');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe(callbackUrl());
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(response.headers.getSetCookie().join(';')).toMatch(/vh_admin_id_signin=.*httponly/i);
  });
});

describe('GET /admin/auth/vixenhealth-id/callback', () => {
  it('refuses a callback this browser did not start, with a page and no session', async () => {
    const response = await fetch(`${callbackUrl()}?code=forged&state=forged`, {
      headers: { 'accept-language': 'ru' },
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().join(';')).not.toMatch(/strapi_admin_refresh=[^;]/);
    const text = await response.text();
    expect(text).toContain('Не удалось завершить вход');
    expect(text).not.toMatch(/at \w+ \(/);
  });

  it('refuses someone who is not staff, and creates no admin user', async () => {
    const person = await registerPerson(id);
    const answer = await signInToAdminPanel(person);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('has no access to the admin panel');
    expect(answer.refreshToken).toBeNull();
    expect(await adminUserByEmail(person.email)).toBeNull();
  });

  it('refuses staff whose groups give no admin role', async () => {
    const { person } = await staffWith([]);
    const answer = await signInToAdminPanel(person);
    expect(answer.status).toBe(403);
    expect(await adminUserByEmail(person.email)).toBeNull();
  });

  it('refuses staff whose sign-in used no second factor', async () => {
    // Not staff yet when they signed in at ID (a password alone), staff when they come back.
    const person = await registerPerson(id);
    const group = await staffGroupWith(['strapi-editor']);
    const answer = await signInToAdminPanel(person, {
      beforeCallback: async () => {
        await addStaffMember(id.cms, person.id, { groupIds: [group.id] });
      },
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('requires a second factor');
    expect(answer.refreshToken).toBeNull();
    expect(await adminUserByEmail(person.email)).toBeNull();
  });

  it("gives an editor a normal admin session with the editor's permissions, ended by leaving the group", async () => {
    const { person, member } = await staffWith(['strapi-editor']);
    const answer = await signInToAdminPanel(person);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${id.cms.baseUrl}/admin`);
    expect(answer.accessToken).toBeTruthy();
    expect(answer.refreshToken).toBeTruthy();

    const adminUser = await adminUserByEmail(person.email);
    expect(adminUser).toMatchObject({
      firstname: 'Анна',
      lastname: 'Петровна Кузнецова',
      isActive: true,
      registrationToken: null,
    });
    expect(adminUser.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-editor']);

    const token = answer.accessToken!;
    const me = await id.cms.request('/admin/users/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.data.email).toBe(person.email);
    const permissions = await id.cms.request('/admin/users/me/permissions', { token });
    const editorRole = await id.cms.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    const editorActions = await id.cms.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { id: editorRole.id } }, select: ['action'] });
    expect(new Set(permissions.body.data.map((p: { action: string }) => p.action))).toEqual(
      new Set(editorActions.map((p: { action: string }) => p.action))
    );
    // Settings → Users is not an editor's.
    expect((await id.cms.request('/admin/users', { token })).status).toBe(403);
    expect((await refresh(answer.refreshToken!)).status).toBe(200);

    await updateStaffMember(id.cms, member.id, { groupIds: [] });
    expect(
      await within(60_000, async () => {
        const after = await id.cms.request('/admin/users/me', { token });
        return after.status === 401;
      })
    ).toBe(true);
    expect((await refresh(answer.refreshToken!)).status).toBe(401);
    expect(await adminUserByEmail(person.email)).toMatchObject({ isActive: false, roles: [] });
  }, 90_000);

  it('signs a returning staff member in to the same admin user, with the roles of their groups now', async () => {
    const { person, member } = await staffWith(['strapi-editor']);
    const first = await signInToAdminPanel(person);
    expect(first.status).toBe(303);
    const authors = await createStaffGroup(id.cms, {
      code: 'authors',
      adminRoles: ['strapi-author'],
    });
    await updateStaffMember(id.cms, member.id, { groupIds: [authors.id] });
    // Moved to another group: the same account, narrowed at once to the author's role.
    const moved = await adminUserByEmail(person.email);
    expect(moved.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-author']);
    const again = await signInToAdminPanel(person);
    expect(again.status).toBe(303);
    const adminUsers = await id.cms.strapi.db
      .query('admin::user')
      .findMany({ where: { email: person.email } });
    expect(adminUsers).toHaveLength(1);
  });

  it('ends the admin session of a staff member whose account is blocked, and refuses them after', async () => {
    const { person } = await staffWith(['strapi-editor']);
    const answer = await signInToAdminPanel(person);
    const token = answer.accessToken!;
    expect((await id.cms.request('/admin/users/me', { token })).status).toBe(200);

    await id.cms.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: person.id }, data: { blocked: true } });
    expect(
      await within(60_000, async () => {
        return (await id.cms.request('/admin/users/me', { token })).status === 401;
      })
    ).toBe(true);
    expect((await refresh(answer.refreshToken!)).status).toBe(401);
    // ID itself no longer signs them in, so they never reach the callback.
    const browser = new Browser('en');
    const start = await browser.request(startUrl());
    const atId = await browser.follow(start.location!, () => false);
    const form = readForm(atId.page!.text, /\/login$/);
    const submitted = await browser.request(new URL(form.action, atId.url).href, {
      form: { ...form.fields, email: person.email, password: person.password },
    });
    expect(submitted.location ?? '').not.toContain('/admin/auth/vixenhealth-id/callback');
  }, 90_000);
});

describe('POST /admin/login with ADMIN_PASSWORD_SIGN_IN at its default (first-admin)', () => {
  it('is the default in the plugin config and in cms/config/plugins.ts', async () => {
    expect(ssoConfig.default.adminPasswordSignIn).toBe('first-admin');
    const { readFile } = await import('node:fs/promises');
    const plugins = await readFile(
      new URL('../../../../../cms/config/plugins.ts', import.meta.url),
      'utf8'
    );
    expect(plugins).toContain("env('ADMIN_PASSWORD_SIGN_IN', 'first-admin')");
  });

  it('lets the first super admin in with a password', async () => {
    const login = await id.cms.request('/admin/login', { method: 'POST', body: TEST_ADMIN });
    expect(login.status).toBe(200);
    expect(login.body.data.token).toBeTruthy();
  });

  it('refuses any other admin, even with the right password, telling them to use ID', async () => {
    const role = await id.cms.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-super-admin' } });
    const email = `second-${Date.now()}@test.vixenhealth.local`;
    const password = 'Second-admin-password-1';
    await id.cms.strapi.service('admin::user').create({
      firstname: 'Second',
      email,
      password,
      roles: [role.id],
      isActive: true,
      registrationToken: null,
    });
    const login = await id.cms.request('/admin/login', {
      method: 'POST',
      body: { email, password },
    });
    expect(login.status).toBe(403);
    expect(login.body.error).toMatchObject({
      name: 'ForbiddenError',
      message: expect.stringContaining('VixenHealth ID'),
    });
    expect(login.body.data).toBeNull();
    expect(login.body.error.details).toEqual({ code: 'PASSWORD_SIGN_IN_DISABLED' });
    // Unknown people get the same answer: it tells nothing about who has an account.
    const unknown = await id.cms.request('/admin/login', {
      method: 'POST',
      body: { email: 'nobody@test.vixenhealth.local', password },
    });
    expect(unknown.status).toBe(403);
  });

  it('refuses registration by invitation, which would sign the invitee in with a password', async () => {
    const response = await id.cms.request('/admin/register', {
      method: 'POST',
      body: {
        registrationToken: 'whatever',
        userInfo: { firstname: 'X', password: 'Invitee-password-1' },
      },
    });
    expect(response.status).toBe(403);
  });
});

describe('the admin login page in a browser', () => {
  it('signs a staff editor in through ID with an authenticator code, shows what an editor may use, and signs them out when they leave the group', async () => {
    const { person, member } = await staffWith(['strapi-editor'], 'Ольга Смирнова');
    const base = id.cms.baseUrl;
    chromium = await launchChromium();
    const page = await chromium.newPage({ locale: 'en-US' });
    await page.goto(`${base}/admin/auth/login`);
    const button = page.getByRole('link', { name: /VixenHealth ID/ });
    await expect.poll(() => button.isVisible(), { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: '/tmp/staffadmin-admin-login-with-id.png' });
    await button.click();

    await signInAtId(page, { issuer: id.issuer, portalUrl: `${base}/admin` }, person);
    await page.waitForURL(
      (url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/auth')
    );
    const nav = page.getByRole('navigation').first();
    await expect
      .poll(() => nav.getByRole('link', { name: 'Content Manager' }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await page.screenshot({ path: '/tmp/staffadmin-admin-signed-in-editor.png' });
    // An editor manages content, not the panel's users.
    await page.goto(`${base}/admin/settings/users`);
    await expect
      .poll(
        () =>
          page
            .getByText(/don't have the permissions/i)
            .first()
            .isVisible(),
        {
          timeout: 30_000,
        }
      )
      .toBe(true);
    expect(await page.getByText(TEST_ADMIN.email).count()).toBe(0);
    await page.screenshot({ path: '/tmp/staffadmin-admin-editor-no-users.png' });

    await updateStaffMember(id.cms, member.id, { groupIds: [] });
    // The next navigation finds them signed out: back on the login page.
    expect(
      await within(60_000, async () => {
        await page.goto(`${base}/admin/content-manager`);
        await page.waitForTimeout(1_000);
        return page.url().includes('/admin/auth/login');
      })
    ).toBe(true);
    await page.screenshot({ path: '/tmp/staffadmin-admin-signed-out-after-removal.png' });
  }, 240_000);

  it('shows someone who is not staff, in Russian by default, why they cannot come in', async () => {
    const person = await registerPerson(id);
    const base = id.cms.baseUrl;
    chromium ??= await launchChromium();
    const page = await chromium.newPage({ locale: 'ru-RU' });
    await page.goto(`${base}/admin/auth/login`);
    await page.getByRole('link', { name: /VixenHealth ID/ }).click();
    await signInAtId(page, { issuer: id.issuer, portalUrl: `${base}/admin` }, person);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('нет доступа к панели администратора');
    await page.screenshot({ path: '/tmp/staffadmin-admin-refused.png' });
    await page.getByRole('link', { name: 'Вернуться ко входу в панель администратора' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/auth/login');
  }, 120_000);
});
