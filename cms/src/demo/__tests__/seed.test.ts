import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '../../../testing/strapi-harness';

let cms: TestCms;

beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
});
afterAll(async () => {
  await cms?.stop();
});

describe('seed on an empty database', () => {
  it('publishes the demo clinics to anonymous readers', async () => {
    const { status, body } = await cms.request('/api/clinics');
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThanOrEqual(3);
  });
});
