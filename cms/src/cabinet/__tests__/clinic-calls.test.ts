import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cabinet, newClinic } from '@vixenhealth/tooling/testing/cabinet-api';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, type Person } from '@vixenhealth/tooling/testing/people';

/**
 * A clinic's calls in its owner's cabinet, and its own PBX's tokens: the owner sees calls with
 * the clinic's phones and through its own integration; nobody else learns the clinic exists.
 */

let id: IdTest;
let owner: Person;
let stranger: Person;
let clinic: string;

const CLINIC_PHONE = '+74951112233';
const SUPPORT_LINE = '+78005553535';

beforeAll(async () => {
  id = await startIdTest({ env: { DEMO_DATA: 'false' } });
  owner = await createPerson(id, 'Ольга Владелец');
  stranger = await createPerson(id, 'Пётр Чужой');
  const api = cabinet(id.cms, owner.token);
  const opened = await api.post('/clinics', newClinic(`klinika-${randomBytes(3).toString('hex')}`));
  clinic = opened.body.data.documentId;
  const updated = await api.put(`/clinics/${clinic}`, { phones: [{ number: CLINIC_PHONE }] });
  expect(updated.status).toBe(200);
}, 120_000);
afterAll(async () => id?.stop());

const ingest = async (
  integrationToken: string,
  callId: string,
  from: string,
  answered: boolean
) => {
  const { strapi } = id.cms;
  const integration = await strapi
    .plugin('telephony')
    .service('integrations')
    .findByToken(integrationToken);
  const base = { callId, direction: 'in' as const, from, to: SUPPORT_LINE };
  const calls = strapi.plugin('telephony').service('calls');
  await calls.ingest(integration, {
    ...base,
    eventId: `${callId}-new`,
    kind: 'newCall',
    occurredAt: new Date(Date.now() - 60_000),
  });
  if (answered)
    await calls.ingest(integration, {
      ...base,
      eventId: `${callId}-answer`,
      kind: 'answer',
      occurredAt: new Date(Date.now() - 50_000),
    });
  await calls.ingest(integration, {
    ...base,
    eventId: `${callId}-hangup`,
    kind: 'hangup',
    cause: answered ? 'normalClearing' : 'noAnswer',
    occurredAt: new Date(),
  });
};

describe("a clinic's calls in the cabinet", () => {
  it('shows the owner calls from the clinic’s phone, and no other call', async () => {
    const platform = await id.cms.strapi
      .plugin('telephony')
      .service('integrations')
      .create({ name: 'Линия поддержки', kind: 'cti' });
    await ingest(
      platform.token,
      `from-clinic-${randomBytes(3).toString('hex')}`,
      CLINIC_PHONE,
      true
    );
    await ingest(
      platform.token,
      `someone-${randomBytes(3).toString('hex')}`,
      '+79160000000',
      false
    );

    const listed = await cabinet(id.cms, owner.token).get(`/clinics/${clinic}/calls`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ from: CLINIC_PHONE, result: 'answered' });
  });

  it('answers another person 404, as for a clinic that does not exist', async () => {
    const api = cabinet(id.cms, stranger.token);
    expect((await api.get(`/clinics/${clinic}/calls`)).status).toBe(404);
    expect((await api.get(`/clinics/${clinic}/telephony-tokens`)).status).toBe(404);
    expect((await api.post(`/clinics/${clinic}/telephony-tokens`, { name: 'PBX' })).status).toBe(
      404
    );
    expect((await cabinet(id.cms, undefined).get(`/clinics/${clinic}/calls`)).status).toBe(401);
  });
});

describe("a clinic's own PBX token", () => {
  it('is shown once, brings the PBX’s calls into the cabinet, and stops working when revoked', async () => {
    const api = cabinet(id.cms, owner.token);
    const bad = await api.post(`/clinics/${clinic}/telephony-tokens`, { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['name']);

    const created = await api.post(`/clinics/${clinic}/telephony-tokens`, {
      name: 'Asterisk в регистратуре',
    });
    expect(created.status).toBe(201);
    const { token, id: integrationId } = created.body.data;
    expect(token).toMatch(/^[\w-]{40,}$/);
    const listed = await api.get(`/clinics/${clinic}/telephony-tokens`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: integrationId, clinic, kind: 'cti' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    // A patient calling the clinic's own PBX: the clinic is the callee, whatever the number.
    await ingest(token, `own-pbx-${randomBytes(3).toString('hex')}`, '+79161234500', false);
    const calls = await api.get(`/clinics/${clinic}/calls`);
    expect(calls.body.data.map((call: { from: string }) => call.from)).toContain('+79161234500');

    expect((await api.delete(`/clinics/${clinic}/telephony-tokens/${integrationId}`)).status).toBe(
      204
    );
    const telephony = id.cms.strapi.plugin('telephony').service('integrations');
    expect(await telephony.findByToken(token)).toBeNull();
    expect((await api.get(`/clinics/${clinic}/telephony-tokens`)).body.data).toEqual([]);
    expect((await api.delete(`/clinics/${clinic}/telephony-tokens/${integrationId}`)).status).toBe(
      404
    );
  });
});
