import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import type { CallEvent } from '../../../shared/contracts';

/**
 * The call model under the endpoints: events of one call, in any order and repeated, fold into
 * one record with E.164 numbers.
 */

let cms: TestCms;
beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(() => cms?.stop());

const telephony = () => ({
  calls: cms.strapi.plugin('telephony').service('calls'),
  integrations: cms.strapi.plugin('telephony').service('integrations'),
});

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, seconds));

const event = (kind: CallEvent['kind'], callId: string, seconds: number): CallEvent => ({
  eventId: `${callId}-${kind}`,
  kind,
  callId,
  direction: 'in',
  from: '8 (495) 123-45-67',
  to: '+7 800 555-35-35',
  occurredAt: at(seconds),
  ...(kind === 'hangup' ? { cause: 'normalClearing' as const } : {}),
});

const newIntegration = async () => {
  const created = await telephony().integrations.create({ name: 'Office PBX', kind: 'cti' });
  return (await telephony().integrations.findByToken(created.token))!;
};

describe('a call folded from its events', () => {
  it('is answered with its talk time even when the hang-up came first, and counts an event once', async () => {
    const integration = await newIntegration();
    const { calls } = telephony();
    await calls.ingest(integration, event('hangup', 'c-1', 70));
    await calls.ingest(integration, event('newCall', 'c-1', 0));
    const repeated = await calls.ingest(integration, event('hangup', 'c-1', 70));
    expect(repeated.applied).toBe(false);
    const { call } = await calls.ingest(integration, event('answer', 'c-1', 10));
    expect(call).toMatchObject({
      status: 'ended',
      result: 'answered',
      from: '+74951234567',
      to: '+78005553535',
      durationSeconds: 60,
    });
    const rows = await cms.strapi.db.query('plugin::telephony.call').count({
      where: { callId: 'c-1' },
    });
    expect(rows).toBe(1);
  });

  it('is missed when nobody answered, and rejected when the line was busy', async () => {
    const integration = await newIntegration();
    const { calls } = telephony();
    await calls.ingest(integration, event('newCall', 'c-2', 0));
    const missed = await calls.ingest(integration, event('hangup', 'c-2', 30));
    expect(missed.call).toMatchObject({ result: 'missed', durationSeconds: null });
    await calls.ingest(integration, event('newCall', 'c-3', 0));
    const busy = await calls.ingest(integration, {
      ...event('hangup', 'c-3', 5),
      cause: 'busy',
    });
    expect(busy.call.result).toBe('rejected');
  });

  it('answers an unknown token with nothing', async () => {
    expect(await telephony().integrations.findByToken('not-a-token')).toBeNull();
  });
});
