import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  type CreatedIntegration,
  type SignedCallEvent,
  type SignedEventResponse,
} from '../../../shared/contracts';
import { callOf, createIntegration, post, postSigned, signature, stored } from './webhook-client';

/**
 * Our signed events at `POST /api/telephony/events/<token>`: only a body signed with the
 * integration's secret, recently, is taken in; each event id once; in any order.
 */

let cms: TestCms;
let pbx: CreatedIntegration;
beforeAll(async () => {
  cms = await startTestCms();
  pbx = await createIntegration(cms, { name: 'Signed PBX' });
});
afterAll(() => cms?.stop());

const base = Date.UTC(2026, 11, 7, 9, 0, 0);

const signedEvent = (
  callId: string,
  event: SignedCallEvent['event'],
  seconds: number,
  extra: Partial<SignedCallEvent> = {}
): SignedCallEvent => ({
  id: `${callId}-${event}`,
  event,
  callId,
  direction: 'in',
  from: '+7 495 123-45-67',
  to: '88005553535',
  timestamp: new Date(base + seconds * 1000).toISOString(),
  ...extra,
});

const now = () => Math.floor(Date.now() / 1000);

describe('signed events', () => {
  it('record a call from its three events, each answered with where the call is', async () => {
    const newCall = await postSigned(
      cms,
      pbx,
      signedEvent('s-1', 'newCall', 0, { queue: 'reception' })
    );
    expect(newCall.status).toBe(200);
    expect(newCall.body).toMatchObject({
      data: { applied: true, call: { status: 'ringing', result: null } },
    });
    await postSigned(cms, pbx, signedEvent('s-1', 'answer', 8, { answeringNumber: '101' }));
    const hangup = await postSigned(
      cms,
      pbx,
      signedEvent('s-1', 'hangup', 68, { cause: 'normalClearing' })
    );
    expect(hangup.body).toEqual({
      data: {
        applied: true,
        call: { id: newCall.body.data.call.id, status: 'ended', result: 'answered' },
      },
    } satisfies SignedEventResponse);
    expect(await callOf(cms, pbx.id, 's-1')).toMatchObject({
      fromNumber: '+74951234567',
      toNumber: '+78005553535',
      queue: 'reception',
      durationSeconds: 60,
    });
  });

  it('correct a call whose events came in reverse order', async () => {
    await postSigned(cms, pbx, signedEvent('s-2', 'hangup', 95, { cause: 'normalClearing' }));
    const early = await callOf(cms, pbx.id, 's-2');
    expect(early).toMatchObject({ status: 'ended', result: 'missed' });
    await postSigned(cms, pbx, signedEvent('s-2', 'answer', 20));
    const last = await postSigned(cms, pbx, signedEvent('s-2', 'newCall', 0));
    expect(last.body.data.call).toMatchObject({ status: 'ended', result: 'answered' });
    expect(await callOf(cms, pbx.id, 's-2')).toMatchObject({ durationSeconds: 75 });
    expect(await stored(cms, pbx.id)).toMatchObject({ calls: 2 });
  });

  it('apply an event id once: the same event again changes nothing', async () => {
    await postSigned(cms, pbx, signedEvent('s-3', 'newCall', 0));
    const hangup = signedEvent('s-3', 'hangup', 30, { cause: 'noAnswer' });
    expect((await postSigned(cms, pbx, hangup)).body.data.applied).toBe(true);
    const before = { row: await callOf(cms, pbx.id, 's-3'), stored: await stored(cms, pbx.id) };
    // A sender that retries may also change its mind: the id decides, not the content.
    const again = await postSigned(cms, pbx, { ...hangup, cause: 'busy' });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ applied: false, call: { result: 'missed' } });
    expect(await callOf(cms, pbx.id, 's-3')).toEqual(before.row);
    expect(await stored(cms, pbx.id)).toEqual(before.stored);
  });

  it('take the same event id from two integrations as two events', async () => {
    const other = await createIntegration(cms, { name: 'Branch PBX' });
    const event = signedEvent('s-shared', 'newCall', 0);
    expect((await postSigned(cms, pbx, event)).body.data.applied).toBe(true);
    expect((await postSigned(cms, other, event)).body.data.applied).toBe(true);
    expect(await stored(cms, other.id)).toEqual({ calls: 1, events: 1 });
  });
});

describe('what the signed endpoint refuses, storing nothing', () => {
  const path = () => `/api/telephony/events/${pbx.token}`;
  const body = JSON.stringify(signedEvent('s-refused', 'newCall', 0));
  const json = { 'content-type': 'application/json' };

  const refusedWith = async (
    status: number,
    send: () => Promise<{ status: number; body: any }>
  ) => {
    const before = await stored(cms);
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.body.error.status).toBe(status);
    expect(await stored(cms)).toEqual(before);
    return answer.body.error;
  };

  it.each([
    ['no signature', () => ({})],
    ['another secret', () => ({ [SIGNATURE_HEADER]: signature('not-the-secret', body) })],
    ['another body', () => ({ [SIGNATURE_HEADER]: signature(pbx.secret, `${body} `) })],
    ['no time', () => ({ [SIGNATURE_HEADER]: signature(pbx.secret, body).replace(/^t=\d+,/, '') })],
    [
      'a replay',
      () => ({
        [SIGNATURE_HEADER]: signature(pbx.secret, body, now() - SIGNATURE_TOLERANCE_SECONDS - 5),
      }),
    ],
    [
      'a time ahead',
      () => ({
        [SIGNATURE_HEADER]: signature(pbx.secret, body, now() + SIGNATURE_TOLERANCE_SECONDS + 5),
      }),
    ],
  ])('answers 401 to %s', async (_case, headers) => {
    const error = await refusedWith(401, () => post(cms, path(), body, { ...json, ...headers() }));
    expect(error.name).toBe('UnauthorizedError');
  });

  it('takes a signature made with the old and the new secret while a sender rotates', async () => {
    const both = `${signature('old-secret', body)},v1=${signature(pbx.secret, body).split('v1=')[1]}`;
    const answer = await post(cms, path(), body, { ...json, [SIGNATURE_HEADER]: both });
    expect(answer.status).toBe(200);
  });

  it('answers 404 to an unknown token, before anything else', async () => {
    await refusedWith(404, () =>
      post(cms, '/api/telephony/events/not-a-token', body, {
        ...json,
        [SIGNATURE_HEADER]: signature(pbx.secret, body),
      })
    );
  });

  it.each([
    ['id', { id: undefined }],
    ['event', { event: 'ring' }],
    ['direction', { direction: 'up' }],
    ['timestamp', { timestamp: 'yesterday' }],
    ['timestamp', { timestamp: '2026-12-07T09:00:00' }],
    ['cause', { cause: 'exploded' }],
    ['voicemail', { voicemail: 'yes' }],
    ['recordingUrl', { recordingUrl: 'javascript:alert(1)' }],
    ['user', { user: 'one' as never }],
    ['from', { from: 7 as never }],
  ])('answers 400 naming %s, when it is wrong', async (field, change) => {
    const wrong = { ...signedEvent('s-bad', 'newCall', 0), ...change } as Record<string, unknown>;
    const error = await refusedWith(400, () => postSigned(cms, pbx, wrong));
    expect(error.details.errors[0].path).toEqual([field]);
  });

  it('answers 400 naming the body to a signed form body', async () => {
    const form = new URLSearchParams({ id: 'f-1', event: 'newCall' }).toString();
    const error = await refusedWith(400, () =>
      post(cms, path(), form, {
        'content-type': 'application/x-www-form-urlencoded',
        [SIGNATURE_HEADER]: signature(pbx.secret, form),
      })
    );
    expect(error.details.errors[0].path).toEqual(['body']);
  });
});

/** Runs `tasks` with at most `limit` at a time, as a provider's sender pool does. */
const inParallel = async <T>(limit: number, tasks: (() => Promise<T>)[]) => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    })
  );
  return results;
};

/** A fixed shuffle (a linear congruential generator), so a failure can be reproduced. */
const shuffled = <T>(items: T[], seed = 15) => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe('a burst of 1,002 signed events from a provider', () => {
  it('yields every call once, with its right result, shuffled and with resends among them', async () => {
    const provider = await createIntegration(cms, { name: 'Busy provider' });
    const CALLS = 334;
    const expected = new Map<string, string>();
    const events: SignedCallEvent[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const callId = `burst-${i}`;
      const newCall = signedEvent(callId, 'newCall', i);
      if (i % 3 === 0) {
        expected.set(callId, 'answered');
        events.push(
          newCall,
          signedEvent(callId, 'answer', i + 5),
          signedEvent(callId, 'hangup', i + 65, { cause: 'normalClearing' })
        );
      } else if (i % 3 === 1) {
        expected.set(callId, 'rejected');
        const busy = signedEvent(callId, 'hangup', i + 2, { cause: 'busy' });
        events.push(newCall, busy, busy);
      } else {
        expected.set(callId, 'missed');
        events.push(newCall, newCall, signedEvent(callId, 'hangup', i + 30, { cause: 'noAnswer' }));
      }
    }
    const answers = await inParallel(
      16,
      shuffled(events).map((event) => () => postSigned(cms, provider, event))
    );
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    const unique = new Set(events.map((event) => event.id)).size;
    expect(answers.filter((answer) => answer.body.data.applied)).toHaveLength(unique);
    expect(await stored(cms, provider.id)).toEqual({ calls: CALLS, events: unique });

    const rows: { callId: string; result: string; status: string }[] = await cms.strapi.db
      .query('plugin::telephony.call')
      .findMany({ where: { integration: provider.id }, select: ['callId', 'result', 'status'] });
    expect(new Map(rows.map((row) => [row.callId, row.result]))).toEqual(expected);
    expect(rows.every((row) => row.status === 'ended')).toBe(true);
  }, 180_000);
});
