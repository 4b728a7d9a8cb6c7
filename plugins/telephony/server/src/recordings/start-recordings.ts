import type { Core } from '@strapi/strapi';

import { callListeners } from '../calls/call-listeners';
import { CALL } from '../content-types/uids';
import { addRecordingJob } from './recording-jobs';
import { recordingWork } from './recording-work';

/** How often recordings due are fetched again and expired ones deleted. */
const WORK_INTERVAL_MS = 60_000;

/**
 * Adds a call's recording to fetch and nudges the worker without waiting for it: a webhook is
 * answered at once, however slow the provider's file server.
 */
export const announceRecording = async (
  strapi: Core.Strapi,
  recording: { integrationId: number; callId: string; reference: string },
  now = new Date()
) => {
  await addRecordingJob(strapi.db.connection, recording, now);
  void recordingWork(strapi)
    .downloadDue()
    .catch((error: Error) => strapi.log.error(`telephony: recordings: ${error.message}`));
};

/**
 * Fetches the recording of every call that ends with one (a URL in its events), and runs the
 * work on a timer; returns what stops it.
 */
export const startRecordings = (strapi: Core.Strapi) => {
  const unsubscribe = callListeners(strapi).subscribe(async ({ call }) => {
    if (call.status !== 'ended' || call.recording) return;
    const row = (await strapi.db
      .query(CALL)
      .findOne({ select: ['recordingUrl'], where: { id: call.id } })) as {
      recordingUrl: string | null;
    } | null;
    if (!row?.recordingUrl) return;
    await announceRecording(strapi, {
      integrationId: call.integration.id,
      callId: call.callId,
      reference: row.recordingUrl,
    });
  });
  const work = recordingWork(strapi);
  const timer = setInterval(() => {
    work
      .downloadDue()
      .then(() => work.purgeExpired())
      .catch((error: Error) => strapi.log.error(`telephony: recordings: ${error.message}`));
  }, WORK_INTERVAL_MS);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
};
