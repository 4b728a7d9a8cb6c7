import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startTestCms,
  TEST_ADMIN,
  type TestCms,
} from '@vixenhealth/tooling/testing/strapi-harness';

import { WEBHOOK_BODY_LIMIT_BYTES, type CreatedIntegration } from '../../../shared/contracts';
import { callOf, createIntegration, post, stored } from './webhook-client';

/**
 * Zammad's generic CTI API at `POST /api/telephony/cti/<token>`: a PBX script written for Zammad
 * works unchanged, form or JSON, and gets Zammad's answers; nothing else is let in.
 */

let cms: TestCms;
beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(() => cms?.stop());

type Params = [string, string][];

/** As Zammad's PBX scripts post: `application/x-www-form-urlencoded`, `user[]` for a list. */
const postForm = (token: string, params: Params) =>
  post(cms, `/api/telephony/cti/${token}`, new URLSearchParams(params).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });

const postJson = (token: string, body: unknown) =>
  post(cms, `/api/telephony/cti/${token}`, JSON.stringify(body), {
    'content-type': 'application/json',
  });

describe('Zammad CTI events', () => {
  it('record an incoming call answered by an agent, from form bodies, with Zammad’s empty answers', async () => {
    const pbx = await createIntegration(cms);
    const call = [
      ['callId', 'zm-1'],
      ['direction', 'in'],
      ['from', '84951234567'],
      ['to', '78005553535'],
    ] satisfies Params;
    const ringing = await postForm(pbx.token, [
      ['event', 'newCall'],
      ...call,
      ['user[]', 'agent-one'],
      ['user[]', 'agent-two'],
      ['queue', 'reception'],
    ]);
    expect(ringing).toEqual({ status: 200, body: {} });
    expect(await callOf(cms, pbx.id, 'zm-1')).toMatchObject({
      status: 'ringing',
      queue: 'reception',
    });

    const answered = await postForm(pbx.token, [
      ['event', 'answer'],
      ...call,
      ['user', TEST_ADMIN.email],
      ['answeringNumber', '101'],
    ]);
    expect(answered).toEqual({ status: 200, body: {} });
    const hangup: Params = [['event', 'hangup'], ...call, ['cause', 'normalClearing']];
    expect(await postForm(pbx.token, hangup)).toEqual({ status: 200, body: {} });
    // A PBX that did not hear our answer sends the event again: it changes nothing.
    expect(await postForm(pbx.token, hangup)).toEqual({ status: 200, body: {} });

    const admin = await cms.strapi.db
      .query('admin::user')
      .findOne({ where: { email: TEST_ADMIN.email } });
    expect(await callOf(cms, pbx.id, 'zm-1')).toMatchObject({
      direction: 'in',
      fromNumber: '+74951234567',
      toNumber: '+78005553535',
      queue: 'reception',
      status: 'ended',
      result: 'answered',
      cause: 'normalClearing',
      agent: { id: admin.id },
    });
    expect(await stored(cms, pbx.id)).toEqual({ calls: 1, events: 3 });
  });

  it('tell the PBX which caller id to dial out with, from JSON bodies with the older call_id', async () => {
    const pbx = await createIntegration(cms, { outboundCallerId: '74957770000' });
    const dial = await postJson(pbx.token, {
      event: 'newCall',
      direction: 'out',
      from: '101',
      to: '84959998877',
      call_id: 'zm-out-1',
      user: 'agent-one',
    });
    expect(dial).toEqual({
      status: 200,
      body: { action: 'dial', caller_id: '74957770000', number: '84959998877' },
    });
    // Zammad's hang-up of an outbound call names only the call and the cause.
    const cancelled = await postJson(pbx.token, {
      event: 'hangup',
      direction: 'out',
      call_id: 'zm-out-1',
      cause: 'cancel',
    });
    expect(cancelled).toEqual({ status: 200, body: {} });
    expect(await callOf(cms, pbx.id, 'zm-out-1')).toMatchObject({
      direction: 'out',
      toNumber: '+74959998877',
      status: 'ended',
      result: 'missed',
      cause: 'cancel',
    });
    const withoutCallerId = await createIntegration(cms);
    const plain = await postJson(withoutCallerId.token, {
      event: 'newCall',
      direction: 'out',
      from: '101',
      to: '84959998877',
      callId: 'zm-out-2',
    });
    expect(plain).toEqual({ status: 200, body: {} });
  });

  it('reject a blocked caller as busy, however the number is written, and still log the call', async () => {
    const pbx = await createIntegration(cms, { blockedNumbers: ['+7 (495) 111-22-33'] });
    const blocked = await postForm(pbx.token, [
      ['event', 'newCall'],
      ['direction', 'in'],
      ['from', '84951112233'],
      ['to', '78005553535'],
      ['callId', 'zm-spam'],
    ]);
    expect(blocked).toEqual({ status: 200, body: { action: 'reject', reason: 'busy' } });
    const other = await postForm(pbx.token, [
      ['event', 'newCall'],
      ['direction', 'in'],
      ['from', '84951112234'],
      ['to', '78005553535'],
      ['callId', 'zm-friend'],
    ]);
    expect(other).toEqual({ status: 200, body: {} });
    expect(await stored(cms, pbx.id)).toEqual({ calls: 2, events: 2 });
  });

  it('record a call the voicemail box took as voicemail', async () => {
    const pbx = await createIntegration(cms);
    const call: Params = [
      ['callId', 'zm-vm'],
      ['direction', 'in'],
      ['from', '84951234567'],
      ['to', '78005553535'],
    ];
    await postForm(pbx.token, [['event', 'newCall'], ...call, ['user', 'agent-one']]);
    await postForm(pbx.token, [['event', 'answer'], ...call, ['user', 'voicemail']]);
    await postForm(pbx.token, [['event', 'hangup'], ...call, ['cause', 'normalClearing']]);
    expect(await callOf(cms, pbx.id, 'zm-vm')).toMatchObject({
      result: 'voicemail',
      agent: null,
    });
  });
});

describe('what the CTI endpoint refuses, storing nothing', () => {
  let pbx: CreatedIntegration;
  beforeAll(async () => {
    pbx = await createIntegration(cms);
  });

  const newCall = (callId: string): Params => [
    ['event', 'newCall'],
    ['direction', 'in'],
    ['from', '84951234567'],
    ['to', '78005553535'],
    ['callId', callId],
  ];

  it('answers 404 to a token that is unknown, disabled or a provider’s', async () => {
    const disabled = await createIntegration(cms);
    const admin = await cms.adminToken();
    const off = await cms.request(`/telephony/integrations/${disabled.id}/disable`, {
      method: 'POST',
      token: admin,
    });
    expect(off.status).toBe(200);
    const provider = await createIntegration(cms, { kind: 'zadarma' });
    const before = await stored(cms);
    for (const token of ['not-a-token', disabled.token, provider.token]) {
      const refused = await postForm(token, newCall(`zm-404-${token.slice(0, 4)}`));
      expect(refused.status).toBe(404);
      expect(refused.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
    expect(await stored(cms)).toEqual(before);
  });

  it.each([
    ['event', [['event', 'ring'], ...newCall('zm-bad-1').slice(1)]],
    ['direction', newCall('zm-bad-2').map(([k, v]) => [k, k === 'direction' ? 'sideways' : v])],
    ['from', newCall('zm-bad-3').filter(([k]) => k !== 'from')],
    ['callId', newCall('zm-bad-4').filter(([k]) => k !== 'callId')],
    ['queue', [...newCall('zm-bad-5'), ['queue', 'q'.repeat(201)]]],
    ['user.0', [...newCall('zm-bad-6'), ['user[0][name]', 'agent']]],
  ] as [string, Params][])('answers 400 naming %s, when it is wrong', async (field, params) => {
    const before = await stored(cms);
    const refused = await postForm(pbx.token, params);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(field.split('.'));
    expect(await stored(cms)).toEqual(before);
  });

  it('answers 400 to a JSON body that does not parse or is not an object', async () => {
    const before = await stored(cms);
    const broken = await post(cms, `/api/telephony/cti/${pbx.token}`, '{"event": "newCall",', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    const list = await postJson(pbx.token, [{ event: 'newCall' }]);
    expect(list.status).toBe(400);
    expect(list.body.error.details.errors[0].path).toEqual(['body']);
    expect(await stored(cms)).toEqual(before);
  });

  it('keeps the token out of the request log', async () => {
    const logged: string[] = [];
    const log = cms.strapi.log as unknown as { http: (message: string) => unknown };
    const original = log.http;
    log.http = (message: string) => logged.push(message);
    try {
      await postForm(pbx.token, newCall('zm-logged'));
      await postForm(pbx.token, [['event', 'ring']]);
    } finally {
      log.http = original;
    }
    expect(logged).toEqual([
      expect.stringMatching(/^POST \/api\/telephony\/cti\/:token \(\d+ ms\) 200$/),
      expect.stringMatching(/^POST \/api\/telephony\/cti\/:token \(\d+ ms\) 400$/),
    ]);
  });

  it(`answers 413 to a body over ${WEBHOOK_BODY_LIMIT_BYTES} bytes`, async () => {
    const before = await stored(cms);
    const padded = await postForm(pbx.token, [
      ...newCall('zm-big'),
      ['padding', 'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES)],
    ]);
    expect(padded.status).toBe(413);
    expect(padded.body.error.status).toBe(413);
    expect(await stored(cms)).toEqual(before);
  });
});
