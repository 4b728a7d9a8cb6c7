import { randomBytes } from 'node:crypto';

import { SignJWT, generateKeyPair } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, registerPerson } from '@vixenhealth/tooling/testing/people';

import { AccessTokenError, createIdWeb } from '../src';

/**
 * The claims of access tokens that came from a real ID's token endpoint, verified offline by
 * `@vixenhealth/sso/verify` against that ID's keys and revocation list.
 */

let id: IdTest;
let owner: { documentId: string; email: string; password: string };
let clinicId: string;

/** An app's sign-in against this test's ID; each one has its own verifier (keys, revocations). */
const appAuth = () =>
  createIdWeb({
    clientId: 'portal',
    scope: 'openid email profile offline_access api',
    appUrl: () => new URL('http://localhost:4321'),
    issuer: () => new URL(id.issuer),
    sessionSecret: () => randomBytes(32).toString('base64url'),
    sessionSecretName: 'TEST_SESSION_SECRET',
    cookiePrefix: 'vh_test',
  });

beforeAll(async () => {
  id = await startIdTest();
  owner = await registerPerson(id, 'Ольга Владелец');
  clinicId = (await fixtures(id.cms.strapi).clinic({ owners: [owner.documentId] })).documentId;
});

afterAll(async () => {
  await id?.stop();
});

describe('accessTokenClaims', () => {
  it('answers who the token is for, their roles and clinics', async () => {
    const token = await accessTokenOf(id, owner);
    expect(await appAuth().accessTokenClaims(token)).toEqual({
      sub: owner.documentId,
      roles: expect.arrayContaining(['clinic-owner']),
      permissions: expect.any(Array),
      clinics: [{ id: clinicId, role: 'owner' }],
      actor: null,
    });
  });

  it('refuses a token ID did not sign', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({
      client_id: 'portal',
      scope: 'openid api',
      roles: ['admin'],
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'forged' })
      .setIssuer(id.issuer)
      .setAudience('https://api.vixenhealth.ru')
      .setSubject(owner.documentId)
      .setJti('forged')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const refusal = await appAuth()
      .accessTokenClaims(forged)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AccessTokenError);
    expect(refusal).toMatchObject({ code: 'ERR_VH_TOKEN_INVALID' });
  });

  it('refuses a token ID revoked', async () => {
    const token = await accessTokenOf(id, owner);
    await client.tokenRevocation(id.portal, token, { token_type_hint: 'access_token' });
    await expect(appAuth().accessTokenClaims(token)).rejects.toMatchObject({
      code: 'ERR_VH_TOKEN_REVOKED',
    });
  });
});
