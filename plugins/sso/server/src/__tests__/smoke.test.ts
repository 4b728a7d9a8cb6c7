import { afterAll, beforeAll, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '../../../../../cms/testing/strapi-harness';

let cms: TestCms;
beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
});
afterAll(async () => cms?.stop());

it('serves discovery', async () => {
  const res = await cms.request('/id/.well-known/openid-configuration');
  console.log(res.status, JSON.stringify(res.body).slice(0, 400));
  const jwks = await cms.request('/id/jwks');
  console.log(jwks.status, JSON.stringify(jwks.body).slice(0, 300));
  expect(res.status).toBe(200);
});
