import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import Provider from 'oidc-provider';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';
import { PORTAL_CALLBACK } from '@vixenhealth/tooling/testing/relying-party';
import { startOidcUpstream } from '@vixenhealth/tooling/testing/upstreams/oidc';
import {
  upstreamPerson,
  type LocalUpstream,
  type UpstreamPerson,
} from '@vixenhealth/tooling/testing/upstreams/person';
import { startVkUpstream } from '@vixenhealth/tooling/testing/upstreams/vk';
import { startYandexUpstream } from '@vixenhealth/tooling/testing/upstreams/yandex';

const USER = 'plugin::users-permissions.user';
const IDENTITY = 'plugin::sso.external-identity';
const EVENT = 'plugin::sso.login-event';
const SCREENSHOTS = path.resolve(__dirname, '../../../../../.artifacts/screenshots');

let id: IdTest;
const upstreams: Record<string, LocalUpstream> = {};

/** Each provider's id at ID, and whether its answers can vouch for an email at all. */
const PROVIDERS = [
  { id: 'google', verifies: true, canBeUnverified: true },
  { id: 'yandex', verifies: true, canBeUnverified: false },
  { id: 'vk', verifies: false, canBeUnverified: true },
  { id: 'staff', verifies: true, canBeUnverified: true },
] as const;

const db = (uid: string) => id.cms.strapi.db.query(uid);
const identityOf = (provider: string, person: UpstreamPerson) =>
  db(IDENTITY).findOne({ where: { provider, subject: person.subject }, populate: ['user'] });

beforeAll(async () => {
  upstreams.google = await startOidcUpstream(Provider, 'google');
  upstreams.staff = await startOidcUpstream(Provider, 'keycloak', {
    envName: 'STAFF',
    label: 'VixenHealth staff',
    realm: 'vixenhealth',
  });
  upstreams.yandex = await startYandexUpstream();
  upstreams.vk = await startVkUpstream();
  const env = Object.assign({}, ...Object.values(upstreams).map((upstream) => upstream.env));
  id = await startIdTest({ mail: true, env });
  for (const [name, upstream] of Object.entries(upstreams)) {
    upstream.allowRedirect(`${id.issuer}/upstream/${name}/callback`);
  }
  // Booting the CMS on PostgreSQL with every table takes long on a busy machine.
}, 300_000);
afterAll(async () => {
  await id?.stop();
  await Promise.all(Object.values(upstreams).map((upstream) => upstream.stop()));
});

/** Opens the portal's sign-in at ID in `browser`: the sign-in page and how to redeem the code. */
const openSignIn = async (browser: Browser) => {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(id.portal, {
    redirect_uri: PORTAL_CALLBACK,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const start = await browser.follow(url.href, () => false);
  expect(start.page?.status).toBe(200);
  return { verifier, state, url: start.url, html: start.page!.text };
};

const isPortalCallback = (url: string) => url.startsWith(PORTAL_CALLBACK);
const isUpstreamCallback = (url: string) => /\/id\/upstream\/[a-z]+\/callback\?/.test(url);

/** The sign-in page's button for `provider`: its address. */
const buttonHref = (html: string, provider: string, base: string) => {
  const href = new RegExp(`id="upstream-${provider}" href="([^"]+)"`).exec(html)?.[1];
  expect(href, `no ${provider} button`).toBeTruthy();
  return new URL(href!.replace(/&amp;/g, '&'), base).href;
};

/**
 * Signs in to the portal with `provider` as `person`, through the sign-in page's button;
 * returns where the browser stopped: the portal's callback (signed in) or a page of ID's.
 */
const signInWith = async (provider: string, person: UpstreamPerson, browser = new Browser()) => {
  upstreams[provider].signInAs(person);
  const flow = await openSignIn(browser);
  const end = await browser.follow(buttonHref(flow.html, provider, flow.url), isPortalCallback);
  return { ...flow, browser, end };
};

/** Redeems the portal's code: the ID token's claims. */
const idTokenClaims = async (flow: Awaited<ReturnType<typeof signInWith>>, callback: string) => {
  const tokens = await client.authorizationCodeGrant(id.portal, new URL(callback), {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return tokens.claims()!;
};

const signedInClaims = async (provider: string, person: UpstreamPerson) => {
  const flow = await signInWith(provider, person);
  expect(flow.end.page?.text.slice(0, 400) ?? '').toBe('');
  expect(isPortalCallback(flow.end.url)).toBe(true);
  return idTokenClaims(flow, flow.end.url);
};

describe.each(PROVIDERS)('signing in with $id', ({ id: provider, verifies, canBeUnverified }) => {
  it('creates an account for a new person, and signs it in with amr fed', async () => {
    const person = upstreamPerson();
    const flow = await signInWith(provider, person);
    const identity = await identityOf(provider, person);
    expect(identity?.user?.email).toBe(person.email);
    const user = await db(USER).findOne({ where: { email: person.email } });
    if (!verifies) {
      // VK's email is not vouched for: the account waits for the usual verification mail.
      expect(flow.end.page?.status).toBe(200);
      expect(user.confirmed).toBe(false);
      const mail = await id.mail.waitFor(person.email!);
      expect(mail.text).toMatch(/\/id\/verify-email\?token=/);
      return;
    }
    expect(isPortalCallback(flow.end.url)).toBe(true);
    const claims = await idTokenClaims(flow, flow.end.url);
    expect(claims.sub).toBe(user.documentId);
    expect(claims.amr).toEqual(['fed']);
    expect(user.confirmed).toBe(true);
    expect(
      await db(EVENT).findOne({ where: { user: user.id, method: `fed:${provider}` } })
    ).toMatchObject({ outcome: 'success' });
    // The second time, the linked identity signs in to the same account.
    expect((await signedInClaims(provider, person)).sub).toBe(user.documentId);
  });

  it.runIf(verifies)(
    'links to an existing account with the verified email only after its password',
    async () => {
      const owner = await registerPerson(id);
      const person = upstreamPerson({ email: owner.email });
      const flow = await signInWith(provider, person);
      expect(flow.end.page?.status).toBe(200);
      expect(flow.end.page?.text).toContain(owner.email);
      expect(await identityOf(provider, person)).toBeNull();

      const form = readForm(flow.end.page!.text, /\/upstream-confirm$/);
      const wrong = await flow.browser.request(new URL(form.action, flow.end.url).href, {
        form: { ...form.fields, password: 'not-the-password-1' },
      });
      expect(wrong.status).toBe(401);
      expect(await identityOf(provider, person)).toBeNull();

      const right = await flow.browser.request(new URL(form.action, flow.end.url).href, {
        form: { ...form.fields, password: owner.password },
      });
      expect(right.status).toBe(303);
      const end = await flow.browser.follow(right.location!, isPortalCallback);
      const claims = await idTokenClaims(flow, end.url);
      expect(claims.sub).toBe(owner.documentId);
      expect(claims.amr).toEqual(['fed', 'pwd']);
      expect((await identityOf(provider, person))?.user?.id).toBe(owner.id);
      // From now on the provider alone signs in to it.
      const again = await signedInClaims(provider, person);
      expect(again.sub).toBe(owner.documentId);
      expect(again.amr).toEqual(['fed']);
    }
  );

  it.runIf(canBeUnverified)(
    'never links an unverified email to the account that has it',
    async () => {
      const owner = await registerPerson(id);
      const person = upstreamPerson({ email: owner.email, emailVerified: false });
      const flow = await signInWith(provider, person);
      expect(isPortalCallback(flow.end.url)).toBe(false);
      expect(flow.end.page?.status).toBe(409);
      expect(flow.end.page?.text).not.toContain('upstream-confirm');
      expect(await identityOf(provider, person)).toBeNull();
      expect(await db(USER).count({ where: { email: owner.email } })).toBe(1);
    }
  );

  it('links from "my account", unlinks, and then no longer signs in to that account', async () => {
    const owner = await registerPerson(id);
    const browser = new Browser();
    // Sign in to the account pages with the password.
    const start = await browser.follow(`${id.issuer}/account`, () => false);
    const login = readForm(start.page!.text, /\/login$/);
    const submitted = await browser.request(new URL(login.action, start.url).href, {
      form: { ...login.fields, email: owner.email, password: owner.password },
    });
    expect((await browser.follow(submitted.location!, () => false)).url).toBe(
      `${id.issuer}/account`
    );
    const page = await browser.follow(`${id.issuer}/account/linked`, () => false);
    expect(page.url).toBe(`${id.issuer}/account/linked`);

    const person = upstreamPerson();
    upstreams[provider].signInAs(person);
    const linkForm = readForm(page.page!.text, /\/account\/linked\/start$/);
    const formFor = [...page.page!.text.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)]
      .map((match) => match[0])
      .find((markup) => markup.includes(`value="${provider}"`));
    expect(formFor, `no link form for ${provider}`).toBeTruthy();
    const linked = await browser.request(new URL(linkForm.action, page.url).href, {
      form: { ...linkForm.fields, provider },
    });
    const back = await browser.follow(linked.location!, () => false);
    expect(back.url).toBe(`${id.issuer}/account/linked?done=linked`);
    expect((await identityOf(provider, person))?.user?.id).toBe(owner.id);
    if (verifies) expect((await signedInClaims(provider, person)).sub).toBe(owner.documentId);

    const unlinkForm = readForm(back.page!.text, /\/account\/linked\/unlink$/);
    const unlinked = await browser.request(new URL(unlinkForm.action, back.url).href, {
      form: unlinkForm.fields,
    });
    expect(unlinked.location).toBe(`${id.issuer}/account/linked?done=unlinked`);
    expect(await identityOf(provider, person)).toBeNull();

    // Now the same upstream person is a stranger: a new account, never the old one.
    const after = await signInWith(provider, person);
    const identity = await identityOf(provider, person);
    expect(identity?.user?.id).not.toBe(owner.id);
    if (verifies) {
      expect((await idTokenClaims(after, after.end.url)).sub).not.toBe(owner.documentId);
    }
  });

  it('refuses a callback whose state is not this browser’s, writing nothing', async () => {
    const person = upstreamPerson();
    upstreams[provider].signInAs(person);
    const browser = new Browser();
    const flow = await openSignIn(browser);
    const atCallback = await browser.follow(
      buttonHref(flow.html, provider, flow.url),
      isUpstreamCallback
    );
    const forged = new URL(atCallback.url);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    const answer = await browser.request(forged.href);
    expect(answer.status).toBe(400);
    expect(await identityOf(provider, person)).toBeNull();
    expect(await db(USER).count({ where: { email: person.email } })).toBe(0);
    expect(
      await db(EVENT).count({ where: { method: `fed:${provider}`, outcome: 'upstream-refused' } })
    ).toBeGreaterThan(0);
  });

  it('refuses a code issued for another browser’s PKCE challenge', async () => {
    const victim = new Browser();
    const attacker = new Browser();
    const person = upstreamPerson();
    upstreams[provider].signInAs(person);
    const victimFlow = await openSignIn(victim);
    const victimAt = await victim.follow(
      buttonHref(victimFlow.html, provider, victimFlow.url),
      isUpstreamCallback
    );
    const attackerFlow = await openSignIn(attacker);
    const attackerAt = await attacker.follow(
      buttonHref(attackerFlow.html, provider, attackerFlow.url),
      isUpstreamCallback
    );
    // The attacker's code, planted in the victim's callback with the victim's own state.
    const planted = new URL(attackerAt.url);
    planted.searchParams.set('state', new URL(victimAt.url).searchParams.get('state')!);
    const answer = await victim.request(planted.href);
    expect(answer.status).toBe(400);
    expect(await identityOf(provider, person)).toBeNull();
  });
});

describe('confirming a link by mail', () => {
  it('links after the mailed link is opened in the same browser, then signs in', async () => {
    const owner = await registerPerson(id);
    const person = upstreamPerson({ email: owner.email });
    const flow = await signInWith('google', person);
    const form = readForm(flow.end.page!.text, /\/upstream-confirm-mail$/);
    const sent = await flow.browser.request(new URL(form.action, flow.end.url).href, {
      form: form.fields,
    });
    expect(sent.status).toBe(200);
    expect(await identityOf('google', person)).toBeNull();
    const mail = await id.mail.waitFor(owner.email);
    const link = /(https?:\/\/\S+\/upstream\/confirm\?token=\S+)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeTruthy();
    // Another browser holding the link cannot use it.
    expect((await new Browser().request(link!)).status).toBe(400);
    const end = await flow.browser.follow(link!, isPortalCallback);
    const claims = await idTokenClaims(flow, end.url);
    expect(claims.sub).toBe(owner.documentId);
    expect((await identityOf('google', person))?.user?.id).toBe(owner.id);
  });
});

describe('the last way in', () => {
  it('refuses to unlink the only identity of an account without a password', async () => {
    const person = upstreamPerson();
    const flow = await signInWith('yandex', person);
    expect(isPortalCallback(flow.end.url)).toBe(true);
    // The same browser is signed in to ID: open the linked accounts page.
    const page = await flow.browser.follow(`${id.issuer}/account/linked`, () => false);
    expect(page.url).toBe(`${id.issuer}/account/linked`);
    const unlinkForm = readForm(page.page!.text, /\/account\/linked\/unlink$/);
    const answer = await flow.browser.request(new URL(unlinkForm.action, page.url).href, {
      form: unlinkForm.fields,
    });
    expect(answer.location).toBe(`${id.issuer}/account/linked?refused=last-way-in`);
    expect(await identityOf('yandex', person)).not.toBeNull();
  });

  it('refuses an unlink form without its CSRF token', async () => {
    const person = upstreamPerson();
    const flow = await signInWith('google', person);
    const page = await flow.browser.follow(`${id.issuer}/account/linked`, () => false);
    const unlinkForm = readForm(page.page!.text, /\/account\/linked\/unlink$/);
    const answer = await flow.browser.request(new URL(unlinkForm.action, page.url).href, {
      form: { ...unlinkForm.fields, csrf: 'forged' },
    });
    expect(answer.status).toBe(403);
    expect(await identityOf('google', person)).not.toBeNull();
  });
});

describe('in a real browser', () => {
  it('signs in through the Google button and shows the linked accounts', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const chromium = await launchChromium();
    try {
      const page = await chromium.newPage({ locale: 'ru-RU' });
      await page.route(`${PORTAL_CALLBACK}**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/plain', body: 'portal' })
      );
      const person = upstreamPerson();
      upstreams.google.signInAs(person);
      const url = client.buildAuthorizationUrl(id.portal, {
        redirect_uri: PORTAL_CALLBACK,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      });
      await page.goto(url.href);
      await page.locator('#upstream-google').waitFor();
      for (const name of ['google', 'yandex', 'vk', 'staff']) {
        await expect(page.locator(`#upstream-${name}`).count()).resolves.toBe(1);
      }
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'upstream-sign-in.png'),
        fullPage: true,
      });
      await page.locator('#upstream-google').click();
      await page.waitForURL((current) => current.href.startsWith(PORTAL_CALLBACK));

      await page.goto(`${id.issuer}/account`);
      await page.locator('#linked-accounts').click();
      await page.waitForURL(`${id.issuer}/account/linked`);
      await expect(page.locator('#linked-list li').count()).resolves.toBe(1);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'upstream-linked.png'),
        fullPage: true,
      });
      await page.locator('#link-vk').waitFor();
    } finally {
      await chromium.close();
    }
  });
});
