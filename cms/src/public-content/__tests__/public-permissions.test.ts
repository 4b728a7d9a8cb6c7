import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '../../../testing/strapi-harness';
import { PUBLIC_READ_ACTIONS, syncPublicPermissions } from '../public-permissions';

let cms: TestCms;

const apiActionsOf = async (type: string) => {
  const role = await cms.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type }, select: ['id'] });
  const permissions = await cms.strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $startsWith: 'api::' } },
    select: ['action'],
  });
  return permissions.map((permission: { action: string }) => permission.action).sort();
};

beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('public permissions at start', () => {
  it('let anonymous and signed-in users read, and nothing more', async () => {
    const expected = [...PUBLIC_READ_ACTIONS].sort();
    expect(await apiActionsOf('public')).toEqual(expected);
    expect(await apiActionsOf('authenticated')).toEqual(expected);
  });

  it('take back an action granted by hand, and grant nothing twice', async () => {
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, select: ['id'] });
    await cms.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::clinic.clinic.delete', role: role.id } });

    await syncPublicPermissions(cms.strapi);
    await syncPublicPermissions(cms.strapi);

    expect(await apiActionsOf('public')).toEqual([...PUBLIC_READ_ACTIONS].sort());
  });
});
