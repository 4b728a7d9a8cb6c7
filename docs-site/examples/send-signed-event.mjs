// Sends one call's events to VixenHealth Telephony as a PBX or a script of yours would: signed
// with the integration's secret. Node 20, no dependencies.
//
//   CMS_URL=http://localhost:1337 TELEPHONY_TOKEN=… TELEPHONY_SECRET=… \
//     node docs-site/examples/send-signed-event.mjs
//
// TELEPHONY_TOKEN and TELEPHONY_SECRET are what creating the integration answered, once.
import { createHmac, randomUUID } from 'node:crypto';

const endpoint = new URL(
  `/api/telephony/events/${process.env.TELEPHONY_TOKEN}`,
  process.env.CMS_URL || 'http://localhost:1337'
);
const secret = process.env.TELEPHONY_SECRET || '';

/**
 * The `X-VixenHealth-Signature` header of a body: the time, and the HMAC-SHA256 of
 * "<time>.<body>" with the integration's secret, in hex. Sign the exact bytes you send.
 * @param {string} body
 */
const sign = (body) => {
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
};

/**
 * Sends one event. The CMS answers 200 with `applied: false` for an event id it has seen, so a
 * send that timed out can simply be sent again.
 * @param {object} event
 */
const send = async (event) => {
  const body = JSON.stringify(event);
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vixenhealth-signature': sign(body) },
    body,
    signal: AbortSignal.timeout(5_000),
  });
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(`${response.status}: ${answer.error.message}`);
  }
  return answer.data;
};

const callId = randomUUID();
const started = Date.now();
/** @param {string} event @param {number} seconds @param {object} [extra] */
const event = (event, seconds, extra = {}) => ({
  id: `${callId}:${event}`,
  event,
  callId,
  direction: 'in',
  from: '+74951234567',
  to: '+78005553535',
  timestamp: new Date(started + seconds * 1000).toISOString(),
  ...extra,
});

for (const next of [
  event('newCall', 0, { queue: 'reception' }),
  event('answer', 5, { answeringNumber: '101' }),
  event('hangup', 65, { cause: 'normalClearing' }),
]) {
  const { applied, call } = await send(next);
  console.log(
    `${next.event}: applied=${applied} call=${call.id} ${call.status} ${call.result ?? ''}`
  );
}
