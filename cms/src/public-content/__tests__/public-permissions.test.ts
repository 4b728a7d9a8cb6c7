import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { cabinetRoutes } from '../../api/cabinet/routes/cabinet';
import { reviewRoutes } from '../../api/review/routes/review';
import type { DeclaredRoute } from '../../routes/declared-route';
import {
  CABINET_ACTIONS,
  PUBLIC_READ_ACTIONS,
  REVIEW_WRITE_ACTIONS,
  syncPublicPermissions,
} from '../public-permissions';

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
  it('let anonymous users read, and signed-in users also write reviews and run clinics, and nothing more', async () => {
    expect(await apiActionsOf('public')).toEqual([...PUBLIC_READ_ACTIONS].sort());
    expect(await apiActionsOf('authenticated')).toEqual(
      [...PUBLIC_READ_ACTIONS, ...REVIEW_WRITE_ACTIONS, ...CABINET_ACTIONS].sort()
    );
  });

  it('grant every action of the cabinet, so none is refused to its people by omission', () => {
    const actions = Object.keys(cms.strapi.controller('api::cabinet.cabinet'));
    expect([...CABINET_ACTIONS].sort()).toEqual(
      actions.map((action) => `api::cabinet.cabinet.${action}`).sort()
    );
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

describe('routes declared once', () => {
  const declared: DeclaredRoute[] = [...reviewRoutes.routes, ...cabinetRoutes.routes];

  it('are all served at the path they declare', () => {
    const served = new Set(
      cms.strapi.server
        .listRoutes()
        .flatMap((layer) => layer.methods.map((method: string) => `${method} ${layer.path}`))
    );
    for (const route of declared) {
      expect([...served]).toContain(`${route.method} /api${route.path}`);
    }
  });

  it('ask for sign-in (401 without a token) exactly where they are declared signed-in', async () => {
    for (const route of declared) {
      const path = `/api${route.path.replace(/:\w+/g, 'x1')}`;
      const response = await cms.request(path, { method: route.method });
      expect({ route: `${route.method} ${route.path}`, status: response.status === 401 }).toEqual({
        route: `${route.method} ${route.path}`,
        status: route.access === 'signed-in',
      });
    }
  });
});
