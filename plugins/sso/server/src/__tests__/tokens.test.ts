import * as client from 'openid-client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import {
  discover,
  PORTAL_CALLBACK,
  signInThroughForm,
} from '@vixenhealth/tooling/testing/relying-party';

const PATIENT = { email: 'patient@demo.vixenhealth.local', password: 'Demo-user-password-1' };

let id: IdTest;
let issuer: string;
let portal: client.Configuration;

const signIn = async (scope?: string, browser?: Browser) => {
  const flow = await signInThroughForm(portal, PATIENT, { scope, browser });
  const tokens = await client.authorizationCodeGrant(portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return { tokens, flow };
};

/** The OAuth error code of a failed openid-client call. */
const oauthError = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    const failure = error as {
      error?: string;
      error_description?: string;
      cause?: { parameters?: { error?: string } }[];
    };
    // A 401 comes as a WWW-Authenticate challenge carrying the error code.
    return failure.error ?? failure.cause?.[0]?.parameters?.error ?? (error as Error).message;
  }
  throw new Error('expected the call to fail');
};

beforeAll(async () => {
  id = await startIdTest();
  ({ issuer, portal } = id);
});
afterAll(async () => id?.stop());

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new refresh token and a fresh access token', async () => {
    const { tokens } = await signIn();
    const refreshed = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwt(refreshed.access_token).sub).toBe(decodeJwt(tokens.access_token).sub);
  });

  it('reusing an old refresh token revokes the whole family', async () => {
    const { tokens } = await signIn();
    const first = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(await oauthError(client.refreshTokenGrant(portal, tokens.refresh_token!))).toBe(
      'invalid_grant'
    );
    // The thief's reuse also ended the legitimate holder's newer token.
    expect(await oauthError(client.refreshTokenGrant(portal, first.refresh_token!))).toBe(
      'invalid_grant'
    );
  });
});

describe('client credentials', () => {
  it('gives the demo service a short-lived JWT for the API', async () => {
    const service = await discover(issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
    const tokens = await client.clientCredentialsGrant(service, { scope: 'api' });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({
      iss: issuer,
      sub: 'demo-service',
      client_id: 'demo-service',
      aud: 'https://api.vixenhealth.ru',
    });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(600);
  });

  it('refuses a wrong secret', async () => {
    const service = await discover(issuer, 'demo-service', 'wrong-secret');
    expect(await oauthError(client.clientCredentialsGrant(service, { scope: 'api' }))).toBe(
      'invalid_client'
    );
  });

  it('is not open to public clients', async () => {
    expect(await oauthError(client.clientCredentialsGrant(portal, { scope: 'api' }))).toMatch(
      /unauthorized_client|invalid_request/
    );
  });
});

describe('userinfo, introspection and revocation', () => {
  it('answers userinfo for a token without the API scope', async () => {
    const { tokens } = await signIn('openid email profile');
    const claims = decodeJwt(tokens.id_token!);
    const userinfo = await client.fetchUserInfo(portal, tokens.access_token, String(claims.sub));
    expect(userinfo).toMatchObject({ sub: claims.sub, email: PATIENT.email });
  });

  it('introspects and revokes a refresh token', async () => {
    const { tokens } = await signIn();
    const service = await discover(issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
    expect((await client.tokenIntrospection(portal, tokens.refresh_token!)).active).toBe(true);
    await client.tokenRevocation(portal, tokens.refresh_token!);
    expect((await client.tokenIntrospection(portal, tokens.refresh_token!)).active).toBe(false);
    expect(await oauthError(client.refreshTokenGrant(portal, tokens.refresh_token!))).toBe(
      'invalid_grant'
    );
    expect(service).toBeTruthy();
  });
});

describe('sign-out (RP-initiated logout)', () => {
  it('ends the session: the next sign-in asks for the password again', async () => {
    const browser = new Browser();
    const { tokens } = await signIn(undefined, browser);
    // Signed in: a second authorization needs no form.
    const again = await signInThroughForm(portal, PATIENT, { browser });
    expect(again.callback).not.toBeNull();

    const logoutUrl = client.buildEndSessionUrl(portal, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://localhost:4321/',
    });
    const confirm = await browser.request(logoutUrl.href);
    expect(confirm.text).toContain('Sign out of VixenHealth?');
    expect(confirm.headers.get('content-security-policy')).toContain("default-src 'none'");
    const form = readForm(confirm.text, /\/session\/end\/confirm$/);
    const done = await browser.request(new URL(form.action, logoutUrl).href, {
      form: { ...form.fields, logout: 'yes' },
    });
    expect(done.location).toBe('http://localhost:4321/');

    const afterLogout = await browser.follow(
      client.buildAuthorizationUrl(portal, {
        redirect_uri: PORTAL_CALLBACK,
        scope: 'openid',
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      }).href,
      (url) => url.startsWith(PORTAL_CALLBACK)
    );
    expect(afterLogout.page?.text).toContain('name="password"');
  });
});
