import * as client from 'openid-client';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, registerPerson } from '@vixenhealth/tooling/testing/people';
import { discover } from '@vixenhealth/tooling/testing/relying-party';

import { insertRawEvents, moscow } from '@vixenhealth/tooling/testing/metrics-events';

/**
 * The dashboards' API over HTTP with real VixenHealth ID tokens: who may read and change what,
 * the periods and their figures, bad input, the CSV export, and the public link.
 */

let id: IdTest;
const tokens: Record<string, string> = {};
let clinicId: string;
let otherClinicId: string;

/** `2026-03-10 12:00` in Moscow: "today" of every test here. */
const NOW = moscow('2026-03-10T12:00');

const stats = (site: string, query = '', token?: string) =>
  id.cms.request(`/api/metrics/sites/${site}/stats${query}`, { token });

/** A client-credentials token of the demo service: a service without metrics permission. */
const serviceToken = async () => {
  const service = await discover(id.issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
  return (await client.clientCredentialsGrant(service, { scope: 'api' })).access_token;
};

/**
 * The same service token with `clinic-metrics:read` among its permissions, signed with ID's own
 * key: what ID issues once a service is granted the permission (ID has no such setting yet).
 */
const permittedServiceToken = async () => {
  const original = await serviceToken();
  const header = decodeProtectedHeader(original);
  const { keys } = (await id.cms.strapi.plugin('sso').service('signing-keys').providerJwks()) as {
    keys: JWK[];
  };
  const jwk = keys.find((key) => key.kid === header.kid) as JWK;
  return new SignJWT({ ...decodeJwt(original), permissions: ['clinic-metrics:read'] })
    .setProtectedHeader({ alg: header.alg as string, kid: header.kid, typ: header.typ })
    .sign(await importJWK(jwk, header.alg));
};

beforeAll(async () => {
  // The roll-up is run by the test itself, not by its timer.
  id = await startIdTest({ env: { METRICS_ROLLUP_INTERVAL_MS: '3600000' } });
  const { strapi } = id.cms;
  const people = {
    owner: await registerPerson(id, 'Ольга Владелец'),
    administrator: await registerPerson(id, 'Андрей Администратор'),
    otherOwner: await registerPerson(id, 'Пётр Чужой'),
  };
  for (const [role, person] of Object.entries(people)) {
    tokens[role] = await accessTokenOf(id, person);
  }
  const clinic = await fixtures(strapi).clinic({
    name: 'Клиника «Лисья тропа»',
    owners: [people.owner.documentId],
    administrators: [people.administrator.documentId],
  });
  const other = await fixtures(strapi).clinic({ owners: [people.otherOwner.documentId] });
  clinicId = clinic.documentId;
  otherClinicId = other.documentId;

  strapi.plugin('metrics').service('clock').set(new Date(NOW));
  await insertRawEvents(strapi, clinicId, [
    // Today: two visitors, one of them reads two pages and calls.
    { visitor: 'a', local: '2026-03-10T09:00', referrer: 'yandex.ru', utm_campaign: 'весна' },
    { visitor: 'a', local: '2026-03-10T09:02', path: '/цены' },
    { visitor: 'a', local: '2026-03-10T09:04', name: 'Звонок', path: '/цены' },
    { visitor: 'b', local: '2026-03-10T11:30', path: '/врачи', device: 'mobile' },
    // Five days ago: in this 7-day period. Eight days ago: in the one before.
    { visitor: 'c', local: '2026-03-05T15:00', path: '=HYPERLINK("http://evil")' },
    { visitor: 'd', local: '2026-03-02T15:00', referrer: '-2+3' },
    { visitor: 'e', local: '2026-03-02T16:00', referrer: '@SUM(A1)' },
  ]);
  await insertRawEvents(strapi, otherClinicId, [{ visitor: 'z', local: '2026-03-10T10:00' }]);
  await strapi.plugin('metrics').service('rollup').runNow();
});
afterAll(async () => {
  id?.cms.strapi.plugin('metrics').service('clock').set(null);
  await id?.stop();
});

describe('who may read a clinic’s figures', () => {
  it('lets the owner and the administrator read, with their ID access tokens', async () => {
    for (const role of ['owner', 'administrator']) {
      const answer = await stats(clinicId, '?period=today', tokens[role]);
      expect(answer.status, role).toBe(200);
      expect(answer.body.site).toEqual({ id: clinicId, name: 'Клиника «Лисья тропа»' });
      expect(answer.body.totals.visitors, role).toBe(2);
    }
  });

  it('answers another clinic’s owner exactly as for a clinic that does not exist', async () => {
    const foreign = await stats(clinicId, '', tokens.otherOwner);
    const missing = await stats('no-such-clinic', '', tokens.otherOwner);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    // And their own token reads their own clinic.
    expect(
      (await stats(otherClinicId, '?period=today', tokens.otherOwner)).body.totals.visits
    ).toBe(1);
  });

  it('asks an anonymous caller to sign in', async () => {
    const answer = await stats(clinicId);
    expect(answer.status).toBe(401);
    expect(answer.body.error.name).toBe('UnauthorizedError');
  });

  it('refuses a service token without clinic-metrics:read, and serves one with it', async () => {
    expect((await stats(clinicId, '', await serviceToken())).status).toBe(403);
    const permitted = await stats(clinicId, '?period=today', await permittedServiceToken());
    expect(permitted.status).toBe(200);
    expect(permitted.body.totals.pageviews).toBe(3);
  });

  it('lets only owners change the settings and the public link', async () => {
    const asAdministrator = await id.cms.request(`/api/metrics/sites/${clinicId}/settings`, {
      method: 'PUT',
      token: tokens.administrator,
      body: { data: { retentionDays: 30 } },
    });
    expect(asAdministrator.status).toBe(403);
    expect(asAdministrator.body.error.details.rule).toBe('owners-only');
    const share = await id.cms.request(`/api/metrics/sites/${clinicId}/share`, {
      method: 'POST',
      token: tokens.administrator,
    });
    expect(share.status).toBe(403);
    const foreign = await id.cms.request(`/api/metrics/sites/${clinicId}/share`, {
      method: 'POST',
      token: tokens.otherOwner,
    });
    expect(foreign.status).toBe(404);
    const settings = await id.cms.request(`/api/metrics/sites/${clinicId}/settings`, {
      token: tokens.administrator,
    });
    expect(settings.body.data).toEqual({
      retentionDays: null,
      defaultRetentionDays: 365,
      share: null,
    });
  });
});

describe('the figures of a period', () => {
  it('gives today by the hour', async () => {
    const { body } = await stats(clinicId, '?period=today', tokens.owner);
    expect(body.period).toMatchObject({
      name: 'today',
      from: '2026-03-10',
      to: '2026-03-10',
      granularity: 'hour',
      timeZone: 'Europe/Moscow',
    });
    expect(body.totals).toEqual({
      visitors: 2,
      visits: 2,
      pageviews: 3,
      bounceRate: 0.5,
      visitDuration: 120,
      events: 1,
    });
    expect(body.series).toHaveLength(24);
    expect(body.series[9]).toEqual({ at: '2026-03-10T09', visitors: 1, pageviews: 2 });
    expect(body.series[11]).toEqual({ at: '2026-03-10T11', visitors: 1, pageviews: 1 });
    expect(body.top.pages.map((row: { value: string }) => row.value)).toEqual([
      '/',
      '/врачи',
      '/цены',
    ]);
    expect(body.top.campaigns).toEqual([{ value: 'весна', visitors: 1, count: 1 }]);
    expect(body.top.events).toEqual([{ value: 'Звонок', visitors: 1, count: 1 }]);
  });

  it('compares 7 days with the 7 days before', async () => {
    const { body } = await stats(clinicId, '?period=7d', tokens.owner);
    expect(body.period).toMatchObject({ from: '2026-03-04', to: '2026-03-10', granularity: 'day' });
    expect(body.totals.visitors).toBe(3);
    expect(body.previous.visitors).toBe(2);
    expect(body.series.map((point: { at: string }) => point.at)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(body.series[1].visitors).toBe(1);
  });

  it('gives 12 months by the month, and a custom period as asked', async () => {
    const year = await stats(clinicId, '?period=12mo', tokens.owner);
    expect(year.body.period).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-10',
      granularity: 'month',
    });
    expect(year.body.series).toHaveLength(12);
    expect(year.body.series[11]).toEqual({ at: '2026-03', visitors: 5, pageviews: 6 });

    const custom = await stats(
      clinicId,
      '?period=custom&from=2026-03-02&to=2026-03-02',
      tokens.owner
    );
    expect(custom.body.totals.visitors).toBe(2);
    expect(custom.body.previous.visitors).toBe(0);
    expect(custom.body.top.referrers).toEqual([
      { value: '-2+3', visitors: 1, count: 1 },
      { value: '@SUM(A1)', visitors: 1, count: 1 },
    ]);
  });

  it.each([
    ['?period=week', ['period']],
    ['?period=custom', ['from']],
    ['?period=custom&from=2026-03-02', ['to']],
    ['?period=custom&from=2026-02-30&to=2026-03-02', ['from']],
    ['?period=custom&from=2026-03-05&to=2026-03-02', ['from']],
    ['?period=custom&from=2023-01-01&to=2026-03-02', ['to']],
    ['?period=7d&from=2026-03-01', ['from']],
    ['?perod=7d', ['perod']],
  ])('refuses %s with a 400 naming %j', async (query, path) => {
    const answer = await stats(clinicId, query, tokens.owner);
    expect(answer.status).toBe(400);
    expect(answer.body.error.name).toBe('ValidationError');
    expect(answer.body.error.details.errors[0].path).toEqual(path);
  });
});

describe('the CSV export', () => {
  const csv = async (query: string, token?: string) => {
    const response = await fetch(
      `${id.cms.baseUrl}/api/metrics/sites/${clinicId}/stats.csv${query}`,
      {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }
    );
    return {
      response,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
    };
  };

  it('is UTF-8 with a BOM, an attachment, with the series and the breakdowns', async () => {
    const { response, text } = await csv('?period=7d', tokens.owner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="metrics-${clinicId}-2026-03-04-2026-03-10.csv"`
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Сайт;Клиника «Лисья тропа»');
    expect(lines).toContain('2026-03-10;2;3');
    expect(lines).toContain('Страницы;Посетители;Просмотры');
    expect(lines).toContain('/цены;1;1');
    expect(lines).toContain('весна;1;1');
  });

  it('neutralises cells that would run as formulas in a spreadsheet', async () => {
    const { text } = await csv('?period=custom&from=2026-03-01&to=2026-03-06', tokens.owner);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"")";1;1`);
    expect(lines).toContain("'-2+3;1;1");
    expect(lines).toContain("'@SUM(A1);1;1");
    expect(text).not.toMatch(/(^|;|\n)[=+\-@]/);
  });

  it('is refused to whoever may not read the clinic', async () => {
    expect((await csv('', tokens.otherOwner)).response.status).toBe(404);
    expect((await csv('')).response.status).toBe(401);
  });
});

describe('settings and the public link', () => {
  const settings = (method: string, body?: unknown) =>
    id.cms.request(`/api/metrics/sites/${clinicId}/settings`, {
      method,
      token: tokens.owner,
      body,
    });

  it.each([0, 366, 1.5, '30', true])(
    'refuses a retention of %j, changing nothing',
    async (days) => {
      const answer = await settings('PUT', { data: { retentionDays: days } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.errors[0].path).toEqual(['data', 'retentionDays']);
      expect((await settings('GET')).body.data.retentionDays).toBeNull();
    }
  );

  it('keeps the owner’s retention, and returns to the default on null', async () => {
    expect((await settings('PUT', { data: { retentionDays: 90 } })).body.data.retentionDays).toBe(
      90
    );
    expect((await settings('GET')).body.data.retentionDays).toBe(90);
    expect(
      (await settings('PUT', { data: { retentionDays: null } })).body.data.retentionDays
    ).toBeNull();
    expect(
      (await settings('PUT', { data: { keep: 3 } })).body.error.details.errors[0].path
    ).toEqual(['data', 'keep']);
  });

  it('shows the dashboard by link without sign-in until the link is rotated or revoked', async () => {
    const share = () =>
      id.cms.request(`/api/metrics/sites/${clinicId}/share`, {
        method: 'POST',
        token: tokens.owner,
      });
    const shared = (token: string, query = '') =>
      id.cms.request(`/api/metrics/shared/${token}/stats${query}`);

    const first = await share();
    expect(first.status).toBe(201);
    expect(first.body.data.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const open = await shared(first.body.data.token, '?period=today');
    expect(open.status).toBe(200);
    expect(open.body.site.name).toBe('Клиника «Лисья тропа»');
    expect(open.body.totals.visitors).toBe(2);
    expect((await shared(first.body.data.token, '?period=never')).status).toBe(400);
    expect((await settings('GET')).body.data.share.token).toBe(first.body.data.token);

    const second = await share();
    expect(second.body.data.token).not.toBe(first.body.data.token);
    expect((await shared(first.body.data.token)).status).toBe(404);
    expect((await shared(second.body.data.token)).status).toBe(200);

    const revoked = await id.cms.request(`/api/metrics/sites/${clinicId}/share`, {
      method: 'DELETE',
      token: tokens.owner,
    });
    expect(revoked.status).toBe(204);
    expect((await shared(second.body.data.token)).status).toBe(404);
    expect((await settings('GET')).body.data.share).toBeNull();
    expect((await shared('not-a-token')).status).toBe(404);
  });
});
