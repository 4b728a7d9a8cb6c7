import type { Core } from '@strapi/strapi';
import type { CountryCode } from 'libphonenumber-js';

import type { CallEvent, IngestResult } from '../../../shared/contracts';
import { findAgent } from '../agents/find-agent';
import { CALL } from '../content-types/uids';
import type { IntegrationRow } from '../integrations/integration-row';
import { normalizeNumber } from '../phone-numbers/normalize-number';
import { eventsOfCall, logEvent } from '../storage/event-log';
import { callListeners } from './call-listeners';
import { CALL_POPULATE, toCallRecord, type CallRow } from './call-record';
import { foldCallEvents } from './fold-call-events';
import { createKeyedQueue } from './keyed-queue';

const queues = new WeakMap<Core.Strapi, ReturnType<typeof createKeyedQueue>>();

const queueOf = (strapi: Core.Strapi) => {
  let queue = queues.get(strapi);
  if (!queue) queues.set(strapi, (queue = createKeyedQueue()));
  return queue;
};

const loadCall = async (strapi: Core.Strapi, id: number) =>
  toCallRecord(
    (await strapi.db.query(CALL).findOne({ where: { id }, populate: CALL_POPULATE })) as CallRow
  );

/** What the fold needs of a stored call: just enough to change it, not the whole record. */
const findStoredCall = async (strapi: Core.Strapi, callKey: string) =>
  (await strapi.db.query(CALL).findOne({
    where: { callKey },
    select: ['id', 'status', 'clinic'],
    populate: { agent: { select: ['id'] } },
  })) as Pick<CallRow, 'id' | 'status' | 'clinic'> & { agent: { id: number } | null };

/**
 * Takes in one event of a call from an integration: stored once (an event id seen before
 * changes nothing), then the call's record is folded anew from all its events, so the order
 * they came in does not matter. Listeners (tickets, pop-ups) hear of the change before this
 * returns.
 */
export const ingestCallEvent = async (
  strapi: Core.Strapi,
  integration: IntegrationRow,
  event: CallEvent
): Promise<IngestResult> => {
  const country = strapi.plugin('telephony').config('defaultCountry') as CountryCode;
  const applied = await logEvent(strapi.db.connection, integration.id, event);
  const callKey = `${integration.id}:${event.callId}`;
  return queueOf(strapi)(callKey, async () => {
    const existing = await findStoredCall(strapi, callKey);
    if (!applied && existing) return { applied: false, call: await loadCall(strapi, existing.id) };

    const state = foldCallEvents(
      await eventsOfCall(strapi.db.connection, integration.id, event.callId)
    );
    const agent = await findAgent(strapi, state.agentNames);
    const data = {
      direction: state.direction,
      fromNumber: normalizeNumber(state.from, country),
      toNumber: normalizeNumber(state.to, country),
      queue: state.queue,
      status: state.status,
      result: state.result,
      cause: state.cause,
      startedAt: state.startedAt,
      answeredAt: state.answeredAt,
      endedAt: state.endedAt,
      durationSeconds: state.durationSeconds,
      clinic: existing?.clinic ?? integration.clinic,
      recordingUrl: state.recordingUrl,
    };
    // Relations are written only when they change: each write of one costs its link rows.
    const agentChanged = (existing?.agent?.id ?? null) !== agent;
    const row = (
      existing
        ? await strapi.db.query(CALL).update({
            where: { id: existing.id },
            data: agentChanged ? { ...data, agent } : data,
            populate: CALL_POPULATE,
          })
        : await strapi.db.query(CALL).create({
            data: { ...data, integration: integration.id, callKey, callId: state.callId, agent },
            populate: CALL_POPULATE,
          })
    ) as CallRow;
    const call = toCallRecord(row);
    await callListeners(strapi).emit({ call, previousStatus: existing?.status ?? null });
    return { applied, call };
  });
};
