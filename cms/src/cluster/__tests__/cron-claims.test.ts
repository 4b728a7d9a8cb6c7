import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { cronClaims } from '../cron-claims';

let cms: TestCms;

beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('claims of cron firings', () => {
  it('give each firing to exactly one of the nodes that fire it, and count them all', async () => {
    // Two nodes' clocks fire the same scheduled time at once.
    const firing = new Date('2027-01-01T00:00:00.000Z');
    const nodes = ['node-a', 'node-b', 'node-c'].map((name) => cronClaims(cms.strapi, name));
    const outcomes = await Promise.all(nodes.map((node) => node.claim('testJob', firing)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);

    const row = await cms.strapi.db
      .connection('vh_cron_claims')
      .where({ name: 'testJob', fired_at: firing.toISOString() })
      .first();
    expect(row.attempts).toBe(3);
  });

  it('give the next firing, and another job, a claim of their own', async () => {
    const node = cronClaims(cms.strapi, 'node-b');
    expect(await node.claim('testJob', new Date('2027-01-02T00:00:00.000Z'))).toBe(true);
    expect(await node.claim('otherJob', new Date('2027-01-01T00:00:00.000Z'))).toBe(true);
  });
});
