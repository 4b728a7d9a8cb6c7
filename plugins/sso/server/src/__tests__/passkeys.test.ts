import { randomBytes } from 'node:crypto';

import * as client from 'openid-client';
import type { Browser as Chromium, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { PORTAL_CALLBACK } from '@vixenhealth/tooling/testing/relying-party';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

const USER = 'plugin::users-permissions.user';
const PASSKEY = 'plugin::sso.passkey';
const CHALLENGE = 'plugin::sso.passkey-challenge';
const EVENT = 'plugin::sso.login-event';
const PASSWORD = 'Correct-horse-battery-9';
const SCREENSHOTS = process.env.PASSKEY_SCREENSHOTS ?? '/tmp';

let id: IdTest;
let cms: TestCms;
let issuer: string;
let chromium: Chromium;

interface TestUser {
  id: number;
  documentId: string;
  email: string;
  password: string;
}

const db = (uid: string) => cms.strapi.db.query(uid);

const newUser = async (label: string): Promise<TestUser> => {
  const email = `${label}-${randomBytes(4).toString('hex')}@example.ru`;
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
 * A browser of its own with a platform authenticator (Chrome's virtual one, through CDP) that
 * holds discoverable credentials and verifies the user: what a phone or laptop with a
 * fingerprint reader offers. `synced` makes its passkeys backed up (a cloud keychain's).
 */
const browserWithAuthenticator = async ({ synced = false } = {}) => {
  const context = await chromium.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      defaultBackupEligibility: synced,
      defaultBackupState: synced,
    },
  });
  return { context, page, cdp, authenticatorId };
};

const credentialsIn = async (cdp: CDPSession, authenticatorId: string) =>
  (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

/** Signs in to the account pages with the password form, as anyone would. */
const signInWithPassword = async (page: Page, user: TestUser) => {
  await page.goto(`${issuer}/account`);
  await page.waitForURL(/\/interaction\//);
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.locator('form[action$="/login"] button[type="submit"]').click();
  await page.waitForURL(`${issuer}/account`);
};

const addPasskey = async (page: Page, label: string, password = PASSWORD) => {
  await page.goto(`${issuer}/account/passkeys`);
  await page.locator('#passkey-label').fill(label);
  await page.locator('#passkey-password').fill(password);
  await page.locator('#add-passkey-form button[type="submit"]').click();
};

/** Starts the portal's sign-in (code + PKCE) in `page`; returns what redeeming needs. */
const startPortalSignIn = async (page: Page) => {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(id.portal, {
    redirect_uri: PORTAL_CALLBACK,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  await page.goto(url.href);
  await page.waitForURL(/\/interaction\//);
  return { verifier, state };
};

/**
 * Clicks "Sign in with a passkey" and returns the callback URL ID sends the browser to (the
 * portal does not run in these tests, so the browser's request to it is only watched).
 */
const passkeySignIn = async (page: Page) => {
  const callback = page.waitForRequest((request) => request.url().startsWith(PORTAL_CALLBACK));
  await page.locator('#passkey-sign-in-button').click();
  return (await callback).url();
};

const redeem = async (callback: string, flow: { verifier: string; state: string }) =>
  client.authorizationCodeGrant(id.portal, new URL(callback), {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });

const textOf = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent()) ?? '';

/** Forgets the ID session of this browser: the authenticator keeps its passkeys. */
const signOut = (context: BrowserContext) => context.clearCookies();

beforeAll(async () => {
  id = await startIdTest({ hostname: 'localhost' });
  ({ cms, issuer } = id);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await id?.stop();
});

describe('registering a passkey and signing in with it', () => {
  it('adds a passkey on the account page, then signs in with it alone: amr hwk, user, mfa', async () => {
    const user = await newUser('passkey');
    const { context, page, cdp, authenticatorId } = await browserWithAuthenticator();
    await signInWithPassword(page, user);
    expect(await page.locator(`a[href="/id/account/passkeys"]`).count()).toBe(1);
    await page.goto(`${issuer}/account/passkeys`);
    expect(await textOf(page, '#passkey-list')).toContain('You have no passkeys yet.');
    // The script found WebAuthn: the form replaces the explanation.
    await page.locator('#passkey-needs-script').waitFor({ state: 'hidden' });
    await page.locator('#add-passkey-form').waitFor({ state: 'visible' });

    await addPasskey(page, 'Work laptop');
    await page.waitForURL(`${issuer}/account/passkeys?done=added`);
    expect(await textOf(page, '.notice')).toContain('The passkey is added');
    expect(await page.locator('#passkey-list h3').allTextContents()).toEqual(['Work laptop']);
    await page.screenshot({ path: `${SCREENSHOTS}/passkeys-page.png`, fullPage: true });

    const [held] = await credentialsIn(cdp, authenticatorId);
    expect(held.isResidentCredential).toBe(true);
    const rows = await db(PASSKEY).findMany({ where: { user: { id: user.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      credentialId: held.credentialId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
      label: 'Work laptop',
      deviceType: 'singleDevice',
      backedUp: false,
      lastUsedAt: null,
    });
    // The user handle the authenticator keeps is the account's subject.
    expect(Buffer.from(held.userHandle!, 'base64').toString()).toBe(user.documentId);

    await signOut(context);
    const flow = await startPortalSignIn(page);
    await page.locator('#passkey-sign-in').waitFor({ state: 'visible' });
    expect(await page.locator('#password').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/passkeys-sign-in.png`, fullPage: true });
    const tokens = await redeem(await passkeySignIn(page), flow);
    const claims = tokens.claims()!;
    expect(claims.sub).toBe(user.documentId);
    expect(claims.amr).toEqual(['hwk', 'user', 'mfa']);
    const [used] = await db(PASSKEY).findMany({ where: { user: { id: user.id } } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(Number(used.counter)).toBeGreaterThan(0);
    const events = await db(EVENT).findMany({
      where: { user: { id: user.id }, method: 'passkey' },
    });
    expect(events.map((event: { outcome: string }) => event.outcome)).toEqual(['success']);
    await context.close();
  });

  it('says swk for a synced (backed-up) passkey', async () => {
    const user = await newUser('synced');
    const { context, page } = await browserWithAuthenticator({ synced: true });
    await signInWithPassword(page, user);
    await addPasskey(page, 'Phone');
    await page.waitForURL(/done=added/);
    expect(await textOf(page, '#passkey-list')).toContain('Synced between your devices');

    await signOut(context);
    const flow = await startPortalSignIn(page);
    expect((await redeem(await passkeySignIn(page), flow)).claims()!.amr).toEqual([
      'swk',
      'user',
      'mfa',
    ]);
    await context.close();
  });

  it('asks for the password before adding one, and adds nothing without it', async () => {
    const user = await newUser('no-password');
    const { context, page, cdp, authenticatorId } = await browserWithAuthenticator();
    await signInWithPassword(page, user);
    await addPasskey(page, 'Laptop', 'Wrong-password-1');
    await page.locator('#passkey-error').waitFor({ state: 'visible' });
    expect(await textOf(page, '#passkey-error')).toBe('The password is incorrect.');
    expect(await credentialsIn(cdp, authenticatorId)).toHaveLength(0);
    expect(await db(PASSKEY).count({ where: { user: { id: user.id } } })).toBe(0);
    await context.close();
  });
});

describe('refusing passkeys that must not sign in', () => {
  it('refuses a removed passkey with a clear message on the sign-in page', async () => {
    const user = await newUser('removed');
    const { context, page } = await browserWithAuthenticator();
    await signInWithPassword(page, user);
    await addPasskey(page, 'Old key');
    await page.waitForURL(/done=added/);
    const [row] = await db(PASSKEY).findMany({ where: { user: { id: user.id } } });
    await page.locator(`#passkey-${row.id}-password`).fill(PASSWORD);
    const removal = page.waitForResponse((response) => response.url().endsWith('/remove'));
    await page.locator(`#passkey-${row.id} button.danger`).click();
    const removed = await removal;
    expect(removed.status()).toBe(303);
    await page.waitForURL(/done=removed/);
    expect(await textOf(page, '#passkey-list')).toContain('You have no passkeys yet.');
    expect(await db(PASSKEY).count({ where: { id: row.id } })).toBe(0);

    await signOut(context);
    await startPortalSignIn(page);
    await page.locator('#passkey-sign-in-button').click();
    await page.locator('#passkey-error').waitFor({ state: 'visible' });
    expect(await textOf(page, '#passkey-error')).toContain(
      'This passkey is not registered with VixenHealth ID'
    );
    expect(page.url()).toMatch(/\/interaction\//);
    const failures = await db(EVENT).count({
      where: { method: 'passkey', outcome: 'bad-credentials', user: null },
    });
    expect(failures).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('refuses an assertion replayed with its challenge: each challenge is used once', async () => {
    const user = await newUser('replay');
    const { context, page } = await browserWithAuthenticator();
    await signInWithPassword(page, user);
    await addPasskey(page, 'Key');
    await page.waitForURL(/done=added/);
    await signOut(context);
    await startPortalSignIn(page);

    // The browser's assertion is kept and never reaches ID; it is then sent twice, with the
    // browser's cookies (its challenge's among them).
    let captured: { url: string; body: string; cookie: string } | null = null;
    await page.route('**/passkey/verify', async (route) => {
      const headers = await route.request().allHeaders();
      captured = {
        url: route.request().url(),
        body: route.request().postData()!,
        cookie: headers.cookie,
      };
      await route.abort();
    });
    await page.locator('#passkey-sign-in-button').click();
    await expect.poll(() => captured).not.toBeNull();
    const send = () =>
      fetch(captured!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: captured!.cookie },
        body: captured!.body,
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect((await first.json()).redirectTo).toMatch(/\/id\/auth\//);
    const second = await send();
    expect(second.status).toBe(400);
    expect((await second.json()).error.code).toBe('ERR_PASSKEY_CHALLENGE');
    const successes = await db(EVENT).count({
      where: { user: { id: user.id }, method: 'passkey', outcome: 'success' },
    });
    expect(successes).toBe(1);
    expect(await db(CHALLENGE).count({ where: { purpose: { $startsWith: 'sign-in:' } } })).toBe(0);
    await context.close();
  });
});

describe('another user', () => {
  it('neither sees, renames nor removes someone else’s passkey (404)', async () => {
    const owner = await newUser('owner');
    const { context, page } = await browserWithAuthenticator();
    await signInWithPassword(page, owner);
    await addPasskey(page, 'Owner key');
    await page.waitForURL(/done=added/);
    await context.close();
    const [row] = await db(PASSKEY).findMany({ where: { user: { id: owner.id } } });

    const other = await newUser('other');
    const browser = new Browser('en');
    const start = await browser.follow(`${issuer}/account/passkeys`, () => false);
    const login = readForm(start.page!.text, /\/login$/);
    const submitted = await browser.request(new URL(login.action, start.url).href, {
      form: { ...login.fields, email: other.email, password: other.password },
    });
    await browser.follow(submitted.location!, () => false);
    const mine = await browser.follow(`${issuer}/account/passkeys`, () => false);
    expect(mine.url).toBe(`${issuer}/account/passkeys`);
    expect(mine.page!.text).toContain('You have no passkeys yet.');
    expect(mine.page!.text).not.toContain('Owner key');

    const csrf = /data-csrf="([^"]+)"/.exec(mine.page!.text)![1];
    const remove = await browser.request(`${issuer}/account/passkeys/remove`, {
      form: { csrf, id: String(row.id), password: other.password },
    });
    expect(remove.status).toBe(404);
    expect(remove.text).toContain('There is no such passkey in your account.');
    const rename = await browser.request(`${issuer}/account/passkeys/rename`, {
      form: { csrf, id: String(row.id), label: 'Mine now' },
    });
    expect(rename.status).toBe(404);
    expect(await db(PASSKEY).findOne({ where: { id: row.id } })).toMatchObject({
      label: 'Owner key',
    });
  });
});

describe('the sign-in page without script', () => {
  it('is the password form, the passkey button hidden, scripts only from ID’s assets', async () => {
    const browser = new Browser('en');
    const flow = client.buildAuthorizationUrl(id.portal, {
      redirect_uri: PORTAL_CALLBACK,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const start = await browser.follow(flow.href, () => false);
    const text = start.page!.text;
    expect(readForm(text, /\/login$/).fields).toHaveProperty('csrf');
    expect(text).toMatch(/<div\s+id="passkey-sign-in"\s+hidden\s/);
    expect(text).toContain(`<script type="module" src="${issuer}/assets/passkeys.js"></script>`);
    const csp = start.page!.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src ${issuer}/assets/`);
    expect(csp).toContain("connect-src 'self'");

    const script = await fetch(`${issuer}/assets/passkeys.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("import './webauthn-browser.js'");
    const library = await fetch(`${issuer}/assets/webauthn-browser.js`);
    expect(await library.text()).toContain('SimpleWebAuthnBrowser');
  });
});

describe('throttling failed passkey assertions', () => {
  it('counts them like wrong passwords: after the free failures, refused with 429', async () => {
    const browser = new Browser('en');
    const authorization = client.buildAuthorizationUrl(id.portal, {
      redirect_uri: PORTAL_CALLBACK,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const start = await browser.follow(authorization.href, () => false);
    const attribute = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(start.page!.text)![1];
    const csrf = attribute('data-csrf');
    const optionsUrl = new URL(attribute('data-options-url'), start.url).href;
    const verifyUrl = new URL(attribute('data-verify-url'), start.url).href;
    // A credential no account has: every attempt with it is a failure.
    const credentialId = randomBytes(32).toString('base64url');
    const forged = JSON.stringify({
      id: credentialId,
      rawId: credentialId,
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
      clientExtensionResults: {},
    });
    const attempt = async () => {
      const options = await browser.request(optionsUrl, { form: { csrf } });
      expect(options.status).toBe(200);
      const verify = await browser.request(verifyUrl, { form: { csrf, response: forged } });
      return { status: verify.status, body: JSON.parse(verify.text) };
    };

    for (let failure = 1; failure <= 4; failure += 1) {
      const refused = await attempt();
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('ERR_PASSKEY_UNKNOWN');
    }
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(throttled.body.error).toMatchObject({ code: 'ERR_PASSKEY_THROTTLED' });
    expect(throttled.body.error.message).toMatch(/Try again in \d+ seconds/);

    const missingCsrf = await browser.request(verifyUrl, { form: { response: forged } });
    expect(missingCsrf.status).toBe(403);
    expect(JSON.parse(missingCsrf.text).error.code).toBe('ERR_PASSKEY_CSRF');
  });
});
