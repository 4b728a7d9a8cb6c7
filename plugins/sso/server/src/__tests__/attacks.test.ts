import { createHmac, randomUUID } from 'node:crypto';

import * as client from 'openid-client';
import { SignJWT, decodeJwt, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser } from '@vixenhealth/tooling/lib/browser';
import {
  discover,
  PORTAL_CALLBACK,
  signInThroughForm,
} from '@vixenhealth/tooling/testing/relying-party';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

const PATIENT = { email: 'patient@demo.vixenhealth.local', password: 'Demo-user-password-1' };

let cms: TestCms;
let issuer: string;
let portal: client.Configuration;
let genuine: string;
let signingKey: JWK;

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token signed with ID's real ES256 key, with the claims given. */
const signWithRealKey = async (claims: JWTPayload) =>
  new SignJWT({ ...decodeJwt(genuine), ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'at+jwt' })
    .sign(await importJWK(signingKey, 'ES256'));

/** GET /api/users/me: only a signed-in user may call it. */
const me = (token: string) => cms.request('/api/users/me', { token });

beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
  issuer = `${cms.baseUrl}/id`;
  portal = await discover(issuer, 'portal');
  const flow = await signInThroughForm(portal, PATIENT);
  genuine = (
    await client.authorizationCodeGrant(portal, flow.callback!, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
    })
  ).access_token;
  const { keys } = await cms.strapi.plugin('sso').service('signing-keys').providerJwks();
  signingKey = keys.find((key: JWK) => key.alg === 'ES256');
});
afterAll(async () => cms?.stop());

describe('the Content API with ID access tokens', () => {
  it('accepts a genuine token as the user it names', async () => {
    const { status, body } = await me(genuine);
    expect(status).toBe(200);
    expect(body.email).toBe(PATIENT.email);
  });

  it('is tested with a forging key that really is ID’s', async () => {
    expect((await me(await signWithRealKey({}))).status).toBe(200);
  });

  it.each([
    [
      'alg "none"',
      async () => `${base64url({ alg: 'none', typ: 'at+jwt' })}.${genuine.split('.')[1]}.`,
    ],
    [
      'HS256 signed with the public key',
      async () => {
        const { d: _d, ...publicJwk } = signingKey;
        const header = base64url({ alg: 'HS256', typ: 'at+jwt', kid: signingKey.kid });
        const payload = genuine.split('.')[1];
        const mac = createHmac('sha256', JSON.stringify(publicJwk)).update(`${header}.${payload}`);
        return `${header}.${payload}.${mac.digest('base64url')}`;
      },
    ],
    ['a wrong issuer', () => signWithRealKey({ iss: 'https://evil.example/id' })],
    ['a wrong audience', () => signWithRealKey({ aud: 'https://other-api.example' })],
    ['an expired token', () => signWithRealKey({ iat: 1_000_000, exp: 1_000_600 })],
    [
      'a tampered payload',
      async () => {
        const [header, payload, signature] = genuine.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `${header}.${base64url({ ...claims, roles: ['staff'] })}.${signature}`;
      },
    ],
    [
      'an unknown key id',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return new SignJWT(decodeJwt(genuine))
          .setProtectedHeader({ alg: 'ES256', kid: randomUUID(), typ: 'at+jwt' })
          .sign(privateKey);
      },
    ],
    [
      'a wrong typ',
      async () => {
        return new SignJWT(decodeJwt(genuine))
          .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
          .sign(await importJWK(signingKey, 'ES256'));
      },
    ],
  ])('refuses %s', async (_case, forge) => {
    const { status } = await me(await forge());
    expect(status).toBe(401);
  });

  it('keeps public reads open to anyone', async () => {
    expect((await cms.request('/api/clinics')).status).toBe(200);
  });
});

describe('the authorization endpoint', () => {
  const authorize = async (browser: Browser, params: Record<string, string>) => {
    const url = client.buildAuthorizationUrl(portal, {
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      ...params,
    });
    return browser.request(url.href);
  };

  it('never redirects to a URI that is not registered exactly', async () => {
    for (const redirectUri of [
      'https://evil.example/auth/callback',
      `${PORTAL_CALLBACK}/extra`,
      'http://localhost:4321/auth/callback?x=1',
    ]) {
      const answer = await authorize(new Browser(), { redirect_uri: redirectUri });
      expect(answer.status, redirectUri).toBe(400);
      expect(answer.location, redirectUri).toBeNull();
    }
  });

  it('requires PKCE', async () => {
    const url = new URL(`${issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: 'portal',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: PORTAL_CALLBACK,
    }).toString();
    const answer = await new Browser().request(url.href);
    expect(answer.location).toContain('error=invalid_request');
  });
});

describe('the token endpoint', () => {
  it('refuses a code used twice', async () => {
    const flow = await signInThroughForm(portal, PATIENT);
    const options = { pkceCodeVerifier: flow.verifier, expectedState: flow.state };
    await client.authorizationCodeGrant(portal, flow.callback!, options);
    await expect(
      client.authorizationCodeGrant(portal, flow.callback!, options)
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong PKCE verifier', async () => {
    const flow = await signInThroughForm(portal, PATIENT);
    await expect(
      client.authorizationCodeGrant(portal, flow.callback!, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: flow.state,
      })
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
