import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';
import { startZadarma, type Zadarma } from '@vixenhealth/tooling/testing/zadarma';

/**
 * Zadarma end to end: the local Zadarma signs PBX notifications and answers our API calls as
 * the real one; calls, click-to-call and recordings go through the CMS's HTTP endpoints.
 */

let cms: TestCms;
let zadarma: Zadarma;
let url: string;
let integrationId: number;

beforeAll(async () => {
  zadarma = await startZadarma();
  cms = await startTestCms({
    TELEPHONY_ZADARMA_API_URL: zadarma.apiUrl,
    TELEPHONY_ZADARMA_TIME_ZONE: 'Europe/Moscow',
  });
  const created = await cms.strapi.plugin('telephony').service('integrations').create({
    name: 'Zadarma',
    kind: 'zadarma',
    apiKey: zadarma.key,
    apiSecret: zadarma.secret,
  });
  integrationId = created.id;
  url = `${cms.baseUrl}/api/telephony/zadarma/${created.token}`;
});
afterAll(async () => {
  await cms?.stop();
  await zadarma?.stop();
});

/** `YYYY-MM-DD HH:mm:ss` in Moscow, as Zadarma writes `call_start`. */
const moscow = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Moscow',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(date);

const startedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 120_000);
const CALLER = '79161234567';
const DID = '74951112233';

const incoming = (pbxCallId: string) => {
  const common = { pbx_call_id: pbxCallId, call_start: moscow(startedAt), caller_id: CALLER };
  return {
    start: { event: 'NOTIFY_START', ...common, called_did: DID },
    answer: { event: 'NOTIFY_ANSWER', ...common, destination: '101', internal: '101' },
    end: (fields: Record<string, string> = {}) => ({
      event: 'NOTIFY_END',
      ...common,
      called_did: DID,
      internal: '101',
      duration: '42',
      disposition: 'answered',
      status_code: '16',
      is_recorded: '0',
      ...fields,
    }),
  };
};

const callOf = (pbxCallId: string) =>
  cms.strapi.db.query('plugin::telephony.call').findOne({
    where: { callId: pbxCallId },
    populate: { recording: true },
  });

const eventsOf = async (pbxCallId: string) =>
  (await cms.strapi.db.connection('telephony_call_events').where({ call_id: pbxCallId })).length;

describe('Zadarma notifications', () => {
  it("echo Zadarma's zd_echo check of the URL, and only for a known token", async () => {
    const echo = await fetch(`${url}?zd_echo=f8b2e1c4a9`);
    expect(echo.status).toBe(200);
    expect(await echo.text()).toBe('f8b2e1c4a9');
    const unknown = await fetch(`${cms.baseUrl}/api/telephony/zadarma/unknown?zd_echo=abc`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${url}?zd_echo=${encodeURIComponent('<script>')}`)).status).toBe(400);
  });

  it('make one answered call, with its start in the account time zone and the talk time', async () => {
    const call = incoming('in-1');
    expect((await zadarma.notify(url, call.start)).status).toBe(200);
    expect((await callOf('in-1')).status).toBe('ringing');
    expect((await zadarma.notify(url, call.answer)).status).toBe(200);
    expect((await callOf('in-1')).status).toBe('talking');
    expect((await zadarma.notify(url, call.end())).status).toBe(200);
    const record = await callOf('in-1');
    expect(record).toMatchObject({
      direction: 'in',
      fromNumber: '+79161234567',
      toNumber: '+74951112233',
      status: 'ended',
      result: 'answered',
      cause: 'normalClearing',
    });
    expect(new Date(record.startedAt).getTime()).toBe(startedAt.getTime());
    expect(record.durationSeconds).toBeLessThanOrEqual(2);
  });

  it('refuse a bad signature with 401 and store nothing', async () => {
    const call = incoming('forged');
    const forged = await zadarma.notify(url, call.start, Buffer.from('nope').toString('base64'));
    expect(forged.status).toBe(401);
    const unsigned = await fetch(url, { method: 'POST', body: new URLSearchParams(call.start) });
    expect(unsigned.status).toBe(401);
    // Signed, then a signed field changed on the way.
    const response = await zadarma.notify(
      url,
      { ...call.start, caller_id: '70000000000' },
      zadarma.signatureOf(call.start)
    );
    expect(response.status).toBe(401);
    expect(await callOf('forged')).toBeNull();
    expect(await eventsOf('forged')).toBe(0);
  });

  it('take a repeated notification once', async () => {
    const call = incoming('twice');
    await zadarma.notify(url, call.start);
    await zadarma.notify(url, call.end({ disposition: 'no answer', duration: '0' }));
    await zadarma.notify(url, call.end({ disposition: 'no answer', duration: '0' }));
    expect(await eventsOf('twice')).toBe(2);
    expect(await callOf('twice')).toMatchObject({ result: 'missed', cause: 'noAnswer' });
  });

  it('give an answered call with its talk time when the end comes before the start and answer', async () => {
    const call = incoming('backwards');
    await zadarma.notify(url, call.end());
    await zadarma.notify(url, call.answer);
    await zadarma.notify(url, call.start);
    const record = await callOf('backwards');
    expect(record).toMatchObject({ status: 'ended', result: 'answered', durationSeconds: 42 });
    expect(new Date(record.startedAt).getTime()).toBe(startedAt.getTime());
    expect(new Date(record.startedAt) <= new Date(record.answeredAt)).toBe(true);
  });

  it('map a busy line to a rejected call, and an outgoing call both ways', async () => {
    const call = incoming('busy');
    await zadarma.notify(url, call.end({ disposition: 'busy', duration: '0' }));
    expect(await callOf('busy')).toMatchObject({ result: 'rejected', cause: 'busy' });
    const out = {
      pbx_call_id: 'out-1',
      call_start: moscow(startedAt),
      internal: '101',
      destination: CALLER,
    };
    await zadarma.notify(url, { event: 'NOTIFY_OUT_START', ...out });
    await zadarma.notify(url, {
      event: 'NOTIFY_OUT_END',
      ...out,
      caller_id: DID,
      duration: '30',
      disposition: 'answered',
      is_recorded: '0',
    });
    expect(await callOf('out-1')).toMatchObject({
      direction: 'out',
      fromNumber: '101',
      toNumber: '+79161234567',
      result: 'answered',
    });
  });

  it('refuse a malformed call_start with 400 naming the field', async () => {
    const call = incoming('malformed');
    const response = await zadarma.notify(url, { ...call.start, call_start: 'yesterday' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.errors[0].path).toEqual(['call_start']);
    expect(await callOf('malformed')).toBeNull();
  });
});

describe('click-to-call through Zadarma', () => {
  it("calls request/callback with Zadarma's signed Authorization", async () => {
    const placed = await cms.request('/telephony/calls', {
      method: 'POST',
      token: await cms.adminToken(),
      body: { integrationId, extension: '101', number: '+7 916 123-45-67' },
    });
    expect(placed.status).toBe(202);
    expect(zadarma.requests).toContainEqual({
      method: '/v1/request/callback/',
      params: { from: '101', to: '79161234567' },
    });
  });
});

describe('a Zadarma recording', () => {
  it('named by an answered end is requested from the API, downloaded and linked to the call', async () => {
    const audio = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(4096, 3)]);
    zadarma.addRecording('rec-42', audio);
    const call = incoming('recorded');
    await zadarma.notify(url, call.start);
    await zadarma.notify(url, call.end({ is_recorded: '1', call_id_with_rec: 'rec-42' }));
    await cms.strapi.plugin('telephony').service('recordings').downloadDue();
    const record = await callOf('recorded');
    expect(record.recording).toMatchObject({ mime: 'audio/mpeg', size: expect.any(Number) });
    expect(zadarma.requests).toContainEqual({
      method: '/v1/pbx/record/request/',
      params: { call_id: 'rec-42' },
    });
    const play = await fetch(`${cms.baseUrl}/telephony/calls/${record.id}/recording`, {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    expect(Buffer.from(await play.arrayBuffer())).toEqual(audio);
  });

  it('announced by NOTIFY_RECORD before it exists is tried again later, then stored once', async () => {
    const call = incoming('late-record');
    await zadarma.notify(url, call.start);
    await zadarma.notify(url, call.end());
    const record = {
      event: 'NOTIFY_RECORD',
      pbx_call_id: 'late-record',
      call_id_with_rec: 'rec-late',
    };
    expect((await zadarma.notify(url, record)).status).toBe(200);
    const recordings = cms.strapi.plugin('telephony').service('recordings');
    await recordings.downloadDue();
    expect((await callOf('late-record')).recording).toBeNull();

    zadarma.addRecording('rec-late', Buffer.from('ID3late'));
    await zadarma.notify(url, record);
    await recordings.downloadDue(new Date(Date.now() + 60_000));
    expect((await callOf('late-record')).recording).toMatchObject({ mime: 'audio/mpeg' });
    await recordings.downloadDue(new Date(Date.now() + 3_600_000));
    expect(
      await cms.strapi.db
        .query('plugin::upload.file')
        .count({ where: { name: { $contains: 'call-' } } })
    ).toBe(2);
  });
});
