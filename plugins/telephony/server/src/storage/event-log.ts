import type { Knex } from 'knex';

import type { CallEvent } from '../../../shared/contracts';

/**
 * Every call event taken in, once per (integration, event id): the unique index is what makes a
 * repeated event change nothing, even when both copies arrive at the same moment. A call's
 * record is folded from its rows, so events may come in any order.
 */
export const EVENT_LOG = 'telephony_call_events';

/** Creates the table when missing; safe on every start, on SQLite and PostgreSQL alike. */
export const ensureEventLog = async (db: Knex) => {
  if (await db.schema.hasTable(EVENT_LOG)) return;
  await db.schema.createTable(EVENT_LOG, (table) => {
    table.bigIncrements('id');
    table.integer('integration_id').notNullable();
    table.string('event_id', 200).notNullable();
    table.string('call_id', 200).notNullable();
    table.text('event').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.unique(['integration_id', 'event_id']);
    table.index(['integration_id', 'call_id']);
  });
};

/** Stores an event; false when this integration sent an event with this id before. */
export const logEvent = async (db: Knex, integrationId: number, event: CallEvent) => {
  const inserted = await db(EVENT_LOG)
    .insert({
      integration_id: integrationId,
      event_id: event.eventId,
      call_id: event.callId,
      event: JSON.stringify(event),
      received_at: new Date(),
    })
    .onConflict(['integration_id', 'event_id'])
    .ignore()
    .returning('id');
  return inserted.length > 0;
};

/** All events of one call, to fold into its record. */
export const eventsOfCall = async (
  db: Knex,
  integrationId: number,
  callId: string
): Promise<CallEvent[]> => {
  const rows: { event: string }[] = await db(EVENT_LOG)
    .select('event')
    .where({ integration_id: integrationId, call_id: callId });
  return rows.map(({ event }) => {
    const parsed = JSON.parse(event) as CallEvent & { occurredAt: string };
    return { ...parsed, occurredAt: new Date(parsed.occurredAt) };
  });
};

/** Forgets the events of calls that ended long ago: the call record keeps what matters. */
export const purgeEventsBefore = (db: Knex, before: Date) =>
  db(EVENT_LOG).where('received_at', '<', before).delete();
