import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startMangoOffice, type MangoOffice } from '@vixenhealth/tooling/testing/mango-office';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { createDeskUser } from '@vixenhealth/tooling/testing/desk-people';

/**
 * Mango Office end to end: the local VPBX signs notifications and answers our commands as the
 * real one; calls, click-to-call and recordings go through the CMS's HTTP endpoints.
 */

let cms: TestCms;
let mango: MangoOffice;
let base: string;
let integrationId: number;

beforeAll(async () => {
  mango = await startMangoOffice();
  cms = await startTestCms({ TELEPHONY_MANGO_API_URL: mango.apiUrl });
  const created = await cms.strapi.plugin('telephony').service('integrations').create({
    name: 'Mango Office',
    kind: 'mango',
    group: 'clinics',
    apiKey: mango.apiKey,
    apiSecret: mango.salt,
  });
  integrationId = created.id;
  base = `${cms.baseUrl}/api/telephony/mango/${created.token}`;
});
afterAll(async () => {
  await cms?.stop();
  await mango?.stop();
});

const t0 = Math.floor(Date.now() / 1000) - 600;
const LINE = '74951112233';
const CALLER = '79161234567';

const leg = (entry: string, callId: string, seq: number, state: string, at: number, to = {}) => ({
  entry_id: entry,
  call_id: callId,
  timestamp: t0 + at,
  seq,
  call_state: state,
  location: 'abonent',
  from: { number: CALLER },
  to: { line_number: LINE, ...to },
  ...(state === 'Disconnected' ? { disconnect_reason: 1110 } : {}),
});

const summary = (entry: string, answered: boolean) => ({
  entry_id: entry,
  call_direction: 1,
  from: { number: CALLER },
  to: { extension: '101', number: 'sip:agent@vpbx.mangosip.ru' },
  line_number: LINE,
  create_time: t0,
  forward_time: t0 + 2,
  talk_time: answered ? t0 + 10 : 0,
  end_time: t0 + 70,
  entry_result: answered ? 1 : 0,
  disconnect_reason: 1110,
});

const callOf = (entry: string) =>
  cms.strapi.db.query('plugin::telephony.call').findOne({
    where: { callId: entry },
    populate: { recording: true },
  });

const eventsOf = async (entry: string) =>
  (await cms.strapi.db.connection('telephony_call_events').where({ call_id: entry })).length;

const post = async (event: string, json: unknown, sign?: string) => {
  const response = await mango.notify(base, event, json, sign);
  return { status: response.status, body: await response.json() };
};

describe('Mango Office notifications', () => {
  it('make one answered call from the legs and the summary, with E.164 numbers and talk time', async () => {
    const entry = 'RW50cnk6MQ==';
    for (const [event, json] of [
      ['call', leg(entry, 'leg-ivr', 1, 'Appeared', 0)],
      ['call', leg(entry, 'leg-101', 1, 'Appeared', 2, { extension: '101' })],
      ['call', leg(entry, 'leg-101', 2, 'Connected', 10, { extension: '101' })],
      ['call', leg(entry, 'leg-101', 3, 'Disconnected', 70, { extension: '101' })],
      ['summary', summary(entry, true)],
    ] as const) {
      expect((await post(event, json)).status).toBe(200);
    }
    const call = await callOf(entry);
    expect(call).toMatchObject({
      direction: 'in',
      fromNumber: '+79161234567',
      toNumber: '+74951112233',
      status: 'ended',
      result: 'answered',
      cause: 'normalClearing',
      durationSeconds: 60,
    });
    expect(new Date(call.startedAt).getTime()).toBe(t0 * 1000);
  });

  it('shows a call ringing and then talking before it ends', async () => {
    const entry = 'live-call';
    await post('call', leg(entry, 'a', 1, 'Appeared', 0));
    expect((await callOf(entry)).status).toBe('ringing');
    await post('call', leg(entry, 'b', 1, 'Connected', 5, { extension: '101' }));
    expect((await callOf(entry)).status).toBe('talking');
    // A leg hanging up does not end the entry: other legs may go on.
    await post('call', leg(entry, 'c', 1, 'Disconnected', 6, { extension: '102' }));
    expect((await callOf(entry)).status).toBe('talking');
  });

  it('refuse a forged sign or another key with 401 and store nothing', async () => {
    const entry = 'forged';
    const forged = await post('call', leg(entry, 'x', 1, 'Appeared', 0), 'f'.repeat(64));
    expect(forged.status).toBe(401);
    const response = await fetch(`${base}/events/call`, {
      method: 'POST',
      body: new URLSearchParams({
        vpbx_api_key: 'another-key',
        sign: 'a'.repeat(64),
        json: JSON.stringify(leg(entry, 'x', 1, 'Appeared', 0)),
      }),
    });
    expect(response.status).toBe(401);
    expect(await callOf(entry)).toBeNull();
    expect(await eventsOf(entry)).toBe(0);
  });

  it('answer an unknown token with 404', async () => {
    const response = await mango.notify(
      `${cms.baseUrl}/api/telephony/mango/unknown-token`,
      'call',
      leg('nobody', 'x', 1, 'Appeared', 0)
    );
    expect(response.status).toBe(404);
    expect(await callOf('nobody')).toBeNull();
  });

  it('take a repeated notification once', async () => {
    const entry = 'twice';
    await post('call', leg(entry, 'x', 1, 'Appeared', 0));
    await post('call', leg(entry, 'x', 1, 'Appeared', 0));
    await post('summary', summary(entry, false));
    await post('summary', summary(entry, false));
    expect(await eventsOf(entry)).toBe(3);
    expect(
      await cms.strapi.db.query('plugin::telephony.call').count({ where: { callId: entry } })
    ).toBe(1);
  });

  it('give the same call when the summary comes first, and a missed one without an answer', async () => {
    const entry = 'backwards';
    await post('summary', summary(entry, true));
    await post('call', leg(entry, 'b', 2, 'Connected', 10, { extension: '101' }));
    await post('call', leg(entry, 'a', 1, 'Appeared', 0));
    expect(await callOf(entry)).toMatchObject({
      status: 'ended',
      result: 'answered',
      durationSeconds: 60,
    });
    await post('summary', summary('missed', false));
    expect(await callOf('missed')).toMatchObject({ result: 'missed', cause: 'cancel' });
  });

  it('refuse a malformed notification with 400 naming the field, storing nothing', async () => {
    const { entry_id: _drop, ...withoutEntry } = leg('malformed', 'x', 1, 'Appeared', 0);
    const missing = await post('call', withoutEntry);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['json', 'entry_id']);
    const notJson = await fetch(`${base}/events/call`, {
      method: 'POST',
      body: new URLSearchParams({
        vpbx_api_key: mango.apiKey,
        sign: createHash('sha256').update(`${mango.apiKey}{oops${mango.salt}`).digest('hex'),
        json: '{oops',
      }),
    });
    expect(notJson.status).toBe(400);
    expect(await callOf('malformed')).toBeNull();
  });
});

describe('click-to-call through Mango Office', () => {
  it("asks the VPBX's callback command to ring the agent's extension, then the number", async () => {
    const token = await cms.adminToken();
    const placed = await cms.request('/telephony/calls', {
      method: 'POST',
      token,
      body: { integrationId, extension: '101', number: '8 (916) 123-45-67' },
    });
    expect(placed.status).toBe(202);
    expect(placed.body.data).toMatchObject({ number: '+79161234567', extension: '101' });
    const command = mango.commands.find((sent) => sent.path === '/vpbx/commands/callback');
    expect(command?.json).toMatchObject({ from: { extension: '101' }, to_number: '79161234567' });
    expect(command?.json.command_id).toEqual(expect.any(String));
  });

  it('refuses a number that is not one, naming the field, and calls nothing', async () => {
    const before = mango.commands.length;
    const refused = await cms.request('/telephony/calls', {
      method: 'POST',
      token: await cms.adminToken(),
      body: { integrationId, extension: '101', number: '12' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['number']);
    expect(mango.commands.length).toBe(before);
  });

  it('answers 409 for a CTI PBX, whose calls the softphone places', async () => {
    const cti = await cms.strapi
      .plugin('telephony')
      .service('integrations')
      .create({ name: 'Office PBX', kind: 'cti' });
    const refused = await cms.request('/telephony/calls', {
      method: 'POST',
      token: await cms.adminToken(),
      body: { integrationId: cti.id, extension: '101', number: '+79161234567' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/softphone/);
  });

  it('is not for agents of other groups', async () => {
    const agent = await createDeskUser(cms, 'support-agent', { groups: ['billing'] });
    const refused = await cms.request('/telephony/calls', {
      method: 'POST',
      token: agent.token,
      body: { integrationId, extension: '101', number: '+79161234567' },
    });
    expect(refused.status).toBe(404);
  });
});

describe('a Mango Office recording', () => {
  it('is downloaded, stored privately, playable by agents of the call and purged after its time', async () => {
    const entry = 'recorded';
    const audio = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2048, 7)]);
    mango.addRecording('rec-1', audio);
    await post('summary', summary(entry, true));
    expect(
      (
        await post('recording', {
          entry_id: entry,
          call_id: 'leg-101',
          recording_id: 'rec-1',
          recording_state: 'Completed',
          extension: '101',
          timestamp: t0 + 70,
          seq: 1,
        })
      ).status
    ).toBe(200);
    await cms.strapi.plugin('telephony').service('recordings').downloadDue();
    const call = await callOf(entry);
    expect(call.recording).toMatchObject({ mime: 'audio/mpeg', size: expect.any(Number) });
    expect(call.recording.url).not.toMatch(/^\/uploads\//);
    expect(new Date(call.recordingExpiresAt).getTime()).toBe((t0 + 70) * 1000 + 90 * 86_400_000);

    const play = await fetch(`${cms.baseUrl}/telephony/calls/${call.id}/recording`, {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    expect(play.status).toBe(200);
    expect(play.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await play.arrayBuffer())).toEqual(audio);

    const outsider = await createDeskUser(cms, 'support-agent', { groups: ['billing'] });
    const hidden = await fetch(`${cms.baseUrl}/telephony/calls/${call.id}/recording`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(hidden.status).toBe(404);
    const member = await createDeskUser(cms, 'support-agent', { groups: ['clinics'] });
    const heard = await fetch(`${cms.baseUrl}/telephony/calls/${call.id}/recording`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(heard.status).toBe(200);

    const recordings = cms.strapi.plugin('telephony').service('recordings');
    expect(await recordings.purgeExpired(new Date((t0 + 70) * 1000 + 89 * 86_400_000))).toBe(0);
    await recordings.purgeExpired(new Date((t0 + 70) * 1000 + 91 * 86_400_000));
    const purged = await callOf(entry);
    expect(purged.recording).toBeNull();
    expect(
      await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: call.recording.id } })
    ).toBeNull();
    const gone = await fetch(`${cms.baseUrl}/telephony/calls/${call.id}/recording`, {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    expect(gone.status).toBe(404);
  });

  it('that is not audio is refused and tried again later, never stored', async () => {
    const entry = 'not-audio';
    mango.addRecording('rec-html', Buffer.from('<html></html>'), 'text/html');
    await post('summary', summary(entry, true));
    await post('recording', {
      entry_id: entry,
      recording_id: 'rec-html',
      recording_state: 'Completed',
    });
    await cms.strapi.plugin('telephony').service('recordings').downloadDue();
    expect((await callOf(entry)).recording).toBeNull();
    const job = await cms.strapi.db
      .connection('telephony_recording_jobs')
      .where({ call_id: entry })
      .first();
    expect(job).toMatchObject({ done_at: null, attempts: 1 });
  });

  it('announced by record/added is stored too, and one over the size limit is not', async () => {
    mango.addRecording('rec-added', Buffer.from('ID3added'));
    await post('summary', summary('added', true));
    const added = await post('record/added', {
      entry_id: 'added',
      product_id: 1,
      data_type: 'record',
      recording_id: 'rec-added',
      timestamp: t0 + 71,
    });
    expect(added.status).toBe(200);

    const { sizeLimit } = cms.strapi.config.get('plugin::upload') as { sizeLimit: number };
    mango.addRecording('rec-huge', Buffer.alloc(Math.min(sizeLimit, 50 * 1024 * 1024) + 1, 1));
    await post('summary', summary('huge', true));
    await post('recording', {
      entry_id: 'huge',
      recording_id: 'rec-huge',
      recording_state: 'Completed',
    });

    await cms.strapi.plugin('telephony').service('recordings').downloadDue();
    expect((await callOf('added')).recording).toMatchObject({ mime: 'audio/mpeg' });
    expect((await callOf('huge')).recording).toBeNull();
  });
});
