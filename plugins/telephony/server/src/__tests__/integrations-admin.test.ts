import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createModerator } from '@vixenhealth/tooling/testing/people';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import type { CreatedIntegration, IntegrationSummary } from '../../../shared/contracts';

/**
 * The admin API of integrations: Support leads and Super Admins create them (the token and
 * secret shown once), list and disable them; nobody else.
 */

let cms: TestCms;
let admin: string;
beforeAll(async () => {
  cms = await startTestCms();
  admin = await cms.adminToken();
});
afterAll(() => cms?.stop());

const create = (body: unknown, token = admin) =>
  cms.request<{ data: CreatedIntegration } & { error?: any }>('/telephony/integrations', {
    method: 'POST',
    token,
    body,
  });

describe('integrations', () => {
  it('are created with a token and secret shown once, stored only as a hash and sealed', async () => {
    const created = await create({
      name: ' Clinic PBX ',
      kind: 'cti',
      group: 'calls',
      clinic: 'clinic-doc-id',
      blockedNumbers: ['+74951112233'],
      outboundCallerId: '74957770000',
    });
    expect(created.status).toBe(201);
    const { token, secret, ...summary } = created.body.data;
    expect(summary).toEqual({
      id: expect.any(Number),
      name: 'Clinic PBX',
      kind: 'cti',
      group: 'calls',
      clinic: 'clinic-doc-id',
      enabled: true,
      blockedNumbers: ['+74951112233'],
      outboundCallerId: '74957770000',
    } satisfies IntegrationSummary);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(secret).toMatch(/^[\w-]{43}$/);
    const row = await cms.strapi.db
      .query('plugin::telephony.integration')
      .findOne({ where: { id: summary.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await cms.request<{ data: IntegrationSummary[] }>('/telephony/integrations', {
      token: admin,
    });
    expect(list.status).toBe(200);
    expect(list.body.data).toContainEqual(summary);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('are disabled, and a missing one is 404', async () => {
    const { id } = (await create({ name: 'Old PBX', kind: 'cti' })).body.data;
    const disabled = await cms.request(`/telephony/integrations/${id}/disable`, {
      method: 'POST',
      token: admin,
    });
    expect(disabled).toMatchObject({ status: 200, body: { data: { id, enabled: false } } });
    const missing = await cms.request('/telephony/integrations/999999/disable', {
      method: 'POST',
      token: admin,
    });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['name', { kind: 'cti' }],
    ['name', { name: 'x'.repeat(121), kind: 'cti' }],
    ['kind', { name: 'PBX', kind: 'asterisk' }],
    ['group', { name: 'PBX', kind: 'cti', group: 5 }],
    ['blockedNumbers', { name: 'PBX', kind: 'cti', blockedNumbers: '+74951112233' }],
    ['blockedNumbers.1', { name: 'PBX', kind: 'cti', blockedNumbers: ['+7495', ''] }],
    ['outboundCallerId', { name: 'PBX', kind: 'cti', outboundCallerId: '1'.repeat(41) }],
  ])('are refused with 400 naming %s, and nothing is created', async (field, body) => {
    const before = await cms.strapi.db.query('plugin::telephony.integration').count();
    const refused = await create(body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(field.split('.'));
    expect(await cms.strapi.db.query('plugin::telephony.integration').count()).toBe(before);
  });

  it('are not for admins without the Support lead right, nor for anyone signed out', async () => {
    const moderator = await createModerator(cms);
    const before = await cms.strapi.db.query('plugin::telephony.integration').count();
    expect((await create({ name: 'PBX', kind: 'cti' }, moderator.token)).status).toBe(403);
    expect((await cms.request('/telephony/integrations', { token: moderator.token })).status).toBe(
      403
    );
    expect((await cms.request('/telephony/integrations')).status).toBe(401);
    expect(await cms.strapi.db.query('plugin::telephony.integration').count()).toBe(before);
  });
});
