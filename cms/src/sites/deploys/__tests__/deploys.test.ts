import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveDeploys } from '@vixenhealth/clinic-site/deploys-server';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { cabinet, newClinic } from '@vixenhealth/tooling/testing/cabinet-api';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { getByHost } from '@vixenhealth/tooling/testing/host-request';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson, type Person } from '@vixenhealth/tooling/testing/people';
import { TEST_ADMIN } from '@vixenhealth/tooling/testing/strapi-harness';

import { SITE_DEPLOY } from '../../../content-types/uids';
import type { DeployRecord, DeploySummary } from '../../../contracts';
import { failExpiredDeploys, INTERRUPTED_LOG } from '../deploy-queue';
import { runDeploy } from '../deploy-runner';
import { createDeployScheduler } from '../deploy-scheduler';
import { deploySettings } from '../deploy-settings';

let id: IdTest;
let owner: Person;
let dir: string;
let staticPort: number;
let staticServer: Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vh-deploys-'));
  staticPort = await freeLoopbackPort();
  staticServer = await serveDeploys({ dir, port: staticPort });
  id = await startIdTest({
    adminPanel: true,
    env: {
      DEMO_DATA: 'false',
      SITE_DEPLOYS_DIR: dir,
      SITE_DEPLOYS_DEBOUNCE_MS: '300',
      // The app's own node looks at the queue after its own changes only: the tests of the
      // queue below make its nodes take their turns themselves.
      SITE_DEPLOYS_POLL_MS: '600000',
      STATIC_SITES_PORT: String(staticPort),
    },
  });
  owner = await createPerson(id, 'Ольга Владелец');
});
afterAll(async () => {
  await id?.stop();
  await new Promise((resolve) => staticServer?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const deploysOf = async (person: Person, clinic: string) =>
  (await cabinet(id.cms, person.token).get(`/clinics/${clinic}/deploys`)).body
    .data as DeploySummary[];

/** Waits for the clinic's deploy count to reach `count` with the newest one finished. */
const settled = async (clinic: string, count: number): Promise<DeploySummary> => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const deploys = await deploysOf(owner, clinic);
    if (deploys.length >= count && !['queued', 'building'].includes(deploys[0].status)) {
      return deploys[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No finished deploy #${count} of ${clinic}`);
};

const visit = (subdomain: string, urlPath: string) =>
  getByHost(staticPort, `${subdomain}.localhost`, urlPath);

/** An open, published clinic of `owner` with its first deploy live. */
const liveClinic = async () => {
  const api = cabinet(id.cms, owner.token);
  const subdomain = `deploy-${Date.now().toString(36)}`;
  const clinic = (await api.post('/clinics', newClinic(subdomain))).body.data.documentId as string;
  await api.post(`/clinics/${clinic}/publish`);
  const first = await settled(clinic, 1);
  expect(first).toMatchObject({ status: 'live', reason: 'clinic published' });
  return { api, clinic, subdomain };
};

describe('static deploys', () => {
  it('go live within seconds of a publish, switched in whole, with their history', async () => {
    const { api, clinic, subdomain } = await liveClinic();
    const home = await visit(subdomain, '/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`Клиника ${subdomain}`);
    expect(home.text).toContain(`http://${subdomain}.localhost:${staticPort}/`);

    const page = (
      await api.post(`/clinics/${clinic}/pages`, { title: 'Вакансии', slug: 'vakansii' })
    ).body.data.documentId;
    const publishedAt = Date.now();
    await api.post(`/clinics/${clinic}/pages/${page}/publish`);
    const deploy = await settled(clinic, 2);
    const live = await visit(subdomain, '/vakansii');
    const publishToLive = Date.now() - publishedAt;
    expect(live.status).toBe(200);
    expect(live.text).toContain('Вакансии');
    expect(publishToLive).toBeLessThan(10_000);

    expect(deploy).toMatchObject({ status: 'live', reason: 'page published' });
    expect(deploy.pagesTotal).toBeGreaterThan(5);
    expect(deploy.pagesDone).toBe(deploy.pagesTotal);
    expect(deploy.durationMs).toBeGreaterThan(0);
    const record = (await api.get(`/clinics/${clinic}/deploys/${deploy.id}`)).body
      .data as DeployRecord;
    expect(record.log).toMatch(/page \d+\/\d+ \/vakansii/);

    // The live release is one folder, and old ones are pruned.
    const site = path.join(dir, 'sites', subdomain);
    expect(readlinkSync(path.join(site, 'current'))).toMatch(/^releases\//);
    expect(readdirSync(path.join(site, 'releases')).length).toBeLessThanOrEqual(3);
  });

  it('make one deploy of changes that come together', async () => {
    const { api, clinic } = await liveClinic();
    const pages = [];
    for (const slug of ['ceny', 'kontakty-2', 'akcii']) {
      pages.push(
        (await api.post(`/clinics/${clinic}/pages`, { title: slug, slug })).body.data.documentId
      );
    }
    await Promise.all(pages.map((page) => api.post(`/clinics/${clinic}/pages/${page}/publish`)));
    const deploy = await settled(clinic, 2);
    expect(deploy.status).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await deploysOf(owner, clinic)).toHaveLength(2);
  });

  it('take the site down when the clinic goes offline', async () => {
    const { api, clinic, subdomain } = await liveClinic();
    await api.post(`/clinics/${clinic}/unpublish`);
    expect(await settled(clinic, 2)).toMatchObject({
      status: 'offline',
      reason: 'clinic unpublished',
    });
    const gone = await visit(subdomain, '/');
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('Сайт не найден');
  });

  it('keep the live site when a build fails, and say why', async () => {
    const { clinic, subdomain } = await liveClinic();
    const site = path.join(dir, 'sites', subdomain);
    const liveBefore = readlinkSync(path.join(site, 'current'));
    const releasesBefore = readdirSync(path.join(site, 'releases'));
    // A build that writes half a site and crashes, as a full disk or a bug would.
    const crashing = path.join(dir, 'crashing-exporter.mjs');
    writeFileSync(
      crashing,
      `import { mkdirSync, writeFileSync } from 'node:fs';
       const out = process.argv[process.argv.indexOf('--out') + 1];
       mkdirSync(out, { recursive: true });
       writeFileSync(out + '/index.html', 'half');
       console.log('page 1/9 /');
       console.error('export-clinic: out of disk space');
       process.exit(1);`
    );
    const settings = deploySettings(
      { root: id.cms.strapi.dirs.app.root, cmsPort: () => 0 },
      { SITE_DEPLOYS_DIR: dir }
    );
    const { strapi } = id.cms;
    const deploy = await strapi.db.query(SITE_DEPLOY).create({
      // Building already, as if this test had claimed it: no node's worker takes it.
      data: { clinicDocumentId: clinic, subdomain, status: 'building', reason: 'test' },
    });
    await runDeploy(strapi, { ...settings!, exporter: crashing }, deploy);

    const record = (
      await cabinet(id.cms, owner.token).get(`/clinics/${clinic}/deploys/${deploy.id}`)
    ).body.data as DeployRecord;
    expect(record.status).toBe('failed');
    expect(record.log).toContain('out of disk space');
    expect(record.log).toContain('live site was left as it was');
    expect(readlinkSync(path.join(site, 'current'))).toBe(liveBefore);
    expect(readdirSync(path.join(site, 'releases'))).toEqual(releasesBefore);
    expect((await visit(subdomain, '/')).text).toContain(`Клиника ${subdomain}`);
  });

  it('are the clinic’s own: other people cannot read them; staff need the permission', async () => {
    const { clinic } = await liveClinic();
    const stranger = await createPerson(id, 'Пётр Чужой');
    expect((await cabinet(id.cms, stranger.token).get(`/clinics/${clinic}/deploys`)).status).toBe(
      404
    );

    const staff = await id.cms.request(`/site-deploys?clinic=${clinic}`, {
      token: await id.cms.adminToken(),
    });
    expect(staff.status).toBe(200);
    expect(staff.body.data[0]).toMatchObject({ status: 'live' });
    const moderator = await createModerator(id.cms);
    expect((await id.cms.request('/site-deploys', { token: moderator.token })).status).toBe(403);
  });

  it('serve nothing outside a site, whatever the path or host', async () => {
    const { subdomain } = await liveClinic();
    for (const urlPath of [
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fcurrent',
    ]) {
      const answer = await visit(subdomain, urlPath);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('root:');
    }
    expect((await getByHost(staticPort, '..', '/')).status).toBe(404);
    expect((await visit('no-such-clinic', '/')).status).toBe(404);
  });

  it('serve no folder for a host no clinic can have, such as one with a leading hyphen', async () => {
    for (const [folder, host] of [
      ['sites/-planted', '-planted.localhost'],
      ['domains/-planted.ru', '-planted.ru'],
      ['domains/planted..ru', 'planted..ru'],
    ]) {
      const current = path.join(dir, folder, 'current');
      mkdirSync(current, { recursive: true });
      writeFileSync(path.join(current, 'index.html'), 'planted');
      const answer = await getByHost(staticPort, host, '/');
      expect(answer.status, host).toBe(404);
      expect(answer.text, host).not.toContain('planted');
    }
  });
});

describe('the deploy queue, which the nodes of the platform share', () => {
  interface Row {
    id: number;
    status: string;
    reason: string;
    node: string | null;
    log: string | null;
  }
  const rowsOf = async (clinic: string) =>
    (await id.cms.strapi.db.query(SITE_DEPLOY).findMany({
      where: { clinicDocumentId: clinic },
      select: ['id', 'status', 'reason', 'node', 'log'],
      orderBy: { id: 'asc' },
    })) as Row[];
  const pastDebounce = () => new Promise((resolve) => setTimeout(resolve, 350));

  /** Two nodes on the app's database, as two CMS processes would be; they work when told. */
  const twoNodes = () => {
    const settings = deploySettings(
      {
        root: id.cms.strapi.dirs.app.root,
        cmsPort: () => Number(new URL(id.cms.baseUrl).port),
      },
      {
        SITE_DEPLOYS_DIR: dir,
        SITE_DEPLOYS_DEBOUNCE_MS: '300',
        STATIC_SITES_PORT: String(staticPort),
      }
    )!;
    return ['node-a', 'node-b'].map((node) =>
      createDeployScheduler(id.cms.strapi, settings, { node })
    );
  };

  it('make one deploy of a burst of changes heard on two nodes, built by one of them', async () => {
    const { clinic } = await liveClinic();
    const [a, b] = twoNodes();
    for (let change = 1; change <= 6; change += 1) {
      (change % 2 ? a : b).schedule({ clinicDocumentId: clinic, reason: `change ${change}` });
    }
    await Promise.all([a.settled(), b.settled()]);
    const queued = await rowsOf(clinic);
    expect(queued).toHaveLength(2);
    expect(queued[1]).toMatchObject({ status: 'queued' });
    expect(queued[1].reason.split(', ').sort()).toEqual(
      ['change 1', 'change 2', 'change 3', 'change 4', 'change 5', 'change 6'].sort()
    );

    // Both look at once: one claims it, and the other finds nothing it may build.
    await pastDebounce();
    const worked = await Promise.all([a.work(), b.work()]);
    expect(worked.filter(Boolean)).toHaveLength(1);
    const [, built] = await rowsOf(clinic);
    expect(built).toMatchObject({ status: 'live', node: worked[0] ? 'node-a' : 'node-b' });
    expect(await Promise.all([a.work(), b.work()])).toEqual([false, false]);
    expect(await rowsOf(clinic)).toHaveLength(2);
  });

  it('leave a clinic another node builds under a live lease to it, until the lease runs out', async () => {
    const { clinic, subdomain } = await liveClinic();
    const [a, b] = twoNodes();
    const deploys = id.cms.strapi.db.query(SITE_DEPLOY);
    const held = await deploys.create({
      data: {
        clinicDocumentId: clinic,
        subdomain,
        status: 'building',
        reason: 'service published',
        node: 'node-c',
        leaseUntil: new Date(Date.now() + 60_000),
      },
    });
    a.schedule({ clinicDocumentId: clinic, reason: 'page published' });
    await a.settled();
    await pastDebounce();
    expect(await Promise.all([a.work(), b.work()])).toEqual([false, false]);
    expect((await rowsOf(clinic)).map((row) => row.status)).toEqual(['live', 'building', 'queued']);
    expect(await failExpiredDeploys(id.cms.strapi)).toBe(0);

    // Node C stopped: its lease runs out, and whichever node notices first fails its deploy
    // once; the change that waited is built, with the clinic queued again in it.
    await deploys.update({
      where: { id: held.id },
      data: { leaseUntil: new Date(Date.now() - 1) },
    });
    expect(
      await Promise.all([failExpiredDeploys(id.cms.strapi), failExpiredDeploys(id.cms.strapi)])
    ).toEqual(expect.arrayContaining([0, 1]));
    expect(await b.work()).toBe(true);
    const [, interrupted, rebuilt, ...more] = await rowsOf(clinic);
    expect(interrupted).toMatchObject({ status: 'failed', log: INTERRUPTED_LOG });
    expect(rebuilt).toMatchObject({ status: 'live', node: 'node-b' });
    expect(rebuilt.reason).toContain('page published');
    expect(more).toEqual([]);
  });
});

describe('the admin panel’s deploys page', () => {
  it('shows staff each deploy with its status and log', async () => {
    const { subdomain } = await liveClinic();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
      await page.getByLabel('Email').fill(TEST_ADMIN.email);
      await page.getByLabel('Password').fill(TEST_ADMIN.password);
      await page.getByRole('button', { name: 'Login' }).click();
      await page.waitForURL(/\/admin(?!\/auth)/);
      await page.getByRole('link', { name: 'Deploys' }).click();
      const row = page.getByRole('row').filter({ hasText: subdomain });
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => row.textContent()).toMatch(/Live.*clinic published/);
      await row.getByRole('button', { name: 'Log' }).click();
      await expect
        .poll(() => page.getByLabel('Deploy log').textContent())
        .toMatch(/page \d+\/\d+ \/contacts/);
    } finally {
      await browser.close();
    }
  });
});
