import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { publishClinic } from '@vixenhealth/tooling/lib/cms-admin-api';
import {
  adminTokenAt,
  startCmsCluster,
  type CmsCluster,
} from '@vixenhealth/tooling/testing/cms-process';

import { INTERRUPTED_LOG } from '../deploy-queue';

/**
 * Static deploys on two CMS nodes of one platform: one PostgreSQL database, one deploys folder.
 * Two processes cannot share an SQLite file safely, so this runs in the PostgreSQL pass only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const LEASE_MS = 2000;
const POLL_MS = 250;

interface Row {
  id: number;
  status: string;
  reason: string;
  node: string | null;
  log: string | null;
}

let cluster: CmsCluster;
let db: Knex;
let dir: string;
let token: string;

/** Publishes a clinic through one node's admin panel API: a new one, or `documentId` renamed. */
const publish = async (baseUrl: string, key: string, name: string, documentId?: string) => {
  const response = await publishClinic(baseUrl, token, {
    name,
    slug: `deploys-${key}`,
    documentId,
  });
  const body = (await response.json()) as { data: { documentId: string } };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.data.documentId;
};

const rowsOf = async (clinic: string) =>
  (await db('site_deploys')
    .where({ clinic_document_id: clinic })
    .orderBy('id')
    .select('id', 'status', 'reason', 'node', 'log')) as Row[];

/** Polls `check` every 20 ms until it returns something, for at most `ms`. */
const waitFor = async <T>(what: string, ms: number, check: () => Promise<T | undefined>) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Not within ${ms} ms: ${what}`);
};

const settled = (rows: Row[]) => rows.every((row) => !['queued', 'building'].includes(row.status));

describe.runIf(onPostgres)('static deploys on two CMS nodes', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vh-deploys-nodes-'));
    cluster = await startCmsCluster(2, {
      SITE_DEPLOYS_DIR: dir,
      SITE_DEPLOYS_DEBOUNCE_MS: '1500',
      SITE_DEPLOYS_LEASE_MS: String(LEASE_MS),
      SITE_DEPLOYS_POLL_MS: String(POLL_MS),
    });
    db = cluster.openDatabase();
    token = await adminTokenAt(cluster.nodes[0].baseUrl);
  }, 240_000);

  afterAll(async () => {
    await cluster?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('build a burst of publishes of one clinic across both nodes once, one node at a time', async () => {
    const key = randomBytes(4).toString('hex');
    const [nodeA, nodeB] = cluster.nodes.map((node) => node.baseUrl);
    const clinic = await publish(nodeA, key, 'Клиника 0');
    await waitFor('the first deploy', 30_000, async () => {
      const rows = await rowsOf(clinic);
      return rows.length === 1 && settled(rows) ? rows : undefined;
    });

    for (let change = 1; change <= 6; change += 1) {
      await publish(change % 2 ? nodeB : nodeA, key, `Клиника ${change}`, clinic);
    }
    let mostBuilding = 0;
    const rows = await waitFor('the burst built', 30_000, async () => {
      const current = await rowsOf(clinic);
      mostBuilding = Math.max(
        mostBuilding,
        current.filter((row) => row.status === 'building').length
      );
      return current.length > 1 && settled(current) ? current : undefined;
    });
    // Nothing more comes after the debounce time.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await rowsOf(clinic)).toHaveLength(rows.length);
    expect(rows.map((row) => row.status)).toEqual(['live', 'live']);
    expect(rows[1].reason).toBe('clinic published');
    expect(mostBuilding).toBeLessThanOrEqual(1);
  });

  it('finish a deploy on the other node when the node building it is killed', async () => {
    const key = randomBytes(4).toString('hex');
    const clinic = await publish(cluster.nodes[0].baseUrl, key, 'Клиника');
    const building = await waitFor('a deploy building', 30_000, async () =>
      (await rowsOf(clinic)).find((row) => row.status === 'building')
    );
    // Node A in practice (its own change wakes it first); whichever node holds the lease dies.
    const holder = cluster.nodes.find((node) =>
      building.node?.endsWith(`:${new URL(node.baseUrl).port}`)
    )!;
    const survivor = cluster.nodes.find((node) => node !== holder)!;
    holder.child.kill('SIGKILL');
    await holder.exited;
    const killedAt = Date.now();

    const rows = await waitFor('a live deploy', 30_000, async () => {
      const current = await rowsOf(clinic);
      return current.some((row) => row.status === 'live') ? current : undefined;
    });
    const finishedIn = Date.now() - killedAt;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: building.id, status: 'failed', log: INTERRUPTED_LOG });
    expect(rows[1]).toMatchObject({ status: 'live' });
    expect(rows[1].node).toMatch(new RegExp(`:${new URL(survivor.baseUrl).port}$`));
    expect(rows[1].reason).toContain('resumed after an interrupted deploy');
    expect(finishedIn).toBeLessThan(LEASE_MS + POLL_MS + 15_000);
    const current = path.join(dir, 'sites', `deploys-${key}`, 'current');
    expect(existsSync(current)).toBe(true);
    expect(readlinkSync(current)).toMatch(new RegExp(`-${rows[1].id}$`));
  });
});
