import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { CLINIC, SITE_DEPLOY } from '../../content-types/uids';

/**
 * The deploy queue is the `site_deploys` table, shared by every CMS node on the database: a clinic
 * has at most one deploy `queued` (changes join it) and one `building` (held by one node under a
 * lease it renews). Every write that could break that is made under the clinic's lock.
 */

/** A deploy a node claimed: what it needs to build it. */
export interface ClaimedDeploy {
  id: number;
  clinicDocumentId: string;
  subdomain: string;
  reason: string;
}

/** What became of a request to deploy a clinic. */
export type Enqueued = 'created' | 'joined' | 'busy' | 'no-clinic';

/** Why a deploy whose lease ran out failed; the clinic is queued again. */
export const INTERRUPTED_LOG = 'Interrupted: the node building it stopped.\n';

const MAX_REASON = 200;
/** The first key of the clinic locks, so no other advisory lock of the database meets them. */
const LOCK_SPACE = 0x56_48_44; // "VHD"

const deploys = (strapi: Core.Strapi) => strapi.db.query(SITE_DEPLOY);

/**
 * Makes the queue's writes for one clinic take turns across nodes, until the transaction ends:
 * an advisory lock on PostgreSQL; SQLite writes one transaction at a time anyway.
 */
const lockClinic = async (strapi: Core.Strapi, trx: Knex.Transaction, clinicDocumentId: string) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_SPACE, clinicDocumentId]);
};

/** `reasons` added to what the deploy already says, each once, within the column's length. */
export const mergeReasons = (existing: string | null, reasons: readonly string[]) =>
  [...new Set([...(existing ? existing.split(', ') : []), ...reasons])]
    .join(', ')
    .slice(0, MAX_REASON);

const time = (value: unknown) => (value ? new Date(value as string).getTime() : 0);

/** True when a node builds the clinic and its lease still runs. */
const buildingUnderLease = async (strapi: Core.Strapi, clinicDocumentId: string, now: Date) =>
  (await deploys(strapi).count({
    where: { clinicDocumentId, status: 'building', leaseUntil: { $gt: now } },
  })) > 0;

/**
 * Queues a deploy of the clinic, or joins the one queued and not started yet (its reason takes
 * the new ones; it waits until `readyAt`, the later of both). With `ifIdle`, nothing is queued
 * when the clinic builds already (a first deploy at start, which another node is making).
 */
export const enqueueDeploy = async (
  strapi: Core.Strapi,
  request: { clinicDocumentId: string; reasons: readonly string[]; readyAt: Date; ifIdle?: boolean }
): Promise<Enqueued> =>
  strapi.db.transaction(async ({ trx }): Promise<Enqueued> => {
    const { clinicDocumentId, reasons, readyAt } = request;
    await lockClinic(strapi, trx, clinicDocumentId);
    const queued = (await deploys(strapi).findOne({
      where: { clinicDocumentId, status: 'queued' },
      select: ['id', 'reason', 'readyAt'],
      orderBy: { id: 'asc' },
    })) as { id: number; reason: string | null; readyAt: unknown } | null;
    if (queued) {
      await deploys(strapi).update({
        where: { id: queued.id },
        data: {
          reason: mergeReasons(queued.reason, reasons),
          readyAt: new Date(Math.max(time(queued.readyAt), readyAt.getTime())),
        },
      });
      return 'joined';
    }
    if (request.ifIdle && (await buildingUnderLease(strapi, clinicDocumentId, new Date()))) {
      return 'busy';
    }
    const clinic = (await strapi.db.query(CLINIC).findOne({
      where: { documentId: clinicDocumentId },
      select: ['subdomain'],
    })) as { subdomain: string } | null;
    if (!clinic) return 'no-clinic';
    await deploys(strapi).create({
      data: {
        clinicDocumentId,
        subdomain: clinic.subdomain,
        status: 'queued',
        reason: mergeReasons(null, reasons),
        readyAt,
      },
    });
    return 'created';
  });

/**
 * Claims the oldest queued deploy that is ready and whose clinic no node builds under a live
 * lease: it becomes `building`, held by `node` until `leaseMs` from now. The claim is one
 * conditional update (`where status = 'queued'`), made under the clinic's lock, so two nodes
 * never claim one deploy, nor two deploys of one clinic.
 */
export const claimNextDeploy = async (
  strapi: Core.Strapi,
  { node, leaseMs }: { node: string; leaseMs: number }
): Promise<ClaimedDeploy | null> => {
  const now = new Date();
  const ready = (await deploys(strapi).findMany({
    where: {
      status: 'queued',
      $or: [{ readyAt: { $null: true } }, { readyAt: { $lte: now } }],
    },
    select: ['id', 'clinicDocumentId'],
    orderBy: { id: 'asc' },
    limit: 20,
  })) as { id: number; clinicDocumentId: string }[];
  if (ready.length === 0) return null;
  const busy = new Set(
    (
      (await deploys(strapi).findMany({
        where: { status: 'building', leaseUntil: { $gt: now } },
        select: ['clinicDocumentId'],
      })) as { clinicDocumentId: string }[]
    ).map((deploy) => deploy.clinicDocumentId)
  );
  for (const candidate of ready) {
    if (busy.has(candidate.clinicDocumentId)) continue;
    const claimed = await strapi.db.transaction(async ({ trx }) => {
      await lockClinic(strapi, trx, candidate.clinicDocumentId);
      const at = new Date();
      if (await buildingUnderLease(strapi, candidate.clinicDocumentId, at)) return null;
      const { count } = await deploys(strapi).updateMany({
        where: { id: candidate.id, status: 'queued' },
        data: { status: 'building', node, startedAt: at, leaseUntil: new Date(+at + leaseMs) },
      });
      if (count !== 1) return null;
      return (await deploys(strapi).findOne({
        where: { id: candidate.id },
        select: ['id', 'clinicDocumentId', 'subdomain', 'reason'],
      })) as ClaimedDeploy;
    });
    if (claimed) return { ...claimed, reason: claimed.reason ?? '' };
    busy.add(candidate.clinicDocumentId);
  }
  return null;
};

/** Extends `node`'s lease on the deploy it builds; false when it holds it no more. */
export const renewLease = async (
  strapi: Core.Strapi,
  { id, node, leaseMs }: { id: number; node: string; leaseMs: number }
) => {
  const { count } = await deploys(strapi).updateMany({
    where: { id, node, status: 'building' },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return count === 1;
};

/**
 * Deploys `building` whose lease ran out (their node died, or hung longer than the lease) are
 * failed, and their clinics queued again; with `unleased`, also those building with no lease at
 * all, which a CMS from before leases left. Whichever node notices first does it, once.
 * Returns how many it failed.
 */
export const failExpiredDeploys = async (
  strapi: Core.Strapi,
  { unleased = false }: { unleased?: boolean } = {}
) => {
  const now = new Date();
  const expired = (await deploys(strapi).findMany({
    where: {
      status: 'building',
      $or: [{ leaseUntil: { $lt: now } }, ...(unleased ? [{ leaseUntil: { $null: true } }] : [])],
    },
    select: ['id', 'clinicDocumentId'],
  })) as { id: number; clinicDocumentId: string }[];
  let failed = 0;
  for (const deploy of expired) {
    const done = await strapi.db.transaction(async ({ trx }) => {
      await lockClinic(strapi, trx, deploy.clinicDocumentId);
      const { count } = await deploys(strapi).updateMany({
        where: {
          id: deploy.id,
          status: 'building',
          $or: [
            { leaseUntil: { $lt: new Date() } },
            ...(unleased ? [{ leaseUntil: { $null: true } }] : []),
          ],
        },
        data: { status: 'failed', log: INTERRUPTED_LOG, finishedAt: new Date() },
      });
      return count === 1;
    });
    if (!done) continue;
    failed += 1;
    await enqueueDeploy(strapi, {
      clinicDocumentId: deploy.clinicDocumentId,
      reasons: ['resumed after an interrupted deploy'],
      readyAt: new Date(),
    });
  }
  return failed;
};
