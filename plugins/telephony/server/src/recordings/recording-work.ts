import { rm } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';

import type { TelephonyConfig } from '../config';
import { createKeyedQueue } from '../calls/keyed-queue';
import { CALL, INTEGRATION } from '../content-types/uids';
import type { IntegrationRow } from '../integrations/integration-row';
import { downloadRecording } from './download-recording';
import { openRecording } from './open-recording';
import { maxRecordingBytes, removeRecordingFile, storeRecordingFile } from './recording-files';
import { claimDueJobs, finishJob, retryJob, type RecordingJob } from './recording-jobs';

const DAY_MS = 86_400_000;
/** A try that has not finished in this time is taken up again (its node died). */
const LEASE_MS = 10 * 60_000;

interface CallWithRecording {
  id: number;
  callId: string;
  status: string;
  endedAt: string | Date | null;
  recording?: { id: number } | null;
}

const runs = new WeakMap<Core.Strapi, ReturnType<typeof createKeyedQueue>>();

/** One run at a time on this node: the webhook's nudge and the timer do not fetch a file twice. */
const serially = <T>(strapi: Core.Strapi, task: () => Promise<T>) => {
  let queue = runs.get(strapi);
  if (!queue) runs.set(strapi, (queue = createKeyedQueue()));
  return queue('recordings', task);
};

/**
 * Fetching and keeping calls' recordings: due recordings are downloaded, stored privately,
 * linked to their call and kept `recordingRetentionDays` after the call ended; expired ones are
 * deleted. Both take `now`, so tests (and operators) can move time.
 */
export const recordingWork = (strapi: Core.Strapi) => {
  const db = strapi.db.connection;
  const retentionDays = () =>
    (strapi.config.get('plugin::telephony') as TelephonyConfig).recordingRetentionDays;

  /** Done (true), or not yet possible (a reason to try again later). */
  const fetchOne = async (job: RecordingJob, now: Date): Promise<true | string> => {
    const call = (await strapi.db.query(CALL).findOne({
      where: { callKey: `${job.integrationId}:${job.callId}` },
      populate: { recording: { select: ['id'] } },
    })) as CallWithRecording | null;
    if (call?.recording) return true;
    if (!call?.endedAt || call.status !== 'ended') return 'the call has not ended yet';
    const expiresAt = new Date(new Date(call.endedAt).getTime() + retentionDays() * DAY_MS);
    if (expiresAt <= now) return true;
    const integration = (await strapi.db
      .query(INTEGRATION)
      .findOne({ where: { id: job.integrationId } })) as IntegrationRow | null;
    if (!integration) return true;

    const file = await downloadRecording(
      await openRecording(strapi, integration, job.reference),
      maxRecordingBytes(strapi)
    );
    try {
      const stored = await storeRecordingFile(strapi, file, `call-${call.id}`);
      await strapi.db.query(CALL).update({
        where: { id: call.id },
        data: { recording: stored.id, recordingExpiresAt: expiresAt },
      });
    } finally {
      await rm(file.filepath, { force: true });
    }
    return true;
  };

  return {
    /** Tries every recording due at `now`; a failure waits for a later try, logged without URLs. */
    downloadDue: (now = new Date()) =>
      serially(strapi, async () => {
        let stored = 0;
        for (const job of await claimDueJobs(db, now, LEASE_MS)) {
          const outcome = await fetchOne(job, now).catch((error: Error) => error.message);
          if (outcome === true) {
            await finishJob(db, job.id, now);
            stored += 1;
          } else {
            strapi.log.warn(`telephony: recording of call ${job.callId} not fetched: ${outcome}`);
            await retryJob(db, job, now, outcome);
          }
        }
        return stored;
      }),

    /** Deletes recordings kept past their time: the file and the call's link to it. */
    purgeExpired: (now = new Date()) =>
      serially(strapi, async () => {
        const expired = (await strapi.db.query(CALL).findMany({
          where: { recordingExpiresAt: { $lt: now } },
          populate: { recording: { select: ['id'] } },
        })) as CallWithRecording[];
        for (const call of expired) {
          if (call.recording) await removeRecordingFile(strapi, call.recording.id);
          await strapi.db.query(CALL).update({
            where: { id: call.id },
            data: { recording: null, recordingUrl: null, recordingExpiresAt: null },
          });
        }
        return expired.length;
      }),
  };
};
