import type { Knex } from 'knex';

/**
 * Recordings to fetch from providers, one per call (per integration): a notification or a call
 * ending with a recording adds one; the worker tries it until it is stored, backing off between
 * tries, so a provider that is slow to publish a file never holds up its webhook.
 */
export const RECORDING_JOBS = 'telephony_recording_jobs';

/** After this many failed tries a recording is given up (the call keeps its record). */
export const MAX_ATTEMPTS = 8;

export interface RecordingJob {
  id: number;
  integrationId: number;
  callId: string;
  reference: string;
  attempts: number;
}

export const ensureRecordingJobs = async (db: Knex) => {
  if (await db.schema.hasTable(RECORDING_JOBS)) return;
  await db.schema.createTable(RECORDING_JOBS, (table) => {
    table.increments('id');
    table.integer('integration_id').notNullable();
    table.string('call_id', 200).notNullable();
    table.text('reference').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.timestamp('done_at', { useTz: true }).nullable();
    table.string('last_error', 500).nullable();
    table.unique(['integration_id', 'call_id']);
    table.index(['done_at', 'next_attempt_at']);
  });
};

/** Adds a call's recording to fetch; a second one for the same call changes nothing. */
export const addRecordingJob = (
  db: Knex,
  job: { integrationId: number; callId: string; reference: string },
  now: Date
) =>
  db(RECORDING_JOBS)
    .insert({
      integration_id: job.integrationId,
      call_id: job.callId,
      reference: job.reference,
      attempts: 0,
      next_attempt_at: now,
    })
    .onConflict(['integration_id', 'call_id'])
    .ignore();

/**
 * Takes the jobs due at `now`, each leased for a while by moving its next try on: another node
 * (or another run) that read the same row loses the race and skips it.
 */
export const claimDueJobs = async (db: Knex, now: Date, leaseMs: number, limit = 20) => {
  const due: {
    id: number;
    integration_id: number;
    call_id: string;
    reference: string;
    attempts: number;
    next_attempt_at: Date | string;
  }[] = await db(RECORDING_JOBS)
    .whereNull('done_at')
    .where('next_attempt_at', '<=', now)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('next_attempt_at')
    .limit(limit);
  const claimed: RecordingJob[] = [];
  for (const row of due) {
    const won = await db(RECORDING_JOBS)
      .where({ id: row.id, next_attempt_at: row.next_attempt_at })
      .whereNull('done_at')
      .update({ next_attempt_at: new Date(now.getTime() + leaseMs) });
    if (won) {
      claimed.push({
        id: row.id,
        integrationId: row.integration_id,
        callId: row.call_id,
        reference: row.reference,
        attempts: row.attempts,
      });
    }
  }
  return claimed;
};

export const finishJob = (db: Knex, id: number, now: Date) =>
  db(RECORDING_JOBS).where({ id }).update({ done_at: now, last_error: null });

/** A failed try: the next one waits 30 s, then twice as long each time, at most an hour. */
export const retryJob = (db: Knex, job: RecordingJob, now: Date, error: string) => {
  const waitMs = Math.min(30_000 * 2 ** job.attempts, 3_600_000);
  return db(RECORDING_JOBS)
    .where({ id: job.id })
    .update({
      attempts: job.attempts + 1,
      next_attempt_at: new Date(now.getTime() + waitMs),
      last_error: error.slice(0, 500),
    });
};
