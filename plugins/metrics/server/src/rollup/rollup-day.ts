import type { Knex } from 'knex';

import { DIMENSIONS, SOURCE_DIMENSIONS, TABLES } from '../storage/tables';
import { createDayFigures, type RawEvent } from './day-figures';
import { recomputeMonth } from './monthly';

/** Raw events read per query: bounds memory on a big day. */
const PAGE_SIZE = 5000;
/** Rows per insert statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 50;

const EVENT_COLUMNS = ['id', 'at', 'visitor', 'name', 'path', ...SOURCE_DIMENSIONS] as const;

type EventRow = Omit<RawEvent, 'id' | 'at'> & { id: number | string; at: number | string };

/** PostgreSQL answers bigint columns as strings. */
const toEvent = (row: EventRow): RawEvent => ({ ...row, id: Number(row.id), at: Number(row.at) });

/**
 * Reads a site's day visitor by visitor, in pages ordered as the (site, day, visitor, at) index
 * is, and hands each visitor's events to `onVisitor`.
 */
const eachVisitor = async (
  trx: Knex.Transaction,
  site: string,
  day: string,
  onVisitor: (events: RawEvent[]) => void
) => {
  let after: RawEvent | null = null;
  let current: RawEvent[] = [];
  let maxId = 0;
  for (;;) {
    const query = trx(TABLES.events)
      .select(...EVENT_COLUMNS)
      .where({ site, day })
      .orderBy([
        { column: 'visitor', order: 'asc' },
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(PAGE_SIZE);
    if (after) {
      const last: RawEvent = after;
      query.andWhere((keyset) =>
        keyset
          .where('visitor', '>', last.visitor)
          .orWhere((same) =>
            same
              .where('visitor', last.visitor)
              .andWhere((later) =>
                later
                  .where('at', '>', last.at)
                  .orWhere((tie) => tie.where('at', last.at).andWhere('id', '>', last.id))
              )
          )
      );
    }
    const page = ((await query) as EventRow[]).map(toEvent);
    for (const event of page) {
      if (current.length > 0 && current[0].visitor !== event.visitor) {
        onVisitor(current);
        current = [];
      }
      current.push(event);
      if (event.id > maxId) maxId = event.id;
    }
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1];
  }
  if (current.length > 0) onVisitor(current);
  return maxId;
};

const insertChunked = async (trx: Knex.Transaction, table: string, rows: object[]) => {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await trx(table).insert(rows.slice(start, start + INSERT_CHUNK));
  }
};

/**
 * Recomputes one (site, day) of `metrics_daily` and `metrics_hourly` from its raw events, in one
 * transaction: the day's rows are deleted and written again, so running it twice changes nothing.
 *
 * The pending pair is claimed first (deleted): on PostgreSQL a second node's claim waits on that
 * row and then finds nothing to do, and a flush that re-marks the pair meanwhile waits too and
 * marks it again after the commit. Should an event the read did not see arrive anyway (a flush
 * not marking the pair in its own transaction), the pair is marked pending again before commit.
 * Returns false when another node had already claimed the pair.
 */
export const rollUpDay = async (db: Knex, timeZone: string, site: string, day: string) =>
  db.transaction(async (trx) => {
    const claimed = await trx(TABLES.pending).where({ site, day }).del();
    if (claimed === 0) return false;

    const figures = createDayFigures(timeZone);
    const maxId = await eachVisitor(trx, site, day, figures.addVisitor);

    await trx(TABLES.daily)
      .where({ site, day })
      .whereIn('dimension', [...DIMENSIONS])
      .del();
    await trx(TABLES.hourly)
      .where({ site })
      .whereBetween('hour', [`${day}T00`, `${day}T23`])
      .del();
    await insertChunked(
      trx,
      TABLES.daily,
      figures.rows().map((row) => ({ site, day, ...row }))
    );
    await insertChunked(
      trx,
      TABLES.hourly,
      figures.hours().map((row) => ({ site, ...row }))
    );

    await recomputeMonth(trx, day.slice(0, 7), (query) => query.where({ site }));

    const newer = await trx(TABLES.events)
      .where({ site, day })
      .andWhere('id', '>', maxId)
      .first('id');
    if (newer) await trx(TABLES.pending).insert({ site, day }).onConflict(['site', 'day']).ignore();
    return true;
  });
