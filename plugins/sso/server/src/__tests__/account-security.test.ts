import { randomBytes, scryptSync } from 'node:crypto';

import * as client from 'openid-client';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { loginEventsOf } from '@vixenhealth/tooling/testing/login-events';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { createAccessTokenVerifier } from '../../../verify/src';

const PASSWORD = 'Demo-user-password-1';
const PATIENT = { email: 'patient@demo.vixenhealth.local', password: PASSWORD };
const OWNER = { email: 'owner@demo.vixenhealth.local', password: PASSWORD };

let id: IdTest;
let cms: TestCms;
let issuer: string;
let portal: client.Configuration;

const signIn = async (credentials: { email: string; password: string }) => {
  const flow = await signInThroughForm(portal, credentials);
  if (!flow.callback) return { page: flow.signInPage!, tokens: null };
  return { page: null, tokens: await redeem(flow) };
};

const redeem = async (flow: Awaited<ReturnType<typeof signInThroughForm>>) => {
  return client.authorizationCodeGrant(portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
};

const eventsOf = (email: string) => loginEventsOf(cms, email);

beforeAll(async () => {
  id = await startIdTest();
  ({ cms, issuer, portal } = id);
});
afterAll(async () => id?.stop());

describe('login history', () => {
  it('records every attempt with its outcome, method, address and browser', async () => {
    await signIn({ ...OWNER, password: 'wrong-password-1' });
    await signIn(OWNER);
    const [latest, previous] = await eventsOf(OWNER.email);
    expect(latest).toMatchObject({
      outcome: 'success',
      method: 'password',
      ip: expect.stringContaining('127.0.0.1'),
    });
    expect(previous).toMatchObject({ outcome: 'bad-credentials' });
    expect(latest.userAgent).toBeTruthy();
  });
});

describe('password storage', () => {
  const credentialOf = async (email: string) => {
    const user = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email } });
    return cms.strapi.db.query('plugin::sso.credential').findOne({ where: { user: user.id } });
  };

  it('keeps passwords as Argon2id hashes, never as the password itself', async () => {
    const { passwordHash } = await credentialOf(OWNER.email);
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHash).not.toContain(OWNER.password);
  });

  it('accepts a hash of the first release (scrypt) and upgrades it at the next sign-in', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(OWNER.password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const legacy = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')];
    const credential = await credentialOf(OWNER.email);
    await cms.strapi.db
      .query('plugin::sso.credential')
      .update({ where: { id: credential.id }, data: { passwordHash: legacy.join('$') } });

    expect((await signIn({ ...OWNER, password: 'Not-the-password-1' })).tokens).toBeNull();
    expect((await credentialOf(OWNER.email)).passwordHash).toBe(legacy.join('$'));

    expect((await signIn(OWNER)).tokens?.access_token).toBeTruthy();
    expect((await credentialOf(OWNER.email)).passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(OWNER)).tokens?.access_token).toBeTruthy();
  });
});

describe('brute force', () => {
  it('makes an account wait after repeated failures, even with the right password', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const { page } = await signIn({ ...PATIENT, password: `wrong-password-${attempt}` });
      expect(page!.status).toBe(401);
    }
    const { page, tokens } = await signIn(PATIENT);
    expect(tokens).toBeNull();
    expect(page!.status).toBe(429);
    expect(Number(page!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page!.text).toMatch(/Too many attempts/);
    const outcomes = (await eventsOf(PATIENT.email)).map(
      (event: { outcome: string }) => event.outcome
    );
    expect(outcomes.slice(0, 5)).toEqual(['throttled', ...Array(4).fill('bad-credentials')]);
  });

  it('lets the account in again once the wait is over', async () => {
    const history = cms.strapi.plugin('sso').service('login-history');
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect(await history.decide(PATIENT.email, '127.0.0.1', later)).toEqual({
      retryAfterSeconds: 0,
      holdMs: 0,
    });
    expect((await history.decide(PATIENT.email, '127.0.0.1')).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('throttling by address', () => {
  it('slows an address guessing many accounts, even if it signs in to one of its own', async () => {
    const history = cms.strapi.plugin('sso').service('login-history');
    const ip = '203.0.113.9';
    const attempt = { userId: null, method: 'password', ip, userAgent: 'spray' };
    for (let guess = 0; guess < 20; guess += 1) {
      await history.record({
        ...attempt,
        email: `guess-${guess}@example.ru`,
        outcome: 'bad-credentials',
      });
    }
    expect((await history.decide('someone@example.ru', ip)).retryAfterSeconds).toBe(0);

    await history.record({ ...attempt, email: 'guess-20@example.ru', outcome: 'bad-credentials' });
    const owner = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: OWNER.email } });
    await history.record({ ...attempt, email: OWNER.email, userId: owner.id, outcome: 'success' });
    expect((await history.decide('someone@example.ru', ip)).retryAfterSeconds).toBeGreaterThan(0);
    expect((await history.decide('someone@example.ru', '203.0.113.10')).retryAfterSeconds).toBe(0);
  });
});

describe('offline verification', () => {
  it('keeps verifying tokens with cached keys while ID is down', async () => {
    const { tokens } = await signIn(OWNER);
    const verifier = createAccessTokenVerifier({ issuer, audience: 'https://api.vixenhealth.ru' });
    const verified = await verifier.verify(tokens!.access_token);
    expect(verified.roles).toContain('clinic-owner');

    await new Promise<void>((resolve) => cms.strapi.server.httpServer.close(() => resolve()));
    cms.strapi.server.httpServer.closeAllConnections();
    await expect(fetch(`${issuer}/jwks`)).rejects.toThrow();
    const again = await verifier.verify(tokens!.access_token);
    expect(again.sub).toBe(verified.sub);
    await new Promise<void>((resolve) =>
      cms.strapi.server.httpServer.listen(Number(new URL(issuer).port), '127.0.0.1', () =>
        resolve()
      )
    );
  });
});

describe('blocking a user', () => {
  it('ends their sessions and refresh tokens at once, and the API refuses them', async () => {
    const { tokens } = await signIn(OWNER);
    const user = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: OWNER.email } });
    await cms.strapi
      .documents('plugin::users-permissions.user')
      .update({ documentId: user.documentId, data: { blocked: true } });

    await expect(client.refreshTokenGrant(portal, tokens!.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await cms.request('/api/users/me', { token: tokens!.access_token })).status).toBe(401);
    const records = await cms.strapi.db
      .query('plugin::sso.oidc-record')
      .count({ where: { accountId: user.documentId } });
    expect(records).toBe(0);
    const { page } = await signIn(OWNER);
    expect(page!.text).toMatch(/blocked/);
  });
});

describe('key rotation', () => {
  it('signs with the new key while tokens of the old one stay valid', async () => {
    const service = await discover(issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
    const old = await client.clientCredentialsGrant(service, { scope: 'api' });
    const oldKid = decodeProtectedHeader(old.access_token).kid;

    await cms.strapi.plugin('sso').service('signing-keys').rotate();

    const fresh = await client.clientCredentialsGrant(service, { scope: 'api' });
    expect(decodeProtectedHeader(fresh.access_token).kid).not.toBe(oldKid);
    const jwks = (await cms.request('/id/jwks')).body as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toContain(oldKid);
    const verifier = createAccessTokenVerifier({ issuer, audience: 'https://api.vixenhealth.ru' });
    await expect(verifier.verify(old.access_token)).resolves.toMatchObject({ sub: 'demo-service' });
    await expect(verifier.verify(fresh.access_token)).resolves.toMatchObject({
      sub: 'demo-service',
    });
    // The CMS's own check follows the rotation too; a service reads public content like anyone.
    for (const token of [old.access_token, fresh.access_token]) {
      expect((await cms.request('/api/clinics', { token })).status).toBe(200);
    }
    // ...but no more than that.
    expect((await cms.request('/api/users/me', { token: fresh.access_token })).status).toBe(403);
  });
});
