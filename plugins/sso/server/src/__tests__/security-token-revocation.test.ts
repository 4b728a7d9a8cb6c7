import * as client from 'openid-client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

import { createAccessTokenVerifier } from '../../../verify/src';

const PATIENT = { email: 'patient@demo.vixenhealth.local', password: 'Demo-user-password-1' };
const REVOCATION = 'plugin::sso.token-revocation';
/** How often each node reads the revocations others wrote, in this test (ID_REVOCATION_POLL_MS). */
const POLL_MS = 200;

let id: IdTest;

/** Signs the demo patient in to the portal (default scope: `api` and `offline_access`). */
const signIn = async (browser = new Browser()) => {
  const flow = await signInThroughForm(id.portal, PATIENT, { browser });
  const tokens = await client.authorizationCodeGrant(id.portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return { tokens, flow };
};

/** GET /api/reviews/mine: only a signed-in user may call it. */
const reviewsMine = async (token: string) =>
  (await id.cms.request('/api/reviews/mine', { token })).status;

/** A signed-in user's JWT that the API accepts now. */
const workingToken = async (browser?: Browser) => {
  const session = await signIn(browser);
  expect(await reviewsMine(session.tokens.access_token)).toBe(200);
  return session;
};

/** Polls `check` until it holds or `withinMs` pass; the time it took, or null. */
const holdsWithin = async (check: () => Promise<boolean>, withinMs: number) => {
  const started = Date.now();
  while (Date.now() - started <= withinMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
};

beforeAll(async () => {
  id = await startIdTest({ env: { ID_REVOCATION_POLL_MS: String(POLL_MS) } });
});
afterAll(async () => id?.stop());

describe('an API access token (JWT) is refused at once', () => {
  it('after it is revoked at /id/token/revocation', async () => {
    const { tokens } = await workingToken();
    await client.tokenRevocation(id.portal, tokens.access_token, {
      token_type_hint: 'access_token',
    });
    expect(await reviewsMine(tokens.access_token)).toBe(401);
  });

  it('after the user signs out (RP-initiated logout), offline_access notwithstanding', async () => {
    const browser = new Browser();
    const { tokens } = await workingToken(browser);
    const logoutUrl = client.buildEndSessionUrl(id.portal, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://localhost:4321/',
    });
    const confirm = await browser.request(logoutUrl.href);
    const form = readForm(confirm.text, /\/session\/end\/confirm$/);
    const done = await browser.request(new URL(form.action, logoutUrl).href, {
      form: { ...form.fields, logout: 'yes' },
    });
    expect(done.location).toBe('http://localhost:4321/');

    expect(await reviewsMine(tokens.access_token)).toBe(401);
    await expect(client.refreshTokenGrant(id.portal, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('after a used refresh token is presented again (the whole family)', async () => {
    const { tokens } = await workingToken();
    const rotated = await client.refreshTokenGrant(id.portal, tokens.refresh_token!);
    expect(await reviewsMine(rotated.access_token)).toBe(200);
    await expect(client.refreshTokenGrant(id.portal, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await reviewsMine(tokens.access_token)).toBe(401);
    expect(await reviewsMine(rotated.access_token)).toBe(401);
  });

  it('after its authorization code is redeemed a second time', async () => {
    const { tokens, flow } = await workingToken();
    await expect(
      client.authorizationCodeGrant(id.portal, flow.callback!, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
      })
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await reviewsMine(tokens.access_token)).toBe(401);
  });

  it('after "sign out everywhere" on the account pages', async () => {
    const browser = new Browser('en');
    const { tokens } = await workingToken(browser);
    const account = await browser.follow(`${id.issuer}/account`, () => false);
    expect(account.page?.status).toBe(200);
    const form = readForm(account.page!.text, /\/account\/sign-out-everywhere$/);
    const answer = await browser.request(new URL(form.action, account.url).href, {
      form: form.fields,
    });
    expect(answer.status).toBe(200);
    expect(await reviewsMine(tokens.access_token)).toBe(401);
  });
});

describe('revocation is not for anyone to use', () => {
  it('another client cannot revoke a user’s token', async () => {
    const { tokens } = await workingToken();
    const service = await discover(id.issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
    await expect(
      client.tokenRevocation(service, tokens.access_token, { token_type_hint: 'access_token' })
    ).rejects.toMatchObject({ error: 'invalid_request' });
    expect(await reviewsMine(tokens.access_token)).toBe(200);
  });

  it('a token never revoked keeps working', async () => {
    const { tokens } = await workingToken();
    await client.tokenRevocation(id.portal, (await signIn()).tokens.access_token);
    expect(await reviewsMine(tokens.access_token)).toBe(200);
  });
});

describe('every CMS node learns a revocation', () => {
  it(`within the poll interval when another node wrote it to the shared database`, async () => {
    const { tokens } = await workingToken();
    const { jti, exp } = decodeJwt(tokens.access_token);
    // What another node on the same database writes when the token is revoked there.
    await id.cms.strapi.db.query(REVOCATION).create({
      data: { kind: 'jti', value: jti, expiresAt: new Date(exp! * 1000) },
    });
    const took = await holdsWithin(
      async () => (await reviewsMine(tokens.access_token)) === 401,
      POLL_MS * 5
    );
    expect(took).not.toBeNull();
  });
});

describe('the published list', () => {
  it('names revoked tokens by jti and grant reference until they expire, nothing more', async () => {
    const { tokens } = await workingToken();
    await client.tokenRevocation(id.portal, tokens.refresh_token!);
    const { jti, gid } = decodeJwt(tokens.access_token) as { jti: string; gid: string };
    const { status, body } = await id.cms.request(`/id/revocations`);
    expect(status).toBe(200);
    const grant = body.revoked.find((entry: { gid?: string }) => entry.gid === gid);
    expect(grant).toBeTruthy();
    expect(grant.exp * 1000).toBeGreaterThan(Date.now());
    expect(Object.keys(grant).sort()).toEqual(['exp', 'gid']);
    expect(JSON.stringify(body)).not.toContain(PATIENT.email);
    expect(body.revoked.some((entry: { jti?: string }) => entry.jti === jti)).toBe(false);
    expect(await reviewsMine(tokens.access_token)).toBe(401);
  });

  it('forgets entries once the tokens they name have expired', async () => {
    await id.cms.strapi.db.query(REVOCATION).create({
      data: { kind: 'jti', value: 'long-expired', expiresAt: new Date(Date.now() - 1000) },
    });
    await id.cms.strapi.plugin('sso').service('token-revocations').prune();
    expect(
      await id.cms.strapi.db.query(REVOCATION).count({ where: { value: 'long-expired' } })
    ).toBe(0);
  });
});

describe('a service that verifies tokens offline', () => {
  const verifierFor = (options: { revocationListUri?: string } = {}) =>
    createAccessTokenVerifier({
      issuer: id.issuer,
      audience: 'https://api.vixenhealth.ru',
      revocationListMaxAge: 0,
      ...options,
    });

  it('refuses a revoked token when it reads the published list', async () => {
    const verifier = verifierFor({ revocationListUri: `${id.issuer}/revocations` });
    const { tokens } = await workingToken();
    await expect(verifier.verify(tokens.access_token)).resolves.toBeTruthy();
    await client.tokenRevocation(id.portal, tokens.refresh_token!);
    await expect(verifier.verify(tokens.access_token)).rejects.toMatchObject({
      code: 'ERR_VH_TOKEN_REVOKED',
    });
  });

  it('accepts it until it expires when it does not (what the README warns of)', async () => {
    const { tokens } = await workingToken();
    await client.tokenRevocation(id.portal, tokens.access_token);
    await expect(verifierFor().verify(tokens.access_token)).resolves.toBeTruthy();
  });
});
