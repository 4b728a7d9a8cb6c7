// A PBX sending signed call events to VixenHealth Telephony, as fast as it can: each iteration is
// one event, signed with the integration's secret; the events of a call (newCall, answer, hangup)
// follow one another in the sequence but are sent concurrently, as a PBX's sender pool does, so
// they may arrive out of order. Run by lib/scenario-worker.mjs.
import { createHmac, randomUUID } from 'node:crypto';

const KINDS = /** @type {const} */ (['newCall', 'answer', 'hangup']);
const REQUEST_TIMEOUT_MS = 10_000;

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  /** @type {{ token: string, secret: string }} */
  const { token, secret } = options;
  const endpoint = `${url}/api/telephony/events/${token}`;
  // Several runs (check, warm-up, measured) use the same database: calls are never reused.
  const run = randomUUID();
  const started = Date.now();
  let next = 0;

  return async () => {
    const index = next++;
    const kind = KINDS[index % 3];
    const callId = `${run}-${Math.floor(index / 3)}`;
    const body = JSON.stringify({
      id: `${callId}:${kind}`,
      event: kind,
      callId,
      direction: 'in',
      from: '+74951234567',
      to: '+78005553535',
      timestamp: new Date(started + index * 1000).toISOString(),
      ...(kind === 'hangup' ? { cause: 'normalClearing' } : {}),
    });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vixenhealth-signature': `t=${t},v1=${v1}` },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = await response.json();
    if (response.status !== 200 || answer.data?.applied !== true) {
      throw new Error(
        `${kind}: expected 200 and applied, got ${response.status} ${JSON.stringify(answer)}`
      );
    }
  };
};
