import * as client from 'openid-client';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

const PATIENT = { email: 'patient@demo.vixenhealth.local', password: 'Demo-user-password-1' };
const OWNER = { email: 'owner@demo.vixenhealth.local', password: 'Demo-user-password-1' };

let id: IdTest;
let issuer: string;
let portal: client.Configuration;

beforeAll(async () => {
  id = await startIdTest();
  ({ issuer, portal } = id);
});
afterAll(async () => id?.stop());

describe('authorization code + PKCE through the sign-in form', () => {
  it('signs the demo patient in and issues an RFC 9068 access token for the API', async () => {
    const flow = await signInThroughForm(portal, PATIENT);
    expect(
      flow.callback,
      flow.signInPage?.text.replace(/[\s\S]*<main>/, '').slice(0, 1500)
    ).not.toBeNull();
    const tokens = await client.authorizationCodeGrant(portal, flow.callback!, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
    });
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({
      alg: 'ES256',
      typ: 'at+jwt',
    });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({
      iss: issuer,
      aud: 'https://api.vixenhealth.ru',
      client_id: 'portal',
      roles: ['patient'],
      clinics: [],
    });
    expect(claims.permissions).toContain('reviews:write');
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(tokens.claims()).toMatchObject({ email: PATIENT.email, email_verified: true });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it("puts the owner's clinics and role into the token", async () => {
    const flow = await signInThroughForm(portal, OWNER);
    const tokens = await client.authorizationCodeGrant(portal, flow.callback!, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
    });
    const claims = decodeJwt(tokens.access_token) as {
      roles: string[];
      clinics: { role: string }[];
    };
    expect(claims.roles).toEqual(['clinic-owner', 'patient']);
    expect(claims.clinics.length).toBeGreaterThan(0);
    expect(claims.clinics.every((clinic) => clinic.role === 'owner')).toBe(true);
  });

  it('refuses a wrong password with a message that does not tell whether the email exists', async () => {
    const wrong = await signInThroughForm(portal, {
      email: PATIENT.email,
      password: 'not-the-password-1',
    });
    const unknown = await signInThroughForm(portal, {
      email: 'nobody@example.com',
      password: 'whatever-password-1',
    });
    for (const attempt of [wrong, unknown]) {
      expect(attempt.callback).toBeNull();
      expect(attempt.signInPage?.status).toBe(401);
      expect(attempt.signInPage?.text).toContain('Incorrect email or password.');
    }
  });
});
