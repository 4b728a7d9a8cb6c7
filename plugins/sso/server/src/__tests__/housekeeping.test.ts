import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { discover } from '@vixenhealth/tooling/testing/relying-party';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { pruneExpiredRecords } from '../services/oidc-adapter';

let cms: TestCms;
const CM = '/content-manager/collection-types/plugin::sso.client';
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(async () => cms?.stop());

describe('clients registered in the admin panel', () => {
  it('seal the secret typed in, and the client can use it', async () => {
    const secret = 'a-long-enough-client-secret-for-tests-0123456789';
    const { status } = await cms.request(CM, {
      method: 'POST',
      token: await cms.adminToken(),
      body: {
        clientId: 'clinic-crm',
        name: 'Clinic CRM',
        encryptedSecret: secret,
        grantTypes: ['client_credentials'],
        scope: 'api',
      },
    });
    expect(status).toBe(201);
    const row = await cms.strapi.db
      .query('plugin::sso.client')
      .findOne({ where: { clientId: 'clinic-crm' } });
    expect(row.encryptedSecret).toMatch(/^v1\./);
    expect(row.encryptedSecret).not.toContain(secret);

    const crm = await discover(`${cms.baseUrl}/id`, 'clinic-crm', secret);
    const tokens = await client.clientCredentialsGrant(crm, { scope: 'api' });
    expect(tokens.access_token).toBeTruthy();
  });

  it.each([
    ['a wildcard redirect URI', { redirectUris: ['https://*.clinic.ru/callback'] }, 'redirectUris'],
    ['a relative redirect URI', { redirectUris: ['/callback'] }, 'redirectUris'],
    [
      'a redirect URI with a fragment',
      { redirectUris: ['https://clinic.ru/cb#x'] },
      'redirectUris',
    ],
    ['an unknown grant', { grantTypes: ['password'] }, 'grantTypes'],
    ['a short secret', { encryptedSecret: 'short' }, 'encryptedSecret'],
  ])('refuse %s, storing nothing', async (_case, fields, field) => {
    const before = await cms.strapi.db.query('plugin::sso.client').count();
    const { status, body } = await cms.request(CM, {
      method: 'POST',
      token: await cms.adminToken(),
      body: {
        clientId: `bad-${field.toLowerCase()}`,
        name: 'Bad',
        grantTypes: ['authorization_code'],
        scope: 'openid',
        ...fields,
      },
    });
    expect(status).toBe(400);
    expect(body.error.details.errors[0].path).toEqual([field]);
    expect(await cms.strapi.db.query('plugin::sso.client').count()).toBe(before);
  });
});

describe('scheduled clean-up', () => {
  it('deletes expired protocol records and sign-in attempts older than a year, nothing else', async () => {
    const records = cms.strapi.db.query('plugin::sso.oidc-record');
    const now = Date.now();
    await records.create({
      data: { key: 'Session:old', model: 'Session', payload: {}, expiresAt: new Date(now - 1000) },
    });
    await records.create({
      data: { key: 'Session:live', model: 'Session', payload: {}, expiresAt: new Date(now + DAY) },
    });
    const events = cms.strapi.db.query('plugin::sso.login-event');
    await events.create({
      data: { outcome: 'success', method: 'password', occurredAt: new Date(now - 400 * DAY) },
    });
    await events.create({
      data: { outcome: 'success', method: 'password', occurredAt: new Date(now - 300 * DAY) },
    });

    await pruneExpiredRecords(cms.strapi);
    await cms.strapi.plugin('sso').service('login-history').prune();

    expect(
      (await records.findMany({ select: ['key'] })).map((row: { key: string }) => row.key)
    ).toEqual(['Session:live']);
    expect(await events.count()).toBe(1);
  });
});
