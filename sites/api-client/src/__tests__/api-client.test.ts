import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { SPEC_FILE, TYPES_FILE, cmsOpenApi, specText, typesText } from '../../scripts/openapi.mjs';
import { CmsApiError, createCmsClient, toQueryString } from '..';

let cms: TestCms;
beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
});
afterAll(async () => cms?.stop());

describe('the generated description and types', () => {
  it('are those of the CMS as it is: run `npm run openapi` otherwise', async () => {
    const spec = await cmsOpenApi(cms.strapi);
    expect(specText(spec)).toBe(readFileSync(SPEC_FILE, 'utf8'));
    expect(await typesText(spec)).toBe(readFileSync(TYPES_FILE, 'utf8'));
  });
});

describe('the client', () => {
  it('writes queries the way Strapi reads them', () => {
    expect(
      toQueryString({
        filters: { city: { $eq: 'Москва' }, name: undefined },
        sort: ['name:asc'],
        pagination: { pageSize: 10 },
      })
    ).toBe(
      'filters%5Bcity%5D%5B%24eq%5D=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&sort%5B0%5D=name%3Aasc&pagination%5BpageSize%5D=10'
    );
  });

  it('reads the content API with its types', async () => {
    const client = createCmsClient({ baseUrl: cms.baseUrl });
    const { data } = await client.get('/clinics', {
      query: { filters: { city: { $eq: 'Москва' } }, sort: ['name:asc'] },
    });
    expect(data?.length).toBeGreaterThan(0);
    expect(data?.every((clinic) => clinic.city === 'Москва')).toBe(true);
    const one = await client.get('/clinics/{id}', { path: { id: data![0].documentId! } });
    expect(one.data?.name).toBe(data![0].name);
  });

  it('throws the CMS’s error, with its status', async () => {
    const client = createCmsClient({ baseUrl: cms.baseUrl });
    const refused = client.get('/clinics/{id}', { path: { id: 'nosuchclinic' } });
    await expect(refused).rejects.toBeInstanceOf(CmsApiError);
    await expect(refused).rejects.toMatchObject({ status: 404 });
  });
});
